import type { SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";

/** A table whose rows belong to one member: keyed by branch, with a member column. */
export interface MemberRecordTable {
  name: string;
  table: SQLiteTable;
  branchId: SQLiteColumn;
  memberId: SQLiteColumn;
  /**
   * Files attached to this table's rows travel with them: attachments of `targetType` whose target
   * (`ownerOf` the attachment's `target_id`) is the `key` of one of the member's rows.
   */
  evidence?: {
    targetType: string;
    key: SQLiteColumn;
    ownerOf: (targetId: SQLiteColumn) => SQL;
  };
}
