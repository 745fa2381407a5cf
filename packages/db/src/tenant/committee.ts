import { eq } from "drizzle-orm";
import { committeePosts, committees } from "../schema/shard";
import { bulkInsert, rawStatement, statement } from "../write/sql";
import type { TenantContext } from "./context";

export type CommitteeRow = typeof committees.$inferSelect;
export type CommitteePostRow = typeof committeePosts.$inferSelect;

export async function getCommittee(
  tc: TenantContext,
): Promise<{ committee: CommitteeRow | undefined; posts: CommitteePostRow[] }> {
  const [committee, posts] = await tc.shard.db.batch([
    tc.shard.db.select().from(committees).where(eq(committees.branchId, tc.branchId)),
    tc.shard.db.select().from(committeePosts).where(eq(committeePosts.branchId, tc.branchId)),
  ]);
  return { committee: committee[0], posts };
}

/** The committee is replaced as a whole (换届 or a by-election); the event log keeps the old one. */
export function replaceCommittee(
  tc: TenantContext,
  c: { termStart: string; termEnd: string; updatedAt: string; version: number },
  posts: { memberId: string; post: string }[],
): D1PreparedStatement[] {
  const row = { ...c, branchId: tc.branchId, districtId: tc.districtId };
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .insert(committees)
        .values(row)
        .onConflictDoUpdate({
          target: committees.branchId,
          set: { termStart: c.termStart, termEnd: c.termEnd, updatedAt: c.updatedAt, version: c.version },
        }),
    ),
    rawStatement(tc.shard.d1, "DELETE FROM committee_posts WHERE branch_id = ?", [tc.branchId]),
    ...bulkInsert(
      tc.shard.d1,
      committeePosts,
      posts.map((p) => ({ ...p, branchId: tc.branchId, districtId: tc.districtId })),
    ),
  ];
}
