import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { AUDITS_MEMBER_RECORDS } from "../audits/member-records";
import { EVALUATIONS_MEMBER_RECORDS } from "../evaluations/member-records";
import { ONBOARDING_MEMBER_RECORDS } from "../onboarding/member-records";
import { duesBases, duesPayments } from "../schema/shard";
import { STUDY_MEMBER_RECORDS } from "../study/member-records";

/** A table whose rows belong to one member: keyed by branch, with a member column. */
export interface MemberRecordTable {
  name: string;
  table: SQLiteTable;
  branchId: SQLiteColumn;
  memberId: SQLiteColumn;
}

/**
 * Every table whose rows travel with a member to a new branch (docs/domain.md §Transfers: the
 * member's progress and history go along). Each module lists its own.
 */
export function memberRecordTables(): MemberRecordTable[] {
  return [
    { name: "dues_bases", table: duesBases, branchId: duesBases.branchId, memberId: duesBases.memberId },
    {
      name: "dues_payments",
      table: duesPayments,
      branchId: duesPayments.branchId,
      memberId: duesPayments.memberId,
    },
    ...ONBOARDING_MEMBER_RECORDS,
    ...STUDY_MEMBER_RECORDS,
    ...EVALUATIONS_MEMBER_RECORDS,
    ...AUDITS_MEMBER_RECORDS,
  ];
}
