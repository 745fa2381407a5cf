import { and, eq, isNull, sql } from "drizzle-orm";
import { members } from "../schema/shard";
import type { TenantContext } from "../tenant/context";

export interface PersonFacts {
  id: string;
  name: string;
  status: (typeof members.$inferSelect)["status"];
}

/**
 * Current members of the branch among `ids`, by id: the people a decision names (responsible
 * members, assignees, ratees). One bound list, however many ids.
 */
export async function currentPeople(
  tc: TenantContext,
  ids: (string | null | undefined)[],
): Promise<Map<string, PersonFacts>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await tc.shard.db
    .select({ id: members.id, name: members.name, status: members.status })
    .from(members)
    .where(
      and(
        eq(members.districtId, tc.districtId),
        eq(members.branchId, tc.branchId),
        isNull(members.leftOn),
        sql`${members.id} IN (SELECT value FROM json_each(${JSON.stringify(wanted)}))`,
      ),
    );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Names of anyone who was ever on the branch roll among `ids` (records outlive departures). */
export async function namesOf(
  tc: TenantContext,
  ids: (string | null | undefined)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await tc.shard.db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(
      and(
        eq(members.districtId, tc.districtId),
        eq(members.branchId, tc.branchId),
        sql`${members.id} IN (SELECT value FROM json_each(${JSON.stringify(wanted)}))`,
      ),
    );
  return new Map(rows.map((r) => [r.id, r.name]));
}
