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
  serviceRegistration: "svr",
  serviceSession: "svs",
  reflection: "rfl",
  election: "elc",
  attachment: "att",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

export function newId(kind: IdKind): string {
  return `${ID_PREFIXES[kind]}_${next()}`;
}

export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${ID_PREFIXES[kind]}_`) && id.length === ID_PREFIXES[kind].length + 27;
}

/**
 * An id derived from content, for records a history import creates: the same line in any rerun of
 * any file names the same record, so importing twice finds it instead of creating it again.
 */
export async function contentId(kind: IdKind, ...parts: string[]): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(parts.join("\u001f"))),
  );
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  let out = "";
  for (let i = 0; i < 26; i++) out += alphabet[digest[i]! % 32];
  // one character short of a ulid, so a derived id never collides with a generated one
  return `${ID_PREFIXES[kind]}_${out}`;
}
