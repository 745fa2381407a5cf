import type { MemberRecordTable } from "../tenant/member-records";

/** The evaluations tables whose rows belong to a member and travel with them on a transfer. */
export const EVALUATIONS_MEMBER_RECORDS: MemberRecordTable[] = [];
