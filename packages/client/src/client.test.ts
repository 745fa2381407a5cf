import { describe, expect, it } from "vitest";
import { fieldName, userLang } from "./cli/lang";
import { createVanguardClient, VanguardError } from "./client";
import { paginate } from "./paginate";
import { retryAfterMs } from "./retry";

/** A server in a function: answers in order, and remembers what it was sent. */
function scripted(answers: (() => Response)[]) {
  const seen: Request[] = [];
  const fetch = async (req: Request) => {
    seen.push(req);
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    return next();
  };
  return { fetch, seen };
}

const problem =
  (status: number, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify({ status, code: status === 429 ? "rate_limited" : "unavailable" }), {
      status,
      headers: { "content-type": "application/problem+json", ...headers },
    });
const created = () => new Response(JSON.stringify({ id: "dt_1" }), { status: 201 });

describe("the client", () => {
  it("retries 503 and 429 after their Retry-After, with the same Idempotency-Key", async () => {
    const server = scripted([
      problem(503, { "retry-after": "2" }),
      problem(429, { "retry-after": "5" }),
      created,
    ]);
    const waits: number[] = [];
    const api = createVanguardClient({
      baseUrl: "http://api.test",
      key: "vgk_x",
      fetch: server.fetch,
      sleep: async (ms) => void waits.push(ms),
    });
    const { data } = await api.POST("/v1/districts", { body: { code: "a", name: "甲" } });
    expect(data).toEqual({ id: "dt_1" });
    expect(waits).toEqual([2000, 5000]);
    const keys = server.seen.map((r) => r.headers.get("idempotency-key"));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    // every try carried the whole body
    expect(await Promise.all(server.seen.map((r) => r.json()))).toEqual(
      Array(3).fill({ code: "a", name: "甲" }),
    );
  });

  it("gives up after its retries, and never waits longer than it was told it may", async () => {
    const server = scripted([problem(503), problem(503)]);
    const api = createVanguardClient({
      baseUrl: "http://api.test",
      fetch: server.fetch,
      retries: 1,
      sleep: async () => {},
    });
    const err = await api.GET("/v1/districts").catch((e) => e);
    expect(err).toBeInstanceOf(VanguardError);
    expect(err.status).toBe(503);
    expect(server.seen).toHaveLength(2);

    const long = scripted([problem(429, { "retry-after": "3600" })]);
    const patient = createVanguardClient({
      baseUrl: "http://api.test",
      fetch: long.fetch,
      sleep: async () => {},
    });
    expect((await patient.GET("/v1/districts").catch((e) => e)).status).toBe(429);
    expect(long.seen).toHaveLength(1);
  });

  it("keeps a key the caller chose, and sends none on a GET", async () => {
    const server = scripted([created, () => Response.json({ items: [], nextCursor: null })]);
    const api = createVanguardClient({ baseUrl: "http://api.test", fetch: server.fetch });
    await api.POST("/v1/districts", {
      body: { code: "a", name: "甲" },
      headers: { "idempotency-key": "mine" } as Record<string, string>,
    });
    await api.GET("/v1/districts");
    expect(server.seen.map((r) => r.headers.get("idempotency-key"))).toEqual(["mine", null]);
  });

  it("pages through a list to the end", async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      start: { items: [1, 2], nextCursor: "b" },
      b: { items: [3], nextCursor: "c" },
      c: { items: [], nextCursor: null },
    };
    const asked: (string | undefined)[] = [];
    const items: number[] = [];
    for await (const n of paginate(async (cursor) => {
      asked.push(cursor);
      return { data: pages[cursor ?? "start"] };
    }))
      items.push(n);
    expect(items).toEqual([1, 2, 3]);
    expect(asked).toEqual([undefined, "b", "c"]);
  });

  it("reads Retry-After as seconds or a date", () => {
    expect(retryAfterMs("7")).toBe(7000);
    expect(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(
      10_000,
    );
    expect(retryAfterMs(null)).toBe(1000);
  });
});

describe("the CLI's language", () => {
  it("speaks Chinese for a zh_* locale, English otherwise, and --lang wins", () => {
    expect(userLang(undefined, { LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(userLang(undefined, { LANG: "en_US.UTF-8" })).toBe("en");
    expect(userLang(undefined, { LANG: "zh_CN.UTF-8", LC_ALL: "C" })).toBe("en");
    expect(userLang(undefined, {})).toBe("en");
    expect(userLang(undefined, { LC_ALL: "", LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(userLang("en", { LANG: "zh_TW.UTF-8" })).toBe("en");
    expect(userLang("zh", { LANG: "C" })).toBe("zh-CN");
  });

  it("names the server's fields as a clerk knows them", () => {
    expect(fieldName("idNumber", "zh-CN")).toBe("身份证号");
    expect(fieldName("attendees.0.memberId", "zh-CN")).toBe("attendees.第1项.党员");
    expect(fieldName("idNumber", "en")).toBe("idNumber");
  });
});
