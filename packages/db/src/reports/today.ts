import { and, asc, eq, getTableColumns, inArray, isNull, ne, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { listFindings } from "../audits/findings";
import { caseStateOf } from "../onboarding/case-state";
import { casePerson } from "../onboarding/cases";
import type { StepRow } from "../onboarding/steps";
import { dutyTasks } from "../schema/evaluations";
import { developmentCases, developmentComplaints, developmentSteps } from "../schema/onboarding";
import { committeePosts, members } from "../schema/shard";
import { meetingsOfYear } from "../study/meetings";
import type { TenantContext } from "../tenant/context";
import { memberPaidMonthsSql, monthsOf } from "../tenant/dues";

/** Findings, tasks, roll members and open cases a home page shows at most (a branch has far fewer). */
export const TODAY_LIMIT = 200;

/**
 * What a branch's home page needs, in one round trip: open findings, the month's duty tasks with
 * their assignees' names, the year's meetings and the committee (for cadence), the current party
 * members each with the months paid that arrears look back on, and the open development cases
 * with their steps and open complaints. Eight statements, the same at every size; whatever depends
 * on an earlier answer is a subquery of the same batch. It reads the audits', evaluations', study's
 * and onboarding's tables, so it stands here above the modules; the open cases come back as the
 * pipeline rules read them (`caseStateOf`), with their open complaints.
 */
export async function branchToday(
  tc: TenantContext,
  { year, month, fromMonth }: { year: number; month: string; fromMonth: string },
) {
  const db = tc.shard.db;
  const inBranch = (t: { districtId: SQLiteColumn; branchId: SQLiteColumn }) =>
    and(eq(t.districtId, tc.districtId), eq(t.branchId, tc.branchId));
  const partyMembers = db
    .select({ id: members.id })
    .from(members)
    .where(and(inBranch(members), isNull(members.leftOn), inArray(members.status, ["probationary", "full"])))
    .orderBy(asc(members.id))
    .limit(TODAY_LIMIT);
  const openCases = db
    .select({ id: developmentCases.id })
    .from(developmentCases)
    .innerJoin(members, casePerson)
    .where(
      and(
        inBranch(developmentCases),
        ne(developmentCases.stage, "closed"),
        ne(developmentCases.stage, "full"),
        isNull(members.leftOn),
      ),
    )
    .orderBy(asc(developmentCases.id))
    .limit(TODAY_LIMIT);
  const [findings, tasks, held, posts, partyRoll, cases, steps, complaints] = await db.batch([
    listFindings(tc, { status: "open", limit: TODAY_LIMIT }),
    db
      .select({ ...getTableColumns(dutyTasks), assigneeName: members.name })
      .from(dutyTasks)
      .leftJoin(members, and(eq(members.branchId, dutyTasks.branchId), eq(members.id, dutyTasks.assigneeId)))
      .where(and(inBranch(dutyTasks), eq(dutyTasks.month, month)))
      .orderBy(asc(dutyTasks.id))
      .limit(TODAY_LIMIT),
    meetingsOfYear(tc, year),
    db.select().from(committeePosts).where(eq(committeePosts.branchId, tc.branchId)),
    db
      .select({
        id: members.id,
        name: members.name,
        status: members.status,
        joinedOn: members.joinedOn,
        joinedBranchOn: members.joinedBranchOn,
        // the months paid that arrears look back on: one row per member, not per payment
        paidMonths: memberPaidMonthsSql(fromMonth, month),
      })
      .from(members)
      .where(and(eq(members.branchId, tc.branchId), inArray(members.id, partyMembers)))
      .orderBy(asc(members.id)),
    db
      .select({
        ...getTableColumns(developmentCases),
        birthDate: members.birthDate,
        memberName: members.name,
      })
      .from(developmentCases)
      .innerJoin(members, casePerson)
      .where(and(inBranch(developmentCases), inArray(developmentCases.id, openCases)))
      .orderBy(asc(developmentCases.id)),
    db
      .select()
      .from(developmentSteps)
      .where(and(inBranch(developmentSteps), inArray(developmentSteps.caseId, openCases)))
      .orderBy(asc(developmentSteps.caseId), asc(developmentSteps.seq)),
    db
      .select({ caseId: developmentComplaints.caseId, n: sql<number>`count(*)` })
      .from(developmentComplaints)
      .where(
        and(
          inBranch(developmentComplaints),
          eq(developmentComplaints.status, "open"),
          inArray(developmentComplaints.caseId, openCases),
        ),
      )
      .groupBy(developmentComplaints.caseId),
  ]);
  const stepsOf = new Map<string, StepRow[]>();
  for (const s of steps) {
    if (!stepsOf.has(s.caseId)) stepsOf.set(s.caseId, []);
    stepsOf.get(s.caseId)!.push(s);
  }
  const openComplaints = new Map(complaints.map((x) => [x.caseId, x.n]));
  const caseStates = cases.map(({ birthDate, memberName, ...row }) => ({
    id: row.id,
    memberName,
    state: caseStateOf(row, stepsOf.get(row.id) ?? [], birthDate),
    openComplaints: openComplaints.get(row.id) ?? 0,
  }));
  const roll = partyRoll.map(({ paidMonths, ...m }) => ({ ...m, paidMonths: monthsOf(paidMonths) }));
  return { findings, tasks, held, posts, roll, cases: caseStates };
}
