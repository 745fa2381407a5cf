import { z } from "@hono/zod-openapi";
import { getDutyTask, getInspection, getRecord } from "@vanguard/db/evaluations";
import { ACT_OWN, MANAGE_BRANCH, READ_BRANCH, READ_OWN } from "@vanguard/domain";
import { attachmentRoutes, internalContext } from "@vanguard/platform";
import type { EvaluationsBindings } from "../env";

const Branch = { branchId: z.string().max(64) };

export const RECORD_PATH = "/v1/branches/{branchId}/records/{recordId}";
export const DUTY_TASK_PATH = "/v1/branches/{branchId}/duty-tasks/{taskId}";
export const INSPECTION_ITEM_PATH = "/v1/branches/{branchId}/inspections/{inspectionId}/items/{code}";

const RecordParams = z.object({ ...Branch, recordId: z.string().max(64) });
const TaskParams = z.object({ ...Branch, taskId: z.string().max(64) });
const ItemParams = z.object({ ...Branch, inspectionId: z.string().max(64), code: z.string().max(40) });

/** A 写实 record's evidence: read and attached by those who read and write records. */
export const recordAttachments = attachmentRoutes<EvaluationsBindings, typeof RecordParams>({
  targetType: "record",
  path: RECORD_PATH,
  params: RecordParams,
  tags: ["Evaluations: records (写实)"],
  what: "a record (写实)",
  readRoles: READ_BRANCH,
  writeRoles: MANAGE_BRANCH,
  resolve: async (_c, tc, { recordId }) => ((await getRecord(tc, recordId)) ? recordId : null),
});

/** A duty task's evidence: its assignee (a member key) may attach to and read their own task. */
export const dutyTaskAttachments = attachmentRoutes<EvaluationsBindings, typeof TaskParams>({
  targetType: "duty_task",
  path: DUTY_TASK_PATH,
  params: TaskParams,
  tags: ["Evaluations: duty tasks"],
  what: "a duty task",
  readRoles: READ_OWN,
  writeRoles: ACT_OWN,
  resolve: async (c, tc, { taskId }) => {
    const task = await getDutyTask(tc, taskId);
    if (!task) return null;
    const p = internalContext(c).principal;
    if (p.role === "member" && p.memberId !== task.assigneeId) return null;
    return taskId;
  },
});

/** The evidence a branch gives for one item of its self-assessment. */
export const inspectionItemAttachments = attachmentRoutes<EvaluationsBindings, typeof ItemParams>({
  targetType: "inspection_item",
  path: INSPECTION_ITEM_PATH,
  params: ItemParams,
  tags: ["Evaluations: inspections"],
  what: "an inspection item",
  readRoles: READ_BRANCH,
  writeRoles: MANAGE_BRANCH,
  resolve: async (_c, tc, { inspectionId, code }) => {
    const found = await getInspection(tc, inspectionId);
    return found?.items.some((i) => i.code === code) ? `${inspectionId}/${code}` : null;
  },
});
