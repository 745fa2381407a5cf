import { failure, type RuleFailure } from "../rules/rule";
import { isTransferExpired } from "./transfer";

/**
 * A transfer letter as a state machine (docs/domain.md, "Transfers"):
 *
 *   pending ──accept──▶ accepting ──move done──▶ accepted
 *      │  ╲                 │  ▲
 *      │   ╲expiry          │  └─ a lapsed claim is taken over by the next accept
 *   cancel  ▶ expired       ├──move failed──▶ pending (rolled back)
 *      ▼                    └──cancel after the lease──▶ cancelled (arrival undone)
 *  cancelled
 *
 * `pending` and `accepting` are the open states: the database holds at most one open letter per
 * member. An accept claims the letter for one request; the claim is a lease, so a request that died
 * half way does not hold the letter for ever.
 */
export type LetterStatus = "pending" | "accepting" | "accepted" | "cancelled" | "expired";

export interface LetterState {
  status: LetterStatus;
  expiresOn: string;
  /** when the accept in progress claimed the letter (ISO), for `accepting` */
  claimedAt: string | null;
}

/** How long an accept holds its claim before another request may take it over. */
export const ACCEPT_LEASE_SECONDS = 120;
/** A letter left `accepting` this long is stuck: the audit reports it to the sending branch. */
export const STUCK_AFTER_MINUTES = 60;

export const OPEN_LETTER_STATUSES = ["pending", "accepting"] as const;

export type AcceptPlan =
  /** already accepted: answer as it stands */
  | { kind: "done" }
  | { kind: "refuse"; failure: RuleFailure }
  /** pending past its last day: record the expiry, then refuse */
  | { kind: "expire"; failure: RuleFailure }
  /** pending: claim it for this request */
  | { kind: "claim" }
  /** another request holds the accept; try again after this many seconds */
  | { kind: "busy"; retryAfterSeconds: number }
  /** the claim lapsed: take it over and finish the move, or undo it if the letter expired meanwhile */
  | { kind: "resume"; expired: boolean };

export type CancelPlan =
  | { kind: "cancel" }
  | { kind: "done" }
  | { kind: "refuse"; failure: RuleFailure }
  | { kind: "busy"; retryAfterSeconds: number }
  /** a stuck accept: undo the arrival (if the member has not yet left the sender), then cancel */
  | { kind: "unwind" };

export const LETTER_CANCELLED = (transferId: string) =>
  failure("transfer_cancelled", { zh: "该介绍信已撤回", en: "The letter was withdrawn" }, { transferId });

export const LETTER_EXPIRED = (expiresOn: string, today: string) =>
  failure(
    "transfer_expired",
    {
      zh: `介绍信已于 ${expiresOn} 过期，请转出支部重新开具`,
      en: `The letter expired on ${expiresOn}; the sending branch must issue a new one`,
    },
    { expiresOn, today },
  );

export const LETTER_ACCEPTED = (transferId: string) =>
  failure(
    "transfer_accepted",
    {
      zh: "该党员已转入接收支部，介绍信不能撤回",
      en: "The member has already moved to the receiving branch; the letter cannot be withdrawn",
    },
    { transferId },
  );

function leaseLeft(claimedAt: string | null, now: Date): number {
  if (!claimedAt) return 0;
  const held = (now.getTime() - Date.parse(claimedAt)) / 1000;
  return Math.max(0, Math.ceil(ACCEPT_LEASE_SECONDS - held));
}

/** What the receiving branch's accept does with a letter in this state. */
export function planAccept(letter: LetterState & { id: string }, today: string, now: Date): AcceptPlan {
  switch (letter.status) {
    case "accepted":
      return { kind: "done" };
    case "cancelled":
      return { kind: "refuse", failure: LETTER_CANCELLED(letter.id) };
    case "expired":
      return { kind: "refuse", failure: LETTER_EXPIRED(letter.expiresOn, today) };
    case "pending":
      return isTransferExpired(letter.expiresOn, today)
        ? { kind: "expire", failure: LETTER_EXPIRED(letter.expiresOn, today) }
        : { kind: "claim" };
    case "accepting": {
      const left = leaseLeft(letter.claimedAt, now);
      if (left > 0) return { kind: "busy", retryAfterSeconds: left };
      return { kind: "resume", expired: isTransferExpired(letter.expiresOn, today) };
    }
  }
}

/** What the sending side's withdrawal does with a letter in this state. */
export function planCancel(letter: LetterState & { id: string }, now: Date): CancelPlan {
  switch (letter.status) {
    case "pending":
      return { kind: "cancel" };
    case "cancelled":
    case "expired":
      return { kind: "done" };
    case "accepted":
      return { kind: "refuse", failure: LETTER_ACCEPTED(letter.id) };
    case "accepting": {
      const left = leaseLeft(letter.claimedAt, now);
      return left > 0 ? { kind: "busy", retryAfterSeconds: left } : { kind: "unwind" };
    }
  }
}

/** Whether an `accepting` letter has been held long enough to be reported as stuck. */
export function isLetterStuck(letter: LetterState, now: Date): boolean {
  if (letter.status !== "accepting" || !letter.claimedAt) return false;
  return now.getTime() - Date.parse(letter.claimedAt) >= STUCK_AFTER_MINUTES * 60_000;
}
