import { describe, expect, it } from "vitest";
import { isTransferExpired, transferExpiresOn, transferValidDays } from "./transfer";

describe("transfer letters", () => {
  it("are valid 10 days within a district, 30 elsewhere, never over 90", () => {
    expect(transferValidDays(true)).toBe(10);
    expect(transferValidDays(false)).toBe(30);
    expect(transferValidDays(false, 400)).toBe(90);
    expect(transferExpiresOn("2024-01-25", 10)).toBe("2024-02-04");
  });

  it("expire the day after their last valid day", () => {
    expect(isTransferExpired("2024-02-04", "2024-02-04")).toBe(false);
    expect(isTransferExpired("2024-02-04", "2024-02-05")).toBe(true);
  });
});
