import type { MemberRecordTable } from "../tenant/member-records";

/** The study tables whose rows belong to a member and travel with them on a transfer. */
export const STUDY_MEMBER_RECORDS: MemberRecordTable[] = [];
