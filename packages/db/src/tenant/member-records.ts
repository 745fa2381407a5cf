import { duesBases, duesPayments } from "../schema/shard";
import type { MemberRecordTable } from "./member-record-table";

/** The core tenant tables whose rows belong to a member and travel with them on a transfer: their dues. */
export const TENANT_MEMBER_RECORDS: MemberRecordTable[] = [
  { name: "dues_bases", table: duesBases, branchId: duesBases.branchId, memberId: duesBases.memberId },
  {
    name: "dues_payments",
    table: duesPayments,
    branchId: duesPayments.branchId,
    memberId: duesPayments.memberId,
  },
];
