import { describe, expect, it } from "vitest";
import { SLOW_REQUEST_MS, shouldLog } from "./logger";

describe("which requests are logged", () => {
  const read = { method: "GET", status: 200, ms: 12 };

  it("by default: every change, refusal, failure and slow request, and no quick successful read", () => {
    expect(shouldLog(undefined, read)).toBe(false);
    expect(shouldLog(undefined, { ...read, method: "HEAD" })).toBe(false);
    expect(shouldLog(undefined, { ...read, method: "POST", status: 201 })).toBe(true);
    expect(shouldLog(undefined, { ...read, method: "DELETE", status: 204 })).toBe(true);
    expect(shouldLog(undefined, { ...read, status: 404 })).toBe(true);
    expect(shouldLog(undefined, { ...read, status: 503 })).toBe(true);
    expect(shouldLog(undefined, { ...read, ms: SLOW_REQUEST_MS })).toBe(true);
  });

  it("all of them with `all`, none with `0`", () => {
    expect(shouldLog("all", read)).toBe(true);
    expect(shouldLog("0", { ...read, method: "POST", status: 500 })).toBe(false);
  });
});
