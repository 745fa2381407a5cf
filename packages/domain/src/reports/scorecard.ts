import { type Cadence, type ComplianceItem, cadencePeriods } from "../meetings/cadence";

/**
 * The compliance scorecard of one branch: each measure as a rate in [0, 1] (null when there is
 * nothing to measure), and an overall score a district reads at a glance. The weights are a
 * reading aid for colouring, not a regulation; each measure is reported beside the score.
 */

export interface MeetingSummary {
  /** meetings the cadence rules required in the periods due so far */
  required: number;
  /** qualifying meetings counted against that requirement (at most `required` per rule) */
  held: number;
  /** ended periods that lacked their meeting */
  missingPeriods: number;
  /** cadence periods judged (ended, or the running one once its meeting is held), and of those the ones that had it */
  periodsJudged: number;
  periodsMet: number;
  /** share of judged periods that had it */
  rate: number | null;
  /** per rule, the months, quarters or years that lacked their meeting */
  missing: { code: string; kind: ComplianceItem["kind"]; per: Cadence; periods: string[] }[];
}

/**
 * Sums `meetingCompliance` over the applicable rules. A period still under way is judged only once
 * its meeting is held. When the report's period is over (`endedOn`, its last day), a cadence
 * period that ended with it and was still open lacked its meeting for good; a longer one (the year,
 * seen from a quarter) is still under way.
 */
export function summarizeMeetings(items: readonly ComplianceItem[], endedOn: string | null): MeetingSummary {
  let required = 0;
  let held = 0;
  let missingPeriods = 0;
  let judged = 0;
  let met = 0;
  const named: MeetingSummary["missing"] = [];
  for (const i of items) {
    if (!i.applicable || i.min <= 0) continue;
    const due = i.required / i.min;
    const lapsed = i.open !== null && endedOn !== null && periodEnd(i.per, i.open) <= endedOn;
    const open = i.open !== null && !lapsed ? 1 : 0;
    const missing = i.missing.length + (lapsed ? 1 : 0);
    required += i.required;
    held += Math.min(i.held, i.required);
    missingPeriods += missing;
    judged += due - open;
    met += due - open - missing;
    const periods = [...i.missing, ...(lapsed && i.open ? [i.open] : [])];
    if (periods.length) named.push({ code: i.code, kind: i.kind, per: i.per, periods });
  }
  return {
    required,
    held,
    missingPeriods,
    periodsJudged: judged,
    periodsMet: met,
    rate: ratio(met, judged),
    missing: named,
  };
}

function periodEnd(per: Cadence, key: string): string {
  return cadencePeriods(per, Number(key.slice(0, 4))).find((p) => p.key === key)?.to ?? key;
}

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? round(Math.min(1, part / whole), 4) : null;
}

export function round(x: number, places: number): number {
  return Math.round(x * 10 ** places) / 10 ** places;
}

export interface FindingCounts {
  info: number;
  warning: number;
  severe: number;
}

/** What unresolved findings cost a score, out of 100: a severe one weighs most. */
export const FINDING_PENALTY: FindingCounts = { info: 2, warning: 8, severe: 20 };

export function findingsRate(open: FindingCounts): number {
  const lost =
    open.info * FINDING_PENALTY.info +
    open.warning * FINDING_PENALTY.warning +
    open.severe * FINDING_PENALTY.severe;
  return round(Math.max(0, 100 - lost) / 100, 4);
}

export interface ScoreParts {
  meetings: number | null;
  dues: number | null;
  study: number | null;
  inspection: number | null;
  findings: number;
}

export const SCORE_WEIGHTS: Record<keyof ScoreParts, number> = {
  meetings: 30,
  dues: 20,
  study: 20,
  inspection: 20,
  findings: 10,
};

export type ComplianceBand = "good" | "fair" | "poor" | "none";

/** Bands of the overall score: what the dashboard colours green, amber and red. */
export const BAND_FLOORS = { good: 85, fair: 60 } as const;

/**
 * The weighted mean of the measures a branch has, out of 100. Findings alone say nothing about
 * a unit with no members, meetings or inspection, so such a unit has no score.
 */
export function complianceScore(parts: ScoreParts): { score: number | null; band: ComplianceBand } {
  let weight = 0;
  let sum = 0;
  let measured = false;
  for (const key of Object.keys(SCORE_WEIGHTS) as (keyof ScoreParts)[]) {
    const v = parts[key];
    if (v === null) continue;
    if (key !== "findings") measured = true;
    weight += SCORE_WEIGHTS[key];
    sum += SCORE_WEIGHTS[key] * v;
  }
  if (!measured) return { score: null, band: "none" };
  const score = round((sum / weight) * 100, 1);
  return { score, band: bandOf(score) };
}

export function bandOf(score: number | null): ComplianceBand {
  if (score === null) return "none";
  if (score >= BAND_FLOORS.good) return "good";
  if (score >= BAND_FLOORS.fair) return "fair";
  return "poor";
}
