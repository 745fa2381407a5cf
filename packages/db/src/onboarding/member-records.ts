import type { MemberRecordTable } from "../tenant/member-records";

/** The onboarding tables whose rows belong to a member and travel with them on a transfer. */
export const ONBOARDING_MEMBER_RECORDS: MemberRecordTable[] = [];
