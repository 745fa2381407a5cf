import { periodJudged } from "../records/records-from";
import type { Message } from "../rules/rule";
import { MEETING_KIND_LABELS, type MeetingKind } from "./kinds";

export const CADENCES = ["month", "quarter", "year"] as const;
export type Cadence = (typeof CADENCES)[number];

/** "At least `min` meetings of `kind` in every `per`" (支部工作条例 2018), as district data. */
export interface CadenceRule {
  code: string;
  kind: MeetingKind;
  per: Cadence;
  min: number;
  /** only lectures given by the branch secretary count (书记每年至少讲1次党课) */
  by: "secretary" | null;
  /** required only of a branch that has elected a committee (支委会) */
  needsCommittee: boolean;
}

/**
 * The defaults of docs/domain.md §Organizational life. Appraisals and talks belong to evaluations, not
 * to meetings.
 */
export const DEFAULT_MEETING_CADENCE: CadenceRule[] = [
  {
    code: "general_assembly_quarterly",
    kind: "general_assembly",
    per: "quarter",
    min: 1,
    by: null,
    needsCommittee: false,
  },
  { code: "committee_monthly", kind: "committee", per: "month", min: 1, by: null, needsCommittee: true },
  { code: "group_monthly", kind: "group", per: "month", min: 1, by: null, needsCommittee: false },
  { code: "lecture_quarterly", kind: "lecture", per: "quarter", min: 1, by: null, needsCommittee: false },
  {
    code: "secretary_lecture_yearly",
    kind: "lecture",
    per: "year",
    min: 1,
    by: "secretary",
    needsCommittee: false,
  },
  { code: "theme_day_monthly", kind: "theme_day", per: "month", min: 1, by: null, needsCommittee: false },
  { code: "life_meeting_yearly", kind: "life_meeting", per: "year", min: 1, by: null, needsCommittee: false },
];

export interface CadencePeriod {
  key: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The months (`2026-03`), quarters (`2026-Q2`) or the year (`2026`) a cadence counts in. */
export function cadencePeriods(per: Cadence, year: number): CadencePeriod[] {
  if (per === "year") return [{ key: String(year), from: `${year}-01-01`, to: `${year}-12-31` }];
  const months = per === "month" ? 1 : 3;
  const out: CadencePeriod[] = [];
  for (let first = 1; first <= 12; first += months) {
    const last = first + months - 1;
    out.push({
      key: per === "month" ? `${year}-${pad(first)}` : `${year}-Q${(first + 2) / 3}`,
      from: `${year}-${pad(first)}-01`,
      to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
    });
  }
  return out;
}

export interface HeldMeeting {
  kind: MeetingKind;
  heldOn: string;
  /** the lecturer's committee post when the meeting was recorded, if the lecturer held one */
  lecturerPost: string | null;
}

export interface ComplianceFacts {
  year: number;
  /** today in the district: periods after it are not due yet, the one containing it is open */
  asOf: string;
  /** the branch's founding date: see `existedFor` */
  since: string | null;
  /** the branch's records start: periods that begin before it are not judged (docs/adoption.md) */
  recordsFrom?: string | null;
  hasCommittee: boolean;
  rules: CadenceRule[];
  meetings: HeldMeeting[];
}

export interface ComplianceItem {
  code: string;
  kind: MeetingKind;
  label: Message;
  per: Cadence;
  min: number;
  by: "secretary" | null;
  applicable: boolean;
  /** meetings required in the periods due so far (the open one included) */
  required: number;
  /** qualifying meetings held in the periods judged */
  held: number;
  /** ended periods with fewer than `min` meetings: exactly the gaps to report */
  missing: string[];
  /** the period under way, while it still lacks its meeting */
  open: string | null;
  compliant: boolean;
}

/** A branch founded during a period owes its meetings if it existed for at least the period's last month. */
function existedFor(p: CadencePeriod, since: string | null): boolean {
  return since === null || since <= `${p.to.slice(0, 7)}-01`;
}

/**
 * What a cadence rule is called: its meeting kind, or the secretary's own lecture (书记讲党课) when
 * only those count, so it is not mistaken for the quarterly 党课 beside it.
 */
export function cadenceLabel(rule: Pick<CadenceRule, "kind" | "by">): Message {
  const kind = MEETING_KIND_LABELS[rule.kind];
  return rule.by === "secretary" ? { zh: `书记讲${kind.zh}`, en: `${kind.en} by the secretary` } : kind;
}

/**
 * Whether an item is due in the month or quarter under way, for a branch's day: a month's or a
 * quarter's meeting while its period lacks it, and a yearly one once the year is in its last
 * quarter (its deadline then falls within the quarter).
 */
export function dueThisQuarter(
  item: Pick<ComplianceItem, "applicable" | "open" | "per">,
  asOf: string,
): boolean {
  if (!item.applicable || !item.open) return false;
  return item.per !== "year" || Number(asOf.slice(5, 7)) >= 10;
}

function qualifies(rule: CadenceRule, m: HeldMeeting): boolean {
  return m.kind === rule.kind && (rule.by !== "secretary" || m.lecturerPost === "secretary");
}

/**
 * Which periods of a year lack the meetings their cadence requires. A period is judged once it has
 * ended; until then it is only `open`. Pure, so the audits worker can run it on any branch's
 * meeting dates.
 */
export function meetingCompliance(f: ComplianceFacts): ComplianceItem[] {
  return f.rules.map((rule) => {
    const base = {
      code: rule.code,
      kind: rule.kind,
      label: cadenceLabel(rule),
      per: rule.per,
      min: rule.min,
      by: rule.by,
    };
    const due = cadencePeriods(rule.per, f.year).filter(
      (p) => p.from <= f.asOf && existedFor(p, f.since) && periodJudged(p.from, f.recordsFrom ?? null),
    );
    const held = f.meetings.filter(
      (m) =>
        qualifies(rule, m) && m.heldOn <= f.asOf && due.some((p) => m.heldOn >= p.from && m.heldOn <= p.to),
    );
    if (rule.needsCommittee && !f.hasCommittee) {
      return {
        ...base,
        applicable: false,
        required: 0,
        held: held.length,
        missing: [],
        open: null,
        compliant: true,
      };
    }
    const missing: string[] = [];
    let open: string | null = null;
    for (const p of due) {
      const n = held.filter((m) => m.heldOn >= p.from && m.heldOn <= p.to).length;
      if (n >= rule.min) continue;
      if (p.to < f.asOf) missing.push(p.key);
      else open = p.key;
    }
    return {
      ...base,
      applicable: true,
      required: due.length * rule.min,
      held: held.length,
      missing,
      open,
      compliant: missing.length === 0,
    };
  });
}
