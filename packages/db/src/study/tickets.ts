import type { MemberStatus } from "@vanguard/domain";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { members } from "../schema/shard";
import { studyMaterials, studyQuizSubmissions, studyTickets } from "../schema/study";
import type { TenantContext } from "../tenant/context";
import { expectChanged, statement } from "../write/sql";
import type { StudyMaterialRow } from "./materials";

export type StudyTicketRow = typeof studyTickets.$inferSelect;
export type StudyQuizSubmissionRow = typeof studyQuizSubmissions.$inferSelect;

type Person = { status: MemberStatus; leftOn: string | null };

const inJson = (values: readonly string[]) => sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`;

function personOf(tc: TenantContext, memberId: string) {
  return tc.shard.db
    .select({ status: members.status, leftOn: members.leftOn })
    .from(members)
    .where(and(eq(members.branchId, tc.branchId), eq(members.id, memberId)));
}

function materialOf(tc: TenantContext, materialId: string) {
  return tc.shard.db
    .select()
    .from(studyMaterials)
    .where(and(eq(studyMaterials.districtId, tc.districtId), eq(studyMaterials.id, materialId)));
}

/** A member's tickets still open at `now`: not redeemed, not lapsed. */
function openTicketsOf(tc: TenantContext, memberId: string, now: string) {
  const t = studyTickets;
  return tc.shard.db
    .select()
    .from(t)
    .where(
      and(eq(t.branchId, tc.branchId), eq(t.memberId, memberId), isNull(t.redeemedAt), gt(t.expiresAt, now)),
    );
}

/** What issuing a ticket checks, in one round trip: who asks, what they open, what they hold open. */
export async function readTicketIssue(
  tc: TenantContext,
  q: { memberId: string; materialId: string; now: string },
): Promise<{ person: Person | undefined; material: StudyMaterialRow | undefined; open: StudyTicketRow[] }> {
  const db = tc.shard.db;
  const [person, material, open] = await db.batch([
    personOf(tc, q.memberId),
    materialOf(tc, q.materialId),
    openTicketsOf(tc, q.memberId, q.now),
  ]);
  return { person: person[0], material: material[0], open };
}

export function insertTicket(
  tc: TenantContext,
  row: Pick<StudyTicketRow, "id" | "memberId" | "materialId" | "issuedAt" | "redeemableAt" | "expiresAt">,
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db.insert(studyTickets).values({ ...row, branchId: tc.branchId, districtId: tc.districtId }),
  );
}

/**
 * What redeeming a ticket checks, in one round trip: the ticket (found only for the member it was
 * issued to), its material, the member, and whether that material already counted on `day`.
 */
export async function readRedemption(
  tc: TenantContext,
  q: { ticketId: string; memberId: string; day: string },
): Promise<{
  ticket: StudyTicketRow | undefined;
  material: StudyMaterialRow | undefined;
  person: Person | undefined;
  creditedToday: boolean;
}> {
  const t = studyTickets;
  const db = tc.shard.db;
  const mine = and(eq(t.branchId, tc.branchId), eq(t.id, q.ticketId), eq(t.memberId, q.memberId));
  const [ticket, material, person, credited] = await db.batch([
    db.select().from(t).where(mine),
    db
      .select()
      .from(studyMaterials)
      .where(
        and(
          eq(studyMaterials.districtId, tc.districtId),
          sql`${studyMaterials.id} = (SELECT material_id FROM ${t} WHERE ${mine})`,
        ),
      ),
    personOf(tc, q.memberId),
    db
      .select({ n: sql<number>`count(*)` })
      .from(t)
      .where(
        and(
          eq(t.branchId, tc.branchId),
          eq(t.memberId, q.memberId),
          sql`${t.materialId} = (SELECT material_id FROM ${t} WHERE ${mine})`,
          eq(t.redeemedDay, q.day),
          eq(t.outcome, "credited"),
        ),
      ),
  ]);
  return {
    ticket: ticket[0],
    material: material[0],
    person: person[0],
    creditedToday: (credited[0]?.n ?? 0) > 0,
  };
}

/** Redeems a ticket once: a second redemption changes no row and aborts the batch. */
export function redeemTicketStatements(
  tc: TenantContext,
  id: string,
  r: Pick<StudyTicketRow, "redeemedAt" | "redeemedDay" | "outcome" | "awarded" | "activityIds">,
): D1PreparedStatement[] {
  const t = studyTickets;
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(t)
        .set(r)
        .where(and(eq(t.branchId, tc.branchId), eq(t.id, id), isNull(t.redeemedAt))),
    ),
    expectChanged(tc.shard.d1),
  ];
}

/** What answering a quiz checks, in one round trip: the member, the quiz, and an earlier submission. */
export async function readQuizAnswer(
  tc: TenantContext,
  q: { memberId: string; materialId: string },
): Promise<{
  person: Person | undefined;
  material: StudyMaterialRow | undefined;
  submitted: StudyQuizSubmissionRow | undefined;
}> {
  const s = studyQuizSubmissions;
  const [person, material, submitted] = await tc.shard.db.batch([
    personOf(tc, q.memberId),
    materialOf(tc, q.materialId),
    tc.shard.db
      .select()
      .from(s)
      .where(and(eq(s.branchId, tc.branchId), eq(s.materialId, q.materialId), eq(s.memberId, q.memberId))),
  ]);
  return { person: person[0], material: material[0], submitted: submitted[0] };
}

export function insertQuizSubmission(
  tc: TenantContext,
  row: Omit<StudyQuizSubmissionRow, "branchId" | "districtId">,
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db
      .insert(studyQuizSubmissions)
      .values({ ...row, branchId: tc.branchId, districtId: tc.districtId }),
  );
}

/**
 * A member's own state for some materials, for their view of the library: the tickets they hold
 * open, the materials that already counted today, and the quizzes they answered.
 */
export async function memberLibraryState(
  tc: TenantContext,
  q: { memberId: string; materialIds: string[]; day: string; now: string },
): Promise<{ open: StudyTicketRow[]; creditedToday: Set<string>; answered: StudyQuizSubmissionRow[] }> {
  if (q.materialIds.length === 0) return { open: [], creditedToday: new Set(), answered: [] };
  const t = studyTickets;
  const s = studyQuizSubmissions;
  const db = tc.shard.db;
  const [open, credited, answered] = await db.batch([
    db
      .select()
      .from(t)
      .where(
        and(
          eq(t.branchId, tc.branchId),
          eq(t.memberId, q.memberId),
          isNull(t.redeemedAt),
          gt(t.expiresAt, q.now),
          sql`${t.materialId} IN ${inJson(q.materialIds)}`,
        ),
      ),
    db
      .select({ materialId: t.materialId })
      .from(t)
      .where(
        and(
          eq(t.branchId, tc.branchId),
          eq(t.memberId, q.memberId),
          eq(t.redeemedDay, q.day),
          eq(t.outcome, "credited"),
          sql`${t.materialId} IN ${inJson(q.materialIds)}`,
        ),
      ),
    db
      .select()
      .from(s)
      .where(
        and(
          eq(s.branchId, tc.branchId),
          eq(s.memberId, q.memberId),
          sql`${s.materialId} IN ${inJson(q.materialIds)}`,
        ),
      ),
  ]);
  return { open, creditedToday: new Set(credited.map((c) => c.materialId)), answered };
}
