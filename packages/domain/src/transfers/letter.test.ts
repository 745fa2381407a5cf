import { describe, expect, it } from "vitest";
import { ACCEPT_LEASE_SECONDS, isLetterStuck, planAccept, planCancel, STUCK_AFTER_MINUTES } from "./letter";

const now = new Date("2026-03-10T08:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();
const letter = (status: Parameters<typeof planAccept>[0]["status"], claimedAt: string | null = null) => ({
  id: "tr_1",
  status,
  expiresOn: "2026-03-15",
  claimedAt,
});

describe("accepting a transfer letter", () => {
  it("claims a pending letter within its dates and expires one past them", () => {
    expect(planAccept(letter("pending"), "2026-03-15", now)).toEqual({ kind: "claim" });
    const late = planAccept(letter("pending"), "2026-03-16", now);
    expect(late.kind).toBe("expire");
    expect(late.kind === "expire" && late.failure.rule).toBe("transfer_expired");
  });

  it("answers an accepted letter as it stands and refuses a withdrawn or expired one", () => {
    expect(planAccept(letter("accepted"), "2026-03-10", now)).toEqual({ kind: "done" });
    const withdrawn = planAccept(letter("cancelled"), "2026-03-10", now);
    expect(withdrawn.kind === "refuse" && withdrawn.failure.rule).toBe("transfer_cancelled");
    const expired = planAccept(letter("expired"), "2026-03-10", now);
    expect(expired.kind === "refuse" && expired.failure.rule).toBe("transfer_expired");
  });

  it("leaves a letter to the accept that holds it until the lease lapses, then resumes it", () => {
    expect(planAccept(letter("accepting", ago(30)), "2026-03-10", now)).toEqual({
      kind: "busy",
      retryAfterSeconds: ACCEPT_LEASE_SECONDS - 30,
    });
    expect(planAccept(letter("accepting", ago(ACCEPT_LEASE_SECONDS)), "2026-03-10", now)).toEqual({
      kind: "resume",
      expired: false,
    });
    // a stuck accept found after the letter's last day is undone, not finished
    expect(planAccept(letter("accepting", ago(86_400)), "2026-03-16", now)).toEqual({
      kind: "resume",
      expired: true,
    });
  });
});

describe("withdrawing a transfer letter", () => {
  it("cancels a pending letter, is idempotent on closed ones and refuses an accepted one", () => {
    expect(planCancel(letter("pending"), now)).toEqual({ kind: "cancel" });
    expect(planCancel(letter("cancelled"), now)).toEqual({ kind: "done" });
    expect(planCancel(letter("expired"), now)).toEqual({ kind: "done" });
    const accepted = planCancel(letter("accepted"), now);
    expect(accepted.kind === "refuse" && accepted.failure.rule).toBe("transfer_accepted");
  });

  it("waits for an accept in progress, and unwinds one whose lease lapsed", () => {
    expect(planCancel(letter("accepting", ago(10)), now).kind).toBe("busy");
    expect(planCancel(letter("accepting", ago(ACCEPT_LEASE_SECONDS + 1)), now)).toEqual({ kind: "unwind" });
  });
});

describe("stuck letters", () => {
  it("are accepting letters held for the stuck threshold or longer", () => {
    expect(isLetterStuck(letter("accepting", ago(STUCK_AFTER_MINUTES * 60)), now)).toBe(true);
    expect(isLetterStuck(letter("accepting", ago(STUCK_AFTER_MINUTES * 60 - 1)), now)).toBe(false);
    expect(isLetterStuck(letter("pending"), now)).toBe(false);
  });
});
