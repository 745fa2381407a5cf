import type { MemberRecordTable } from "../tenant/member-record-table";

/** The audits tables whose rows belong to a member and travel with them on a transfer. */
export const AUDITS_MEMBER_RECORDS: MemberRecordTable[] = [];
