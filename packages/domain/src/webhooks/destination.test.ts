import { describe, expect, it } from "vitest";
import { checkWebhookUrl, classifyHost } from "./destination";

declare const URL: new (url: string) => { hostname: string };

const strict = { allowLoopback: false };
const local = { allowLoopback: true };
const rules = (url: string, policy = strict) => checkWebhookUrl(url, policy).map((f) => f.rule);

describe("webhook destinations", () => {
  it.each([
    "https://169.254.169.254/latest/meta-data/",
    "https://[::ffff:a9fe:a9fe]/",
    "https://[::ffff:169.254.169.254]/",
    "https://[0:0:0:0:0:ffff:a9fe:a9fe]/",
    "https://[::a9fe:a9fe]/",
    "https://[64:ff9b::a9fe:a9fe]/",
    "https://[2002:a9fe:a9fe::1]/",
    "https://10.0.0.1/hook",
    "https://10.255.255.255/",
    "https://172.16.0.1/",
    "https://172.31.255.254/",
    "https://192.168.1.1/",
    "https://100.64.0.1/",
    "https://100.100.100.200/",
    "https://127.0.0.1/",
    "https://127.1.2.3/",
    "https://0.0.0.0/",
    "https://[::1]/",
    "https://[::]/",
    "https://[fd00:ec2::254]/",
    "https://[fc00::1]/",
    "https://[fe80::1]/",
    "https://[ff02::1]/",
    "https://[2001::1]/",
    "https://224.0.0.1/",
    "https://255.255.255.255/",
    "https://2130706433/",
    "https://0x7f.0.0.1/",
    "https://0251.0376.0251.0376/",
    "https://localhost/",
    "https://api.localhost/",
    "https://metadata.google.internal/",
    "https://metadata.tencentyun.com/",
    "https://printer.local/",
    "https://intranet/",
  ])("refuses %s in production", (url) => {
    expect(rules(url)).toEqual(["webhook_destination_refused"]);
  });

  it("refuses credentials, other schemes and plain http to public hosts", () => {
    expect(rules("https://user:pw@hooks.example.com/")).toEqual(["webhook_destination_refused"]);
    expect(rules("ftp://hooks.example.com/")).toEqual(["webhook_destination_refused"]);
    expect(rules("http://hooks.example.com/")).toEqual(["webhook_destination_refused"]);
    expect(rules("not a url")).toEqual(["webhook_destination_refused"]);
  });

  it("takes https to public addresses and names", () => {
    for (const url of [
      "https://hooks.example.com/vanguard",
      "https://8.8.8.8/",
      "https://172.32.0.1/",
      "https://100.128.0.1/",
      "https://[2606:4700:4700::1111]/",
      "https://[::ffff:808:808]/",
    ]) {
      expect(rules(url)).toEqual([]);
    }
  });

  it("lets local development use a receiver on this machine, and nothing else private", () => {
    expect(rules("http://127.0.0.1:9999/hook", local)).toEqual([]);
    expect(rules("http://localhost:9999/hook", local)).toEqual([]);
    expect(rules("http://[::1]:9999/hook", local)).toEqual([]);
    expect(rules("https://10.0.0.1/", local)).toEqual(["webhook_destination_refused"]);
    expect(rules("https://169.254.169.254/", local)).toEqual(["webhook_destination_refused"]);
    expect(rules("http://127.0.0.1:9999/hook")).toEqual(["webhook_destination_refused"]);
  });

  it("classifies what the URL parser makes of a host", () => {
    expect(classifyHost(new URL("https://[::ffff:7f00:1]/").hostname)).toBe("loopback");
    expect(classifyHost(new URL("https://0x0a.1/").hostname)).toBe("blocked");
    expect(classifyHost(new URL("https://example.com./").hostname)).toBe("public");
  });
});
