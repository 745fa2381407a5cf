import { describe, expect, it } from "vitest";
import { ProblemError } from "../errors/problem";
import { decodeCursor, encodeCursor, page } from "./pagination";

describe("cursor pagination", () => {
  it("hands out a cursor only when another page exists", () => {
    const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];
    const first = page(rows, 2, (r) => r.id);
    expect(first.items).toEqual([{ id: "a" }, { id: "b" }]);
    expect(decodeCursor(first.nextCursor!)).toBe("b");
    expect(page(rows, 3, (r) => r.id).nextCursor).toBeNull();
  });

  it("round-trips numbers and refuses garbage", () => {
    expect(decodeCursor(encodeCursor(42))).toBe("42");
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(() => decodeCursor("%%%")).toThrow(ProblemError);
  });
});
