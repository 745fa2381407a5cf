import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "../src/i18n/en";
import zh from "../src/i18n/zh-CN";

const SRC = join(import.meta.dirname, "../src");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(vue|ts)$/.test(f) ? [p] : [];
  });
const has = (dict: unknown, key: string) =>
  key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], dict) !==
  undefined;

describe("the console's messages", () => {
  it("has every key a page asks for by name, in Chinese and in English", () => {
    const used = new Set<string>();
    for (const f of files(SRC)) {
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/\bt\(\s*["']([a-zA-Z][\w]*\.[\w.]+)["']/g)) used.add(m[1]!);
      for (const m of text.matchAll(/title: "([a-z]\w*\.\w+)"/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !has(zh, k))).toEqual([]);
    expect([...used].filter((k) => !has(en, k))).toEqual([]);
  });
});
