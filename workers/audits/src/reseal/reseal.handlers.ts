import {
  resealMember,
  resealWebhook,
  type SealedMember,
  sealedMembersPage,
  sealedWebhooksPage,
} from "@vanguard/db/audits";
import { PLATFORM_ONLY } from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  decryptField,
  encodeCursor,
  encryptField,
  invalid,
  type Keyring,
  lookupHash,
  personalDataKeys,
  requireRole,
  sealedWith,
} from "@vanguard/platform";
import type { AuditsBindings } from "../env";
import type { ResealRoute } from "./reseal.routes";

/** Where a shard's pass is: a member (branch, id) or a webhook (branch) after which to go on. */
type Position =
  | { table: "members"; after: [string, string] | null }
  | { table: "webhooks"; after: string | null };

function positionOf(cursor: string | undefined): Position {
  const at = decodeCursor(cursor);
  if (at === undefined) return { table: "members", after: null };
  const [table, ...rest] = at.split("\n");
  if (table === "members" && rest.length === 2) return { table, after: [rest[0]!, rest[1]!] };
  if (table === "webhooks" && rest.length === 1) return { table, after: rest[0]! };
  throw invalid("cursor", { zh: "游标无效", en: "The cursor is not valid" });
}

/** A value sealed again under the current key, or as it was when it already is. */
async function resealed(
  keys: Keyring,
  stored: string | null,
): Promise<{ value: string | null; plain: string | null }> {
  if (stored === null) return { value: null, plain: null };
  const plain = await decryptField(keys, stored);
  return { value: sealedWith(stored) === keys.currentId ? stored : await encryptField(keys, plain), plain };
}

async function member(keys: Keyring, row: SealedMember) {
  const id = await resealed(keys, row.idNumberEnc);
  const phone = await resealed(keys, row.phoneEnc);
  const next = {
    idNumberEnc: id.value,
    idNumberHash: id.plain === null ? row.idNumberHash : await lookupHash(keys, id.plain),
    phoneEnc: phone.value,
  };
  const changed =
    next.idNumberEnc !== row.idNumberEnc ||
    next.phoneEnc !== row.phoneEnc ||
    next.idNumberHash !== row.idNumberHash;
  return changed ? next : null;
}

/**
 * One bounded page of a shard's re-sealing pass: `limit` rows read, those under an older key sealed
 * again in one batch. Members first, then webhook secrets.
 */
export const reseal: AppRouteHandler<ResealRoute, AuditsBindings> = async (c) => {
  requireRole(c.get("principal"), PLATFORM_ONLY);
  const { shard: index, cursor, limit } = c.req.valid("json");
  const plane = c.get("plane");
  if (index >= plane.shardCount) throw invalid("shard", { zh: "没有该分片", en: "No such shard" });
  const shard = plane.shard(index);
  const keys = await personalDataKeys(c.env);
  const position = positionOf(cursor);
  const statements: D1PreparedStatement[] = [];
  let scanned = 0;
  let next: string | null = null;
  if (position.table === "members") {
    const rows = await sealedMembersPage(shard, position.after, limit);
    scanned = rows.length;
    for (const row of rows) {
      const sealed = await member(keys, row);
      if (sealed) statements.push(resealMember(shard, row, sealed));
    }
    const last = rows[rows.length - 1];
    next = rows.length === limit && last ? `members\n${last.branchId}\n${last.id}` : "webhooks\n";
  } else {
    const rows = await sealedWebhooksPage(shard, position.after || null, limit);
    scanned = rows.length;
    for (const row of rows) {
      const sealed = await resealed(keys, row.secretEnc);
      if (sealed.value !== row.secretEnc)
        statements.push(resealWebhook(shard, row.branchId, row.secretEnc, sealed.value!));
    }
    const last = rows[rows.length - 1];
    next = rows.length === limit && last ? `webhooks\n${last.branchId}` : null;
  }
  if (statements.length) await shard.d1.batch(statements);
  return c.json(
    {
      shard: index,
      keyId: keys.currentId,
      scanned,
      resealed: statements.length,
      nextCursor: next === null ? null : encodeCursor(next),
    },
    200,
  );
};
