import type { Message } from "../rules/rule";
import { CASE_DOCUMENT_KINDS, type DocumentKind } from "./kinds";

/** A recorded step as the forms read it. */
export interface StepFact {
  step: string;
  occurredOn: string;
  data: Record<string, unknown>;
}

export interface CaseDocumentFacts {
  branchName: string;
  person: { name: string; gender: "male" | "female"; birthDate: string };
  appliedOn: string;
  probationEndsOn: string | null;
  steps: readonly StepFact[];
  /** names of the people the steps name (contacts, introducers) */
  names: ReadonlyMap<string, string>;
  generatedOn: string;
}

/** Dates as a Chinese form writes them: 2024年10月28日. */
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

const GENDER = { male: "男", female: "女" } as const;
const GRADES: Record<string, string> = { outstanding: "优秀", good: "良好", fair: "一般", poor: "较差" };

function last(steps: readonly StepFact[], step: string): StepFact | undefined {
  return steps.filter((s) => s.step === step).at(-1);
}

function namesOf(ids: unknown, names: ReadonlyMap<string, string>): string {
  return Array.isArray(ids)
    ? ids
        .map((id) => names.get(String(id)) ?? "")
        .filter(Boolean)
        .join("、")
    : "";
}

function voteFields(s: StepFact | undefined) {
  const v = (s?.data ?? {}) as Record<string, unknown>;
  const w = (v.writtenOpinions ?? {}) as Record<string, number>;
  const written = (w.for ?? 0) + (w.against ?? 0) + (w.abstain ?? 0);
  return {
    voteOn: chineseDate(s?.occurredOn),
    expected: String(v.expected ?? ""),
    present: String(v.present ?? ""),
    votesFor: String(v.for ?? ""),
    votesAgainst: String(v.against ?? ""),
    votesAbstain: String(v.abstain ?? ""),
    written: String(written),
  };
}

/** What the requested form says when the case has not reached the step it reports. */
export class StepNotReached extends Error {
  constructor(
    readonly step: string,
    readonly label: Message,
  ) {
    super(`the case has not reached ${step}`);
  }
}

const NEEDS: Record<string, { step: string; label: Message }> = {
  activist_registration: {
    step: "activist_designation",
    label: { zh: "确定入党积极分子", en: "activist designation" },
  },
  candidate_publicity: {
    step: "candidate_designation",
    label: { zh: "确定发展对象", en: "candidate designation" },
  },
  admission_resolution: {
    step: "admission_vote",
    label: { zh: "支部大会讨论接收", en: "the admission vote" },
  },
  full_membership_resolution: {
    step: "full_membership_vote",
    label: { zh: "支部大会讨论转正", en: "the full-membership vote" },
  },
  full_membership_publicity: {
    step: "full_membership_request",
    label: { zh: "提出转正申请", en: "the full-membership request" },
  },
};

/** The forms a case can be printed as now: those whose step it has recorded (a full member's, all five). */
export function caseDocumentsAvailable(recorded: readonly string[]): DocumentKind[] {
  const have = new Set(recorded);
  return CASE_DOCUMENT_KINDS.filter((k) => {
    const need = NEEDS[k];
    return !need || have.has(need.step);
  });
}

/**
 * The placeholders of a case's form, filled from its recorded steps. A form whose step is not yet
 * recorded cannot be generated (`StepNotReached`): a resolution is never drafted before its vote.
 */
export function caseDocumentData(kind: string, f: CaseDocumentFacts): Record<string, unknown> {
  const need = NEEDS[kind];
  if (need && !last(f.steps, need.step)) throw new StepNotReached(need.step, need.label);
  const admission = last(f.steps, "admission_vote");
  const common = {
    branchName: f.branchName,
    name: f.person.name,
    gender: GENDER[f.person.gender],
    birthDate: chineseDate(f.person.birthDate),
    appliedOn: chineseDate(f.appliedOn),
    generatedOn: chineseDate(f.generatedOn),
  };
  switch (kind) {
    case "activist_registration":
      return {
        ...common,
        talkedOn: chineseDate(last(f.steps, "application_talk")?.occurredOn),
        activistOn: chineseDate(last(f.steps, "activist_designation")?.occurredOn),
        contacts: namesOf(last(f.steps, "contacts_assigned")?.data.contactIds, f.names),
        reviews: f.steps
          .filter((s) => s.step === "cultivation_review")
          .map((s) => ({
            on: chineseDate(s.occurredOn),
            thought: GRADES[String(s.data.thought)] ?? String(s.data.thought ?? ""),
            work: GRADES[String(s.data.work)] ?? String(s.data.work ?? ""),
            trainingHours: String(s.data.trainingHours ?? ""),
          })),
      };
    case "candidate_publicity": {
      const pub = (last(f.steps, "pre_review")?.data.publicity ?? {}) as { from?: string; to?: string };
      return {
        ...common,
        activistOn: chineseDate(last(f.steps, "activist_designation")?.occurredOn),
        candidateOn: chineseDate(last(f.steps, "candidate_designation")?.occurredOn),
        introducers: namesOf(last(f.steps, "introducers_assigned")?.data.introducerIds, f.names),
        publicityFrom: chineseDate(pub.from),
        publicityTo: chineseDate(pub.to),
      };
    }
    case "admission_resolution":
      return {
        ...common,
        introducers: namesOf(last(f.steps, "introducers_assigned")?.data.introducerIds, f.names),
        ...voteFields(admission),
      };
    case "full_membership_resolution": {
      const vote = last(f.steps, "full_membership_vote");
      const outcome = String(vote?.data.outcome ?? "full");
      return {
        ...common,
        admittedOn: chineseDate(admission?.occurredOn),
        probationEndsOn: chineseDate(f.probationEndsOn),
        ...voteFields(vote),
        outcome:
          { full: "按期转为正式党员", extend: "延长预备期", disqualify: "取消预备党员资格" }[outcome] ??
          outcome,
      };
    }
    case "full_membership_publicity":
      return {
        ...common,
        admittedOn: chineseDate(admission?.occurredOn),
        probationEndsOn: chineseDate(f.probationEndsOn),
        requestedOn: chineseDate(last(f.steps, "full_membership_request")?.occurredOn),
      };
    default:
      return common;
  }
}

export interface MeetingDocumentFacts {
  branchName: string;
  kind: Message;
  topic: string;
  heldOn: string;
  hours: number;
  lecturer: string | null;
  attendees: readonly string[];
  absentees: readonly { name: string; reason: string }[];
  minutes: string | null;
  generatedOn: string;
}

export function meetingDocumentData(m: MeetingDocumentFacts): Record<string, unknown> {
  return {
    branchName: m.branchName,
    kind: m.kind.zh,
    topic: m.topic,
    heldOn: chineseDate(m.heldOn),
    hours: String(m.hours),
    lecturer: m.lecturer ?? "",
    expected: String(m.attendees.length + m.absentees.length),
    attended: String(m.attendees.length),
    attendees: m.attendees.join("、"),
    absentees: m.absentees.map((a) => ({ name: a.name, reason: a.reason })),
    minutes: m.minutes ?? "",
    generatedOn: chineseDate(m.generatedOn),
  };
}
