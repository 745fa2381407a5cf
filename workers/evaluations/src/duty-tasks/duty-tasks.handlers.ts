import { getCommittee, newId, type TenantContext, tenantWrite } from "@vanguard/db";
import {
  currentPeople,
  type DutyTaskRow,
  getDutyTask,
  insertDutyTask,
  listDutyTasks,
  monthTaskFacts,
  namesOf,
  newDutyTaskRow,
  updateDutyTask,
} from "@vanguard/db/evaluations";
import {
  ACT_OWN,
  checkComplete,
  checkDutyTaskPlan,
  checkVerify,
  completionSummary,
  MANAGE_BRANCH,
  monthOf,
  READ_OWN,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  invalid,
  moduleBranch,
  notFound,
  type Principal,
  ProblemError,
  page,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { CompleteRoute, CreateRoute, GetRoute, ListRoute, VerifyRoute } from "./duty-tasks.routes";
import { dutyTaskView } from "./duty-tasks.view";

/** A member key reaches only its own tasks; anything else is outside its scope (404). */
function visibleTo(p: Principal, t: DutyTaskRow | undefined): DutyTaskRow {
  if (!t || (p.role === "member" && p.memberId !== t.assigneeId)) throw notFound();
  return t;
}

async function loadTask(tc: TenantContext, p: Principal, id: string, version?: number) {
  const t = visibleTo(p, await getDutyTask(tc, id));
  if (version !== undefined && version !== t.version) throw new ProblemError("version_conflict");
  return t;
}

async function nameOf(tc: TenantContext, memberId: string) {
  return (await namesOf(tc, [memberId])).get(memberId) ?? null;
}

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const today = todayIn(tc.timeZone);
  const result = await tenantWrite(tc, await writeRequest(c, 201), async ({ event }) => {
    const [{ posts }, people] = await Promise.all([getCommittee(tc), currentPeople(tc, [body.assigneeId])]);
    const assignee = people.get(body.assigneeId);
    if (!assignee) throw notFound({ zh: "该党员不在本支部", en: "No such member in this branch" });
    const failures = checkDutyTaskPlan({
      month: body.month,
      dueOn: body.dueOn,
      assigneePosts: posts.filter((p) => p.memberId === body.assigneeId).map((p) => p.post),
    });
    if (failures.length) throw ruleViolation(failures);
    const row = newDutyTaskRow(tc, {
      id: newId("dutyTask"),
      ...body,
      by: c.get("principal").id,
      at: new Date().toISOString(),
    });
    const view = dutyTaskView(row, today, assignee.name);
    return {
      statements: [insertDutyTask(tc, row)],
      events: [event({ action: "duty_task.set", subjectType: "duty_task", subjectId: row.id, after: view })],
      result: view,
    };
  });
  return c.json(result, 201);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const q = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const p = c.get("principal");
  const today = todayIn(tc.timeZone);
  const month = q.month ?? monthOf(today);
  const assigneeId = p.role === "member" ? (p.memberId ?? "") : q.assigneeId;
  const [rows, facts, { posts }] = await Promise.all([
    listDutyTasks(tc, { month, assigneeId, limit: q.limit + 1, after: decodeCursor(q.cursor) }),
    monthTaskFacts(tc, month, assigneeId),
    getCommittee(tc),
  ]);
  const paged = page(rows, q.limit, (t) => t.id);
  const byAssignee = new Map<string, typeof facts>();
  for (const f of facts) {
    if (!byAssignee.has(f.assigneeId)) byAssignee.set(f.assigneeId, []);
    byAssignee.get(f.assigneeId)!.push(f);
  }
  const names = await namesOf(tc, [...byAssignee.keys(), ...paged.items.map((t) => t.assigneeId)]);
  return c.json(
    {
      month,
      asOf: today,
      summary: completionSummary(facts, today),
      byMember: [...byAssignee.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([memberId, tasks]) => ({
          memberId,
          name: names.get(memberId) ?? null,
          posts: posts.filter((x) => x.memberId === memberId).map((x) => x.post),
          ...completionSummary(tasks, today),
        })),
      items: paged.items.map((t) => dutyTaskView(t, today, names.get(t.assigneeId) ?? null)),
      nextCursor: paged.nextCursor,
    },
    200,
  );
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { branchId, taskId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const t = await loadTask(tc, c.get("principal"), taskId);
  return c.json(dutyTaskView(t, todayIn(tc.timeZone), await nameOf(tc, t.assigneeId)), 200);
};

export const complete: AppRouteHandler<CompleteRoute> = async (c) => {
  const { branchId, taskId } = c.req.valid("param");
  const body = c.req.valid("json") ?? {};
  const tc = moduleBranch(c, branchId, ACT_OWN);
  const p = c.get("principal");
  const today = todayIn(tc.timeZone);
  const completedOn = body.completedOn ?? today;
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const t = await loadTask(tc, p, taskId, body.version);
    const failures = checkComplete({ status: t.status, completedOn, today });
    if (failures.length) throw ruleViolation(failures);
    const patch = {
      status: "completed" as const,
      completedOn,
      completionNote: body.note ?? null,
      completedBy: p.id,
      updatedAt: new Date().toISOString(),
    };
    const name = await nameOf(tc, t.assigneeId);
    const after = dutyTaskView({ ...t, ...patch, version: t.version + 1 }, today, name);
    return {
      statements: updateDutyTask(tc, taskId, t.version, patch),
      events: [
        event({
          action: "duty_task.completed",
          subjectType: "duty_task",
          subjectId: taskId,
          before: dutyTaskView(t, today, name),
          after,
        }),
      ],
      result: after,
    };
  });
  return c.json(result, 200);
};

export const verify: AppRouteHandler<VerifyRoute> = async (c) => {
  const { branchId, taskId } = c.req.valid("param");
  const body = c.req.valid("json") ?? { outcome: "verified" as const };
  const outcome = body.outcome ?? "verified";
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const p = c.get("principal");
  if (outcome === "returned" && !body.note) {
    throw invalid("note", { zh: "退回任务须说明原因", en: "Say why the task is returned" });
  }
  const today = todayIn(tc.timeZone);
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const t = await loadTask(tc, p, taskId, body.version);
    const failures = checkVerify({
      status: t.status,
      assigneeId: t.assigneeId,
      verifierMemberId: p.memberId,
    });
    if (failures.length) throw ruleViolation(failures);
    const now = new Date().toISOString();
    const patch =
      outcome === "verified"
        ? {
            status: "verified" as const,
            verifiedAt: now,
            verifiedBy: p.id,
            verificationNote: body.note ?? null,
            updatedAt: now,
          }
        : {
            status: "open" as const,
            completedOn: null,
            completionNote: null,
            completedBy: null,
            returnedNote: body.note ?? null,
            updatedAt: now,
          };
    const name = await nameOf(tc, t.assigneeId);
    const after = dutyTaskView({ ...t, ...patch, version: t.version + 1 }, today, name);
    return {
      statements: updateDutyTask(tc, taskId, t.version, patch),
      events: [
        event({
          action: outcome === "verified" ? "duty_task.verified" : "duty_task.returned",
          subjectType: "duty_task",
          subjectId: taskId,
          before: dutyTaskView(t, today, name),
          after,
        }),
      ],
      result: after,
    };
  });
  return c.json(result, 200);
};
