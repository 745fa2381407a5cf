import { type BranchSetContext, branchIdsJson } from "../tenant/context";

/** The party members of a set of branches with the day they joined, for their political birthdays. */
export async function partyMembersJoined(
  set: BranchSetContext,
): Promise<{ branchId: string; memberId: string; name: string; joinedOn: string | null }[]> {
  const res = await set.shard.d1
    .prepare(
      `SELECT branch_id, id, name, joined_on FROM members
        WHERE branch_id IN (SELECT value FROM json_each(?)) AND left_on IS NULL
          AND status IN ('probationary', 'full') AND joined_on IS NOT NULL`,
    )
    .bind(branchIdsJson(set))
    .all<{ branch_id: string; id: string; name: string; joined_on: string | null }>();
  return res.results.map((r) => ({
    branchId: r.branch_id,
    memberId: r.id,
    name: r.name,
    joinedOn: r.joined_on,
  }));
}
