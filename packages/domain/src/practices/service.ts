import { addDays } from "../calendar/dates";
import type { MemberStatus } from "../members/member";
import { failure, type RuleFailure } from "../rules/rule";

/**
 * 报到服务 and 志愿服务 (docs/domain.md §Community and volunteer service). A branch registers a person
 * with a community or village (双报到) or a volunteer team; each session is dated, counted in hours
 * and confirmed by the community's contact, and only confirmed hours count anywhere.
 */
export const SERVICE_KINDS = ["community", "volunteer"] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Hours in one day: a physical bound, not a district number. */
export const MAX_SERVICE_HOURS_PER_DAY = 24;

/** Statuses a community registration is meant for; any member may register (在职党员双报到). */
export const COMMUNITY_SERVICE_STATUSES: readonly MemberStatus[] = [
  "activist",
  "candidate",
  "probationary",
  "full",
];

export interface RegistrationFacts {
  kind: ServiceKind;
  registeredOn: string;
  today: string;
  /** the person's status on the roll; null when not a current member of the branch */
  status: MemberStatus | null;
  /** the person already holds an active registration of this kind */
  alreadyRegistered: boolean;
}

export function checkRegistration(f: RegistrationFacts): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (f.status === null) {
    return [
      failure(
        "service_person_not_on_roll",
        { zh: "该人员不在本支部名册上", en: "The person is not on this branch's roll" },
        {},
      ),
    ];
  }
  const allowed: readonly MemberStatus[] =
    f.kind === "community" ? COMMUNITY_SERVICE_STATUSES : ["probationary", "full"];
  if (!allowed.includes(f.status)) {
    out.push(
      failure(
        "service_status_not_eligible",
        {
          zh:
            f.kind === "community"
              ? "报到服务登记对象为入党积极分子、发展对象、预备党员或在职党员"
              : "志愿服务登记对象为党员（含预备党员）",
          en:
            f.kind === "community"
              ? "Community service registers activists, candidates, probationary and full members"
              : "Volunteer service registers party members (probationary included)",
        },
        { status: f.status, kind: f.kind, allowed },
      ),
    );
  }
  if (f.registeredOn > f.today) {
    out.push(
      failure(
        "service_registration_in_future",
        { zh: "报到登记日期不能晚于今天", en: "A registration cannot be dated in the future" },
        { registeredOn: f.registeredOn, today: f.today },
      ),
    );
  }
  if (f.alreadyRegistered) {
    out.push(
      failure(
        "service_already_registered",
        {
          zh: f.kind === "community" ? "该人员已在社区（村）报到" : "该人员已登记志愿服务",
          en: `The person already holds an active ${f.kind} service registration`,
        },
        { kind: f.kind },
      ),
    );
  }
  return out;
}

export interface SessionFacts {
  servedOn: string;
  hours: number;
  today: string;
  registeredOn: string;
  /** the registration ended (the person left the community, or the branch closed it) */
  endedOn: string | null;
  /** hours of the person's other sessions (of any kind) recorded for the same day */
  sameDayHours: number;
}

export function checkSession(f: SessionFacts): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (!(f.hours > 0) || f.hours > MAX_SERVICE_HOURS_PER_DAY) {
    out.push(
      failure(
        "service_hours_out_of_range",
        {
          zh: `服务时长应大于0且不超过${MAX_SERVICE_HOURS_PER_DAY}小时`,
          en: `Service hours are more than 0 and at most ${MAX_SERVICE_HOURS_PER_DAY}`,
        },
        { hours: f.hours, max: MAX_SERVICE_HOURS_PER_DAY },
      ),
    );
  } else if (f.sameDayHours + f.hours > MAX_SERVICE_HOURS_PER_DAY) {
    out.push(
      failure(
        "service_hours_over_day",
        {
          zh: `${f.servedOn}已记录${f.sameDayHours}小时，一天合计不能超过${MAX_SERVICE_HOURS_PER_DAY}小时`,
          en: `${f.sameDayHours} hours are already recorded on ${f.servedOn}; a day holds at most ${MAX_SERVICE_HOURS_PER_DAY}`,
        },
        {
          servedOn: f.servedOn,
          sameDayHours: f.sameDayHours,
          hours: f.hours,
          max: MAX_SERVICE_HOURS_PER_DAY,
        },
      ),
    );
  }
  if (f.servedOn > f.today) {
    out.push(
      failure(
        "service_date_in_future",
        { zh: "服务日期不能晚于今天", en: "Service cannot be dated in the future" },
        { servedOn: f.servedOn, today: f.today },
      ),
    );
  }
  if (f.servedOn < f.registeredOn) {
    out.push(
      failure(
        "service_before_registration",
        {
          zh: `服务日期不能早于报到登记日期（${f.registeredOn}）`,
          en: `Service cannot be dated before the registration (${f.registeredOn})`,
        },
        { servedOn: f.servedOn, registeredOn: f.registeredOn },
      ),
    );
  }
  if (f.endedOn !== null && f.servedOn > f.endedOn) {
    out.push(
      failure(
        "service_after_registration_ended",
        {
          zh: `报到登记已于${f.endedOn}结束`,
          en: `The registration ended on ${f.endedOn}`,
        },
        { servedOn: f.servedOn, endedOn: f.endedOn },
      ),
    );
  }
  return out;
}

export interface ConfirmationFacts {
  /** the session the code was issued for */
  status: "pending" | "confirmed";
  confirmedAt: string | null;
  /** the last day the code is redeemable */
  codeExpiresOn: string;
  today: string;
  /** the name on the roll and the name the community gave */
  memberName: string;
  personName: string;
}

/** Names compare as people write them: spaces (全角 too) ignored. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s\u3000·•]/g, "");
  return norm(a) === norm(b);
}

export function checkConfirmation(f: ConfirmationFacts): RuleFailure[] {
  if (f.status === "confirmed") {
    return [
      failure(
        "service_code_used",
        { zh: "该确认码已使用，不能重复确认", en: "This confirmation code has already been used" },
        { confirmedAt: f.confirmedAt },
      ),
    ];
  }
  if (f.today > f.codeExpiresOn) {
    return [
      failure(
        "service_code_expired",
        {
          zh: `该确认码已于${f.codeExpiresOn}过期，请联系支部重新记录`,
          en: `This confirmation code expired on ${f.codeExpiresOn}; ask the branch to record the session again`,
        },
        { codeExpiresOn: f.codeExpiresOn },
      ),
    ];
  }
  if (!sameName(f.memberName, f.personName)) {
    // the name given is not echoed back in facts beyond what the caller sent
    return [
      failure(
        "service_code_other_person",
        {
          zh: "确认码与所填服务人员不符：每个确认码只能确认发给的那个人的那一次服务",
          en: "The code was issued for another person: a code confirms one session of the person it names",
        },
        { personName: f.personName },
      ),
    ];
  }
  return [];
}

export function codeExpiresOn(recordedOn: string, validDays: number): string {
  return addDays(recordedOn, validDays);
}

export interface ServiceHoursEntry {
  servedOn: string;
  hours: number;
}

/** Confirmed hours from `from` through `to`, rounded to a tenth of an hour. */
export function confirmedHoursBetween(
  sessions: readonly ServiceHoursEntry[],
  from: string | null,
  to: string,
): number {
  let total = 0;
  for (const s of sessions) if ((from === null || s.servedOn >= from) && s.servedOn <= to) total += s.hours;
  return Math.round(total * 10) / 10;
}

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped stays unambiguous. */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 24 characters of 5 bits: 120 random bits, beyond guessing even without the rate limit. */
export const SERVICE_CODE_CHARS = 24;

/**
 * A confirmation code: the branch it belongs to (so the public route finds the branch's shard
 * without an index across all tenants), then the random part. The branch id is no secret; the
 * random part is what proves the community holds the code the branch issued.
 */
export function formatServiceCode(branchId: string, random: Uint8Array): string {
  let out = "";
  for (let i = 0; i < SERVICE_CODE_CHARS; i++) out += CODE_ALPHABET[(random[i] ?? 0) & 31];
  return `${branchId}-${out}`;
}

/** The branch a code names and the code as it was issued, or null for anything not shaped like one. */
export function parseServiceCode(text: string): { branchId: string; code: string } | null {
  const m = /^(br_[0-9A-Z]{26})-([0-9A-Za-z]{24})$/.exec(text.trim().replace(/\s+/g, ""));
  if (!m) return null;
  const random = m[2]!.toUpperCase();
  if ([...random].some((ch) => !CODE_ALPHABET.includes(ch))) return null;
  return { branchId: m[1]!, code: `${m[1]}-${random}` };
}
