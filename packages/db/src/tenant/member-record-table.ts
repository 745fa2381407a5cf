import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";

/** A table whose rows belong to one member: keyed by branch, with a member column. */
export interface MemberRecordTable {
  name: string;
  table: SQLiteTable;
  branchId: SQLiteColumn;
  memberId: SQLiteColumn;
}
