import { env } from "cloudflare:workers";
import {
  bumpGenerations,
  type DataEnv,
  DataPlane,
  insertBranch,
  insertPayment,
  insertRuleSet,
  newId,
  replaceCommittee,
  type TenantContext,
  tenantContext,
} from "@vanguard/db";
import { insertFindings } from "@vanguard/db/audits";
import { insertInspection } from "@vanguard/db/evaluations";
import { insertCase, insertStep } from "@vanguard/db/onboarding";
import { insertMeetingStatements, recordStudyStatements } from "@vanguard/db/study";
import { DEFAULT_MEETING_CADENCE, DEFAULT_STUDY_RULES, type MeetingKind } from "@vanguard/domain";
import { memberFixture } from "@vanguard/testing/fixtures";
import { call, newTenant, type Tenant } from "./harness";

/**
 * Report fixtures written through the data layer the modules use (no mocks, no HTTP for other
 * workers' tables): a district on each shard, with numbers small enough to count by hand.
 */
export const plane = () => new DataPlane(env as unknown as DataEnv);
const now = new Date().toISOString();

export function tc(t: Tenant, branchId = t.branch.id): TenantContext {
  return tenantContext(plane(), {
    districtId: t.district.id,
    branchId,
    timeZone: "Asia/Shanghai",
    shard: t.district.shard,
  });
}

/** like a write, a fixture counts one more write of its district (a kept report is then stale) */
const run = (c: TenantContext, statements: D1PreparedStatement[]) =>
  c.shard.d1.batch([...statements, bumpGenerations(c.shard.d1, [c.districtId])]);

export async function pay(c: TenantContext, memberId: string, months: string[]) {
  await run(
    c,
    months.map((month) =>
      insertPayment(c, {
        id: newId("payment"),
        memberId,
        month,
        amountFen: 100,
        paidOn: `${month}-10`,
        recordedAt: now,
        recordedBy: "test",
      }),
    ),
  );
}

/** What the study worker keeps for a member's month: their month and year totals and the branch's. */
export async function studied(
  c: TenantContext,
  memberId: string,
  month: string,
  points: number,
  { newInYear = true }: { newInYear?: boolean } = {},
) {
  const year = month.slice(0, 4);
  await run(
    c,
    recordStudyStatements(c, {
      activities: [],
      days: [],
      memberPeriods: [month, year].map((period) => ({
        memberId,
        period,
        points,
        activities: points,
        activeDays: 1,
      })),
      branchPeriods: [
        { period: month, points, activities: points, activeMembers: 1 },
        { period: year, points, activities: points, activeMembers: newInYear ? 1 : 0 },
      ],
      roll: 0,
      at: now,
    }),
  );
}

export async function met(c: TenantContext, kind: MeetingKind, heldOn: string) {
  await run(
    c,
    insertMeetingStatements(
      c,
      {
        id: newId("meeting"),
        kind,
        heldOn,
        topic: "学习",
        hours: 2,
        minutes: null,
        lecturerId: null,
        lecturerPost: null,
        present: 0,
        absent: 0,
        committeeSize: null,
        committeePresent: null,
        recordedBy: "test",
        recordedAt: now,
      },
      [],
    ),
  );
}

export async function finding(
  c: TenantContext,
  f: { rule: string; severity: "info" | "warning" | "severe"; status: "open" | "acknowledged" | "resolved" },
) {
  await run(
    c,
    insertFindings(c.shard.d1, [
      {
        branchId: c.branchId,
        districtId: c.districtId,
        id: newId("finding"),
        key: `${f.rule}:${newId("finding")}`,
        rule: f.rule,
        subjectType: "branch",
        subjectId: c.branchId,
        severity: f.severity,
        period: "2025",
        dueBy: null,
        messageZh: "测试预警",
        messageEn: "test finding",
        facts: "{}",
        status: f.status,
        openedAt: now,
        openedRun: "run_test",
        lastSeenRun: "run_test",
        lastSeenOn: "2025-10-01",
      },
    ]),
  );
}

export async function inspected(
  c: TenantContext,
  period: string,
  status: "draft" | "submitted" | "reviewed",
  finalTotal: number | null,
) {
  await run(
    c,
    insertInspection(
      c,
      {
        id: newId("inspection"),
        period,
        templateId: "itp_test",
        templateVersion: 1,
        templateName: "党建工作检查表",
        status,
        maxTotal: 100,
        selfTotal: finalTotal,
        finalTotal,
        grade: finalTotal === null ? null : "good",
        ruleSetVersion: 0,
        reviewComment: null,
        submittedAt: null,
        submittedBy: null,
        reviewedAt: null,
        reviewedBy: null,
        createdAt: now,
        createdBy: "test",
        updatedAt: now,
        version: 1,
      },
      [],
    ),
  );
}

/** A development case with the steps that moved it, as the onboarding worker stores them. */
export async function developmentCase(
  c: TenantContext,
  k: {
    stage: "applicant" | "activist" | "candidate" | "probationary" | "full" | "closed";
    appliedOn: string;
    steps: [string, string][];
    fullOn?: string;
    closedOn?: string;
  },
) {
  // on the roll as an applicant whatever the stage, so the person never counts as a party member here
  const member = await memberFixture(c, { status: "applicant", joinedOn: null, name: "发展对象" });
  const id = newId("developmentCase");
  const last = k.steps.at(-1) ?? ["application", k.appliedOn];
  await run(c, [
    insertCase(c, {
      id,
      memberId: member.id,
      stage: k.stage,
      appliedOn: k.appliedOn,
      cycle: 0,
      probationEndsOn: null,
      extensionsApproved: 0,
      fullOn: k.fullOn ?? null,
      closedOn: k.closedOn ?? null,
      closedReason: k.closedOn ? "withdrawn" : null,
      lastStep: last[0],
      lastStepOn: last[1],
      stepCount: k.steps.length,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }),
    ...k.steps.map(([step, occurredOn], i) =>
      insertStep(c, {
        id: newId("developmentStep"),
        caseId: id,
        memberId: member.id,
        seq: i + 1,
        step,
        cycle: 0,
        occurredOn,
        data: "{}",
        documents: "[]",
        note: null,
        warnings: "[]",
        ruleSetVersion: 0,
        recordedAt: now,
        recordedBy: "test",
        recordedRole: "branch_admin",
      }),
    ),
  ]);
}

/** The district publishes a meeting cadence of its own: monthly group meetings, quarterly assemblies. */
export async function publishCadence(districtId: string) {
  const meetings = DEFAULT_MEETING_CADENCE.filter(
    (r) => r.code === "group_monthly" || r.code === "general_assembly_quarterly",
  );
  const p = plane();
  await p.directory.d1.batch([
    insertRuleSet(p, {
      districtId,
      module: "study",
      version: 1,
      body: JSON.stringify({ ...DEFAULT_STUDY_RULES, meetings }),
      createdAt: now,
      createdBy: "test",
    }),
    bumpGenerations(p.directory.d1, [districtId]),
  ]);
}

export async function generalBranch(t: Tenant, name: string) {
  const r = await call(`/v1/districts/${t.district.id}/branches`, {
    key: t.districtKey,
    body: { name, kind: "general_branch", foundedOn: "2000-07-01", recordsFrom: "2000-07-01" },
  });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body as { id: string };
}

/** Many branches straight into the directory (no members): the query count must not notice them. */
export async function manyBranches(districtId: string, n: number) {
  const p = plane();
  const rows = Array.from({ length: n }, (_, i) => {
    const id = newId("branch");
    return insertBranch(p, {
      id,
      districtId,
      parentId: null,
      path: `/${id}/`,
      kind: "branch",
      name: `批量支部${i}`,
      foundedOn: "2015-07-01",
      recordsFrom: "2015-07-01",
      createdAt: now,
      updatedAt: now,
    });
  });
  await p.directory.d1.batch([...rows, bumpGenerations(p.directory.d1, [districtId])]);
}

export { memberFixture, newTenant };

export async function committee(c: TenantContext, memberId: string) {
  await run(
    c,
    replaceCommittee(c, { termStart: "2024-01-01", termEnd: "2028-12-31", updatedAt: now, version: 1 }, [
      { memberId, post: "secretary" },
    ]),
  );
}
