import { and, asc, eq, gt, lt, or } from "drizzle-orm";
import { dutyTasks } from "../schema/evaluations";
import type { TenantContext } from "../tenant/context";
import { expectChanged, statement } from "../write/sql";

export type DutyTaskRow = typeof dutyTasks.$inferSelect;

function scope(tc: TenantContext) {
  return and(eq(dutyTasks.districtId, tc.districtId), eq(dutyTasks.branchId, tc.branchId));
}

export function getDutyTask(tc: TenantContext, id: string): Promise<DutyTaskRow | undefined> {
  return tc.shard.db
    .select()
    .from(dutyTasks)
    .where(and(scope(tc), eq(dutyTasks.id, id)))
    .get();
}

export function listDutyTasks(
  tc: TenantContext,
  f: { month: string; assigneeId?: string; limit: number; after?: string },
): Promise<DutyTaskRow[]> {
  return tc.shard.db
    .select()
    .from(dutyTasks)
    .where(
      and(
        scope(tc),
        eq(dutyTasks.month, f.month),
        f.assigneeId ? eq(dutyTasks.assigneeId, f.assigneeId) : undefined,
        f.after ? gt(dutyTasks.id, f.after) : undefined,
      ),
    )
    .orderBy(asc(dutyTasks.id))
    .limit(f.limit);
}

/**
 * The month's tasks as the completion ratios need them (a committee of at most 7 sets a handful
 * of tasks each, so the whole month is one small read).
 */
export function monthTaskFacts(tc: TenantContext, month: string, assigneeId?: string) {
  return tc.shard.db
    .select({
      assigneeId: dutyTasks.assigneeId,
      month: dutyTasks.month,
      dueOn: dutyTasks.dueOn,
      status: dutyTasks.status,
      completedOn: dutyTasks.completedOn,
    })
    .from(dutyTasks)
    .where(
      and(
        scope(tc),
        eq(dutyTasks.month, month),
        assigneeId ? eq(dutyTasks.assigneeId, assigneeId) : undefined,
      ),
    );
}

/**
 * For the audits worker: tasks that may need a finding today — open ones past their due date and
 * completed ones of months already over. `dutyTaskFindings` (domain) decides which really do.
 */
export function dutyTasksToAudit(tc: TenantContext, today: string): Promise<DutyTaskRow[]> {
  return tc.shard.db
    .select()
    .from(dutyTasks)
    .where(
      and(
        scope(tc),
        or(
          and(eq(dutyTasks.status, "open"), lt(dutyTasks.dueOn, today)),
          and(eq(dutyTasks.status, "completed"), lt(dutyTasks.month, today.slice(0, 7))),
        ),
      ),
    )
    .orderBy(asc(dutyTasks.id));
}

/** A task set for a month: open, neither reported done nor checked (the row's one factory). */
export function newDutyTaskRow(
  tc: TenantContext,
  f: {
    id: string;
    assigneeId: string;
    month: string;
    title: string;
    detail?: string | null;
    dueOn: string;
    by: string;
    at: string;
  },
): DutyTaskRow {
  return {
    districtId: tc.districtId,
    branchId: tc.branchId,
    id: f.id,
    assigneeId: f.assigneeId,
    month: f.month,
    title: f.title,
    detail: f.detail ?? null,
    dueOn: f.dueOn,
    status: "open",
    completedOn: null,
    completionNote: null,
    completedBy: null,
    verifiedAt: null,
    verifiedBy: null,
    verificationNote: null,
    returnedNote: null,
    createdAt: f.at,
    createdBy: f.by,
    updatedAt: f.at,
    version: 1,
  };
}

export function insertDutyTask(
  tc: TenantContext,
  row: Omit<DutyTaskRow, "districtId" | "branchId">,
): D1PreparedStatement {
  return statement(
    tc.shard.d1,
    tc.shard.db.insert(dutyTasks).values({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
  );
}

export function updateDutyTask(
  tc: TenantContext,
  id: string,
  version: number,
  patch: Partial<Omit<DutyTaskRow, "districtId" | "branchId" | "id" | "version">>,
): D1PreparedStatement[] {
  return [
    statement(
      tc.shard.d1,
      tc.shard.db
        .update(dutyTasks)
        .set({ ...patch, version: version + 1 })
        .where(and(scope(tc), eq(dutyTasks.id, id), eq(dutyTasks.version, version))),
    ),
    expectChanged(tc.shard.d1),
  ];
}
