import type { Message } from "../rules/rule";

/**
 * The forms a branch files, generated from its records as Word documents (docs/domain.md §Generated
 * documents). Each names the placeholders a template may use; a district's own template may use
 * any of them and nothing else.
 */
export const DOCUMENT_KINDS = {
  activist_registration: {
    label: { zh: "入党积极分子考察登记表", en: "Activist cultivation record" },
    source: "case",
    fields: [
      "branchName",
      "name",
      "gender",
      "birthDate",
      "appliedOn",
      "talkedOn",
      "activistOn",
      "contacts",
      "reviews",
      "on",
      "thought",
      "work",
      "trainingHours",
      "generatedOn",
    ],
  },
  candidate_publicity: {
    label: { zh: "发展对象公示", en: "Public notice of a candidate" },
    source: "case",
    fields: [
      "branchName",
      "name",
      "gender",
      "birthDate",
      "appliedOn",
      "activistOn",
      "candidateOn",
      "introducers",
      "publicityFrom",
      "publicityTo",
      "generatedOn",
    ],
  },
  admission_resolution: {
    label: { zh: "支部大会决议（接收预备党员）", en: "Assembly resolution: admission" },
    source: "case",
    fields: [
      "branchName",
      "name",
      "gender",
      "birthDate",
      "appliedOn",
      "introducers",
      "voteOn",
      "expected",
      "present",
      "votesFor",
      "votesAgainst",
      "votesAbstain",
      "written",
      "generatedOn",
    ],
  },
  full_membership_resolution: {
    label: { zh: "支部大会决议（预备党员转正）", en: "Assembly resolution: full membership" },
    source: "case",
    fields: [
      "branchName",
      "name",
      "gender",
      "birthDate",
      "admittedOn",
      "probationEndsOn",
      "voteOn",
      "expected",
      "present",
      "votesFor",
      "votesAgainst",
      "votesAbstain",
      "written",
      "outcome",
      "generatedOn",
    ],
  },
  full_membership_publicity: {
    label: { zh: "预备党员转正公示", en: "Public notice of full membership" },
    source: "case",
    fields: [
      "branchName",
      "name",
      "gender",
      "birthDate",
      "admittedOn",
      "probationEndsOn",
      "requestedOn",
      "generatedOn",
    ],
  },
  meeting_minutes: {
    label: { zh: "会议记录", en: "Meeting minutes" },
    source: "meeting",
    fields: [
      "branchName",
      "kind",
      "topic",
      "heldOn",
      "hours",
      "lecturer",
      "expected",
      "attended",
      "attendees",
      "absentees",
      "name",
      "reason",
      "minutes",
      "generatedOn",
    ],
  },
} as const satisfies Record<
  string,
  { label: Message; source: "case" | "meeting"; fields: readonly string[] }
>;

export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_CODES = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];
export const CASE_DOCUMENT_KINDS = DOCUMENT_KIND_CODES.filter((k) => DOCUMENT_KINDS[k].source === "case");

export function isDocumentKind(s: string): s is DocumentKind {
  return Object.hasOwn(DOCUMENT_KINDS, s);
}

/** Placeholders a template uses that its kind does not fill: a template with any is refused. */
export function unknownPlaceholders(kind: DocumentKind, used: readonly string[]): string[] {
  const known = new Set<string>(DOCUMENT_KINDS[kind].fields);
  return [...new Set(used)].filter((u) => !known.has(u)).sort();
}
