import { todayIn } from "@vanguard/domain";
import { and, asc, eq, getTableColumns, gt, inArray, isNull, sql } from "drizzle-orm";
import { members } from "../schema/shard";
import { bulkInsert, expectChanged, statement } from "../write/sql";
import type { TenantContext } from "./context";

export type MemberRow = typeof members.$inferSelect;

// the sealed numbers and the number's HMAC: read only where a number is opened or matched
const {
  idNumberEnc: _enc,
  idNumberHash: _hash,
  phoneEnc: _phone,
  ...listedColumns
} = getTableColumns(members);

/** A member as a page of the roll reads them: everything but the sealed numbers and their HMAC. */
export type ListedMember = Omit<MemberRow, "idNumberEnc" | "idNumberHash" | "phoneEnc">;
export type NewMember = Omit<typeof members.$inferInsert, "districtId" | "branchId">;

function scope(tc: TenantContext) {
  return and(eq(members.districtId, tc.districtId), eq(members.branchId, tc.branchId));
}

export interface MemberFilter {
  status?: MemberRow["status"];
  statuses?: MemberRow["status"][];
  /** a substring of the name */
  q?: string;
  /** include people who left the branch (transferred out) */
  includeLeft?: boolean;
  /** this one member only (a member reading their own line) */
  only?: string;
  limit: number;
  after?: string;
}

/** The conditions of a filtered page of the roll, shared by the list and by reads that page it. */
function memberWhere(tc: TenantContext, f: Omit<MemberFilter, "limit">) {
  const q = f.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  return and(
    scope(tc),
    f.status ? eq(members.status, f.status) : undefined,
    f.statuses ? inArray(members.status, f.statuses) : undefined,
    q ? sql`${members.name} LIKE ${`%${q}%`} ESCAPE '\\'` : undefined,
    f.includeLeft ? undefined : isNull(members.leftOn),
    f.only ? eq(members.id, f.only) : undefined,
    f.after ? gt(members.id, f.after) : undefined,
  );
}

/**
 * A page of the roll; the builder can join a batch. A list shows numbers masked only, so it never
 * reads the ciphertexts or the HMAC.
 */
export function listMembers(tc: TenantContext, f: MemberFilter) {
  return tc.shard.db
    .select(listedColumns)
    .from(members)
    .where(memberWhere(tc, f))
    .orderBy(asc(members.id))
    .limit(f.limit);
}

/**
 * The ids of the same page, as a subquery: a read about a page of members (their dues, their
 * records) can then go in the page's own batch instead of waiting for the ids.
 */
export function memberPageIds(tc: TenantContext, f: MemberFilter) {
  return tc.shard.db
    .select({ id: members.id })
    .from(members)
    .where(memberWhere(tc, f))
    .orderBy(asc(members.id))
    .limit(f.limit);
}

export function getMember(tc: TenantContext, id: string): Promise<MemberRow | undefined> {
  return tc.shard.db
    .select()
    .from(members)
    .where(and(scope(tc), eq(members.id, id)))
    .get();
}

/**
 * Current (not departed) members among `ids`, for checks that name several people: a query that can
 * join a batch, with the ids as one bound parameter however many there are.
 */
export function currentMembersAmong(tc: TenantContext, ids: string[]) {
  return tc.shard.db
    .select()
    .from(members)
    .where(
      and(
        scope(tc),
        sql`${members.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
        isNull(members.leftOn),
      ),
    );
}

export function getCurrentMembers(tc: TenantContext, ids: string[]): Promise<MemberRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return currentMembersAmong(tc, ids);
}

/** Which of these identity-number hashes already belong to a current member of the branch. */
export async function existingIdNumberHashes(tc: TenantContext, hashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  // json_each keeps this to one bound parameter however many rows an import has
  for (let i = 0; i < hashes.length; i += 2000) {
    const chunk = hashes.slice(i, i + 2000);
    const rows = await tc.shard.db
      .select({ h: members.idNumberHash })
      .from(members)
      .where(
        and(
          scope(tc),
          isNull(members.leftOn),
          sql`${members.idNumberHash} IN (SELECT value FROM json_each(${JSON.stringify(chunk)}))`,
        ),
      );
    for (const r of rows) if (r.h) found.add(r.h);
  }
  return found;
}

export function countMembersByStatus(tc: TenantContext) {
  return tc.shard.db
    .select({ status: members.status, n: sql<number>`count(*)` })
    .from(members)
    .where(and(scope(tc), isNull(members.leftOn)))
    .groupBy(members.status);
}

export function insertMembers(tc: TenantContext, rows: NewMember[]): D1PreparedStatement[] {
  return bulkInsert(
    tc.shard.d1,
    members,
    rows.map((r) => ({ ...r, districtId: tc.districtId, branchId: tc.branchId })),
  );
}

export type MemberPatch = Partial<
  Pick<
    MemberRow,
    | "name"
    | "gender"
    | "birthDate"
    | "status"
    | "joinedOn"
    | "idNumberEnc"
    | "idNumberHash"
    | "idNumberMasked"
    | "phoneEnc"
    | "phoneMasked"
    | "education"
  >
>;

/** Applies only if the row still has `version`; otherwise the batch aborts (409). */
export function updateMember(
  tc: TenantContext,
  id: string,
  version: number,
  patch: MemberPatch,
  at: string,
): D1PreparedStatement[] {
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(members)
        .set({ ...patch, updatedAt: at, version: version + 1 })
        .where(and(scope(tc), eq(members.id, id), eq(members.version, version))),
    ),
    expectChanged(tc.shard.d1),
  ];
}

/** The personal fields as stored: ciphertext, lookup hash and masked forms, never plaintext. */
export type SealedPersonal = Pick<
  MemberRow,
  "idNumberEnc" | "idNumberHash" | "idNumberMasked" | "phoneEnc" | "phoneMasked"
>;

export interface NewPersonFields {
  name: string;
  gender: MemberRow["gender"];
  birthDate: string;
  status: MemberRow["status"];
  joinedOn?: string | null;
  /** the day they came onto this roll; default: today in the district (docs/adoption.md) */
  joinedBranchOn?: string | null;
  education?: string | null;
}

/**
 * The roll's one door: the row for a person put on a branch's roll, whoever puts them there (a
 * create, an import, an application for a new person). Personal fields arrive sealed.
 */
export function newMemberRow(
  tc: TenantContext,
  id: string,
  fields: NewPersonFields,
  sealed: Partial<SealedPersonal>,
  at: string,
): MemberRow {
  return {
    id,
    districtId: tc.districtId,
    branchId: tc.branchId,
    name: fields.name,
    gender: fields.gender,
    birthDate: fields.birthDate,
    status: fields.status,
    joinedOn: fields.joinedOn ?? null,
    joinedBranchOn: fields.joinedBranchOn ?? todayIn(tc.timeZone, new Date(at)),
    idNumberEnc: sealed.idNumberEnc ?? null,
    idNumberHash: sealed.idNumberHash ?? null,
    idNumberMasked: sealed.idNumberMasked ?? null,
    phoneEnc: sealed.phoneEnc ?? null,
    phoneMasked: sealed.phoneMasked ?? null,
    education: fields.education ?? null,
    leftOn: null,
    leftReason: null,
    transferId: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/**
 * The branch's current members who may be the people of an import: those holding one of the
 * identity-number hashes, or one of the name|birth-date keys. One statement per 2,000 of each.
 */
export async function currentMembersMatching(
  tc: TenantContext,
  hashes: string[],
  nameBirthKeys: string[],
): Promise<MemberRow[]> {
  const out = new Map<string, MemberRow>();
  const n = Math.max(hashes.length, nameBirthKeys.length);
  for (let i = 0; i < n; i += 2000) {
    const rows = await tc.shard.db
      .select()
      .from(members)
      .where(
        and(
          scope(tc),
          isNull(members.leftOn),
          sql`(${members.idNumberHash} IN (SELECT value FROM json_each(${JSON.stringify(hashes.slice(i, i + 2000))}))
            OR (${members.name} || '|' || ${members.birthDate}) IN (SELECT value FROM json_each(${JSON.stringify(nameBirthKeys.slice(i, i + 2000))})))`,
        ),
      );
    for (const r of rows) out.set(r.id, r);
  }
  return [...out.values()];
}

/** The current roll as a history import matches lines against it: one query, whatever the file's size. */
export function rollForHistory(tc: TenantContext) {
  return tc.shard.db
    .select({
      id: members.id,
      name: members.name,
      birthDate: members.birthDate,
      idNumberHash: members.idNumberHash,
      status: members.status,
      joinedOn: members.joinedOn,
      joinedBranchOn: members.joinedBranchOn,
      version: members.version,
    })
    .from(members)
    .where(and(scope(tc), isNull(members.leftOn)));
}
