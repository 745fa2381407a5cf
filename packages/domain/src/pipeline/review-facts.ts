import { addDays } from "../calendar/dates";
import { confirmedHoursBetween } from "../practices/service";
import type { CaseState } from "./state";
import { latestOf } from "./state";

/** A community-service session as the review reads it; only confirmed ones count. */
export interface ReviewServiceSession {
  id: string;
  servedOn: string;
  hours: number;
  status: "pending" | "confirmed";
}

/**
 * What the reviewer of a 培养教育考察 saw, kept with the step (docs/domain.md §Community and
 * volunteer service): the confirmed 报到服务 hours in the period under review.
 */
export interface CultivationReviewFacts {
  service: {
    /** first day of the period; null when the case has neither a review nor a filing to count from */
    from: string | null;
    /** last day of the period: the review's own date */
    to: string;
    confirmedHours: number;
    confirmedSessions: number;
    sessionIds: string[];
  };
}

/**
 * The period a cultivation review covers: from the day after the previous review (so no session
 * counts in two reviews), or for the first one from the activist's filing with the upper committee
 * (or, where the filing is not recorded yet, the designation), through the review's date.
 */
export function cultivationReviewPeriod(
  state: CaseState,
  reviewOn: string,
): { from: string | null; to: string } {
  let previous: string | null = null;
  for (const s of state.steps) {
    if (
      s.step === "cultivation_review" &&
      s.occurredOn <= reviewOn &&
      (!previous || s.occurredOn > previous)
    ) {
      previous = s.occurredOn;
    }
  }
  if (previous) return { from: addDays(previous, 1), to: reviewOn };
  const start = latestOf(state, "activist_filing") ?? latestOf(state, "activist_designation");
  return { from: start?.occurredOn ?? null, to: reviewOn };
}

/** The facts a cultivation review records about the period it covers. */
export function cultivationReviewFacts(
  state: CaseState,
  reviewOn: string,
  sessions: readonly ReviewServiceSession[],
): CultivationReviewFacts {
  const { from, to } = cultivationReviewPeriod(state, reviewOn);
  const counted = sessions
    .filter((s) => s.status === "confirmed" && (from === null || s.servedOn >= from) && s.servedOn <= to)
    .sort((a, b) => a.servedOn.localeCompare(b.servedOn) || a.id.localeCompare(b.id));
  return {
    service: {
      from,
      to,
      confirmedHours: confirmedHoursBetween(counted, from, to),
      confirmedSessions: counted.length,
      sessionIds: counted.map((s) => s.id),
    },
  };
}
