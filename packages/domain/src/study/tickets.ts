import { failure, type RuleFailure } from "../rules/rule";
import type { LibraryRules, StudyRules } from "./rules";

/**
 * A reading ticket (docs/domain.md §Study library): issued by the server when a member opens an
 * article or a video, bound to that member and that material, redeemable once, from
 * `redeemableAt` (the material's minimum time after issue) until `expiresAt`.
 */
export interface Ticket {
  id: string;
  memberId: string;
  materialId: string;
  issuedAt: string;
  redeemableAt: string;
  expiresAt: string;
  redeemedAt: string | null;
}

export type TicketState = "open" | "redeemed" | "expired";

export function ticketState(t: Pick<Ticket, "redeemedAt" | "expiresAt">, now: Date): TicketState {
  if (t.redeemedAt !== null) return "redeemed";
  return now.getTime() < Date.parse(t.expiresAt) ? "open" : "expired";
}

/** When a ticket issued now becomes redeemable and when it lapses. */
export function ticketTimes(
  now: Date,
  minSec: number,
  lib: LibraryRules,
): Pick<Ticket, "issuedAt" | "redeemableAt" | "expiresAt"> {
  const issued = now.getTime();
  const redeemable = issued + minSec * 1000;
  return {
    issuedAt: new Date(issued).toISOString(),
    redeemableAt: new Date(redeemable).toISOString(),
    expiresAt: new Date(redeemable + lib.ticketWindowSec * 1000).toISOString(),
  };
}

/** A member holds at most `maxOpenTickets` open tickets; `open` are the ones they hold now. */
export function checkIssue(
  open: readonly Pick<Ticket, "id" | "materialId">[],
  lib: LibraryRules,
): RuleFailure[] {
  if (open.length < lib.maxOpenTickets) return [];
  return [
    failure(
      "too_many_open_tickets",
      {
        zh: `同时最多只能打开 ${lib.maxOpenTickets} 篇学习资料，请先读完已打开的`,
        en: `You may have at most ${lib.maxOpenTickets} materials open at once; finish one first`,
      },
      { open: open.length, max: lib.maxOpenTickets, materialIds: open.map((t) => t.materialId) },
    ),
  ];
}

/**
 * Whether a ticket may be redeemed now. A ticket of another member never reaches this check: it is
 * not found for them. Order matters: a used ticket says so before anything else.
 */
export function checkRedemption(t: Ticket, c: { now: Date; published: boolean }): RuleFailure[] {
  if (t.redeemedAt !== null) {
    return [
      failure(
        "ticket_already_redeemed",
        { zh: "这张阅读凭证已经兑换过，不能重复兑换", en: "This reading ticket was already redeemed" },
        { ticketId: t.id, redeemedAt: t.redeemedAt },
      ),
    ];
  }
  if (!c.published) {
    return [
      failure(
        "material_not_published",
        { zh: "该学习资料未发布或已下架，不能计分", en: "The material is not (or no longer) published" },
        { ticketId: t.id, materialId: t.materialId },
      ),
    ];
  }
  const now = c.now.getTime();
  const from = Date.parse(t.redeemableAt);
  if (now < from) {
    const secondsLeft = Math.ceil((from - now) / 1000);
    return [
      failure(
        "ticket_not_yet_redeemable",
        {
          zh: `阅读时间不足，还需 ${secondsLeft} 秒才能兑换`,
          en: `Not read long enough yet: ${secondsLeft} s to go`,
        },
        { ticketId: t.id, redeemableAt: t.redeemableAt, now: c.now.toISOString(), secondsLeft },
      ),
    ];
  }
  if (now >= Date.parse(t.expiresAt)) {
    return [
      failure(
        "ticket_expired",
        {
          zh: "这张阅读凭证已过期，请重新打开学习资料",
          en: "This reading ticket has expired; open the material again",
        },
        { ticketId: t.id, expiresAt: t.expiresAt },
      ),
    ];
  }
  return [];
}

/** What a redeemed ticket records: each of the library's kinds for the material, as the rule set has it. */
export function ticketActivities(
  material: { kind: "article" | "video"; minSec: number },
  rules: StudyRules,
): { kind: string; durationSec: number | null }[] {
  const kinds = material.kind === "article" ? rules.library.articleKinds : rules.library.videoKinds;
  return kinds.map((kind) => ({
    kind,
    durationSec: rules.kinds[kind]?.measure === "time" ? material.minSec : null,
  }));
}

/**
 * Why a redemption earned less than a fresh read would: the material was already read today (the
 * read counts once a day, nothing is recorded), or the day's caps left no room.
 */
export const REPEAT_READ = {
  code: "already_read_today",
  message: {
    zh: "今天已经学过这篇资料，再次阅读不再计分",
    en: "You already studied this material today; reading it again earns nothing",
  },
} as const;

export const CAPPED = {
  code: "daily_cap_reached",
  message: { zh: "今日该项积分已达上限", en: "Today's cap for this is reached" },
} as const;
