import type { EventDraft, MemberRow } from "@vanguard/db";

/**
 * The event of a person joining the roll with their application. Like the api worker's
 * `member.created`, it carries only masked personal numbers: the log is read by auditors.
 */
export function personEvent(m: MemberRow): Omit<EventDraft, "scopeId" | "districtId"> {
  return {
    action: "member.created",
    subjectType: "member",
    subjectId: m.id,
    after: {
      id: m.id,
      name: m.name,
      gender: m.gender,
      birthDate: m.birthDate,
      status: m.status,
      idNumber: m.idNumberMasked,
      phone: m.phoneMasked,
      education: m.education,
      via: "development_case",
    },
  };
}
