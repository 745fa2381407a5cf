import { monotonicFactory } from "ulid";

/**
 * Sortable, prefixed ids (`mb_01J…`). Monotonic within an isolate: Workers freeze the clock
 * between I/O, so many ids share a millisecond and must still sort in creation order.
 */
const next = monotonicFactory();

export const ID_PREFIXES = {
  district: "dt",
  branch: "br",
  principal: "pr",
  key: "key",
  account: "ac",
  member: "mb",
  payment: "dp",
  transfer: "tr",
  event: "ev",
  request: "req",
  studyActivity: "sa",
  studyMaterial: "sm",
  readingTicket: "stk",
  meeting: "mt",
  developmentCase: "dc",
  developmentStep: "ds",
  complaint: "cmp",
  sanction: "snc",
  inspectionTemplate: "itp",
  inspection: "ins",
  dutyTask: "dtk",
  record: "rec",
  appraisal: "apr",
  secretaryReport: "srp",
  modelPost: "mpo",
  award: "awd",
  run: "run",
  finding: "fd",
  delivery: "dlv",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${next()}`;
}

export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${ID_PREFIXES[kind]}_`) && id.length === ID_PREFIXES[kind].length + 27;
}
