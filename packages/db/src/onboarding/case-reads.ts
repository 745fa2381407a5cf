import { and, eq, sql } from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import { confirmedCommunityService } from "../practices/service";
import { developmentCases } from "../schema/onboarding";
import { members } from "../schema/shard";
import type { TenantContext } from "../tenant/context";
import { currentMembersAmong, type MemberRow } from "../tenant/members";
import type { CaseRow } from "./cases";
import { type ComplaintRow, listComplaints } from "./complaints";
import { underDisciplineQuery, votingMembersQuery } from "./sanctions";
import { listSteps, type StepRow } from "./steps";

export interface CaseRead {
  row: CaseRow;
  member: MemberRow;
  steps: StepRow[];
  complaints: ComplaintRow[];
  /** the person's confirmed community-service sessions (报到服务), for the service gate and the timeline */
  service: {
    id: string;
    servedOn: string;
    hours: number;
    description: string;
    confirmedAt: string | null;
    confirmedBy: string | null;
  }[];
}

/** The people a step names and the branch's voters, as the gates see them on the step's date. */
export interface StepPeopleRead {
  people: MemberRow[];
  underDiscipline: Set<string>;
  votingMembers: number;
}

function caseQueries(tc: TenantContext, caseId: string) {
  const db = tc.shard.db;
  const scoped = and(
    eq(developmentCases.districtId, tc.districtId),
    eq(developmentCases.branchId, tc.branchId),
  );
  return [
    db
      .select()
      .from(developmentCases)
      .where(and(scoped, eq(developmentCases.id, caseId)))
      .limit(1),
    // the case's person, found through the case in the same statement
    db
      .select()
      .from(members)
      .where(
        and(
          eq(members.districtId, tc.districtId),
          eq(members.branchId, tc.branchId),
          sql`${members.id} = (SELECT ${developmentCases.memberId} FROM ${developmentCases} WHERE ${scoped} AND ${developmentCases.id} = ${caseId})`,
        ),
      )
      .limit(1),
    listSteps(tc, caseId),
    listComplaints(tc, caseId),
    confirmedCommunityService(
      tc,
      sql`(SELECT ${developmentCases.memberId} FROM ${developmentCases} WHERE ${scoped} AND ${developmentCases.id} = ${caseId})`,
    ),
  ] as const;
}

function caseOf([rows, persons, steps, complaints, service]: readonly [
  CaseRow[],
  MemberRow[],
  StepRow[],
  ComplaintRow[],
  CaseRead["service"],
]): CaseRead | undefined {
  const row = rows[0];
  const member = persons[0];
  return row && member ? { row, member, steps, complaints, service } : undefined;
}

/** A case with everything its rules read (the person, the steps so far, the complaints): one round trip. */
export async function readCase(tc: TenantContext, caseId: string): Promise<CaseRead | undefined> {
  return caseOf(await tc.shard.db.batch(caseQueries(tc, caseId)));
}

/**
 * A case and what recording a step on it checks: the current members the step names, which of
 * them are under 留党察看 on its date, and the branch's voters on that date. As queries, so the
 * write can ask them in the round trip that reads its chain's head (`tenantWriteReading`).
 */
export function caseForStepReads(tc: TenantContext, caseId: string, step: { people: string[]; on: string }) {
  return [
    ...caseQueries(tc, caseId),
    currentMembersAmong(tc, step.people),
    underDisciplineQuery(tc, step.people, step.on),
    votingMembersQuery(tc, step.on),
  ] as const;
}

/** The answers to `caseForStepReads`; undefined when there is no such case in the branch. */
export function caseForStepOf([
  rows,
  persons,
  steps,
  complaints,
  service,
  people,
  disciplined,
  voters,
]: BatchResponse<ReturnType<typeof caseForStepReads>>): (CaseRead & StepPeopleRead) | undefined {
  const read = caseOf([rows, persons, steps, complaints, service]);
  if (!read) return undefined;
  return {
    ...read,
    people,
    underDiscipline: new Set(disciplined.map((d) => d.memberId)),
    votingMembers: voters[0]?.n ?? 0,
  };
}
