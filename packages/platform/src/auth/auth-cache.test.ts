import { describe, expect, it } from "vitest";
import { authCacheMs, TtlCache } from "./auth-cache";

describe("TtlCache", () => {
  it("answers until the entry's time is up, then forgets it", () => {
    const c = new TtlCache<string>();
    c.set("a", "x", 1_000);
    expect(c.get("a", 999)).toBe("x");
    expect(c.get("a", 1_000)).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it("drops the oldest entry when full, and a re-set entry counts as new", () => {
    const c = new TtlCache<number>(2);
    c.set("a", 1, 10);
    c.set("b", 2, 10);
    c.set("a", 3, 10);
    c.set("c", 4, 10);
    expect(c.get("b", 0)).toBeUndefined();
    expect(c.get("a", 0)).toBe(3);
    expect(c.get("c", 0)).toBe(4);
  });

  it("deletes by key and by predicate", () => {
    const c = new TtlCache<{ keyId: string }>();
    c.set("h1", { keyId: "k1" }, 10);
    c.set("h2", { keyId: "k2" }, 10);
    c.deleteWhere((v) => v.keyId === "k1");
    c.delete("h2");
    expect(c.size).toBe(0);
  });
});

describe("authCacheMs", () => {
  it("defaults to 10 s, reads seconds, and turns off at 0 or nonsense", () => {
    expect(authCacheMs(undefined)).toBe(10_000);
    expect(authCacheMs("")).toBe(10_000);
    expect(authCacheMs("3")).toBe(3_000);
    expect(authCacheMs("0")).toBe(0);
    expect(authCacheMs("-1")).toBe(0);
    expect(authCacheMs("soon")).toBe(0);
  });
});
