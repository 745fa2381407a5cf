import { createRoute, z } from "@hono/zod-openapi";
import { DUTY_TASK_STATUSES } from "@vanguard/domain";
import {
  errorResponses,
  IsoDate,
  IsoMonth,
  json,
  jsonBody,
  PageQuery,
  Prose,
  security,
  writeResponses,
} from "@vanguard/platform";
import { BranchParams, MemberRef, OptionalVersion } from "../shared/schemas";

const tags = ["Evaluations: duty tasks"];
const OneParams = BranchParams.extend({ taskId: z.string().max(64) });
const optionalBody = <T extends z.ZodType>(schema: T) => ({
  required: false,
  content: { "application/json": { schema } },
});

export const DutyTask = z
  .object({
    id: z.string(),
    branchId: z.string(),
    assigneeId: z.string(),
    assigneeName: z.string().nullable(),
    month: z.string(),
    title: z.string(),
    detail: z.string().nullable(),
    dueOn: z.string(),
    status: z.enum(DUTY_TASK_STATUSES),
    state: z
      .enum([...DUTY_TASK_STATUSES, "overdue"])
      .openapi({ description: "status as of today: an open task past its due date is overdue" }),
    completedOn: z.string().nullable(),
    completionNote: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    verificationNote: z.string().nullable(),
    returnedNote: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi("DutyTask");

const Ratios = {
  tasks: z.number().int(),
  completed: z.number().int(),
  verified: z.number().int(),
  overdue: z.number().int(),
  completionRatio: z.number().nullable().openapi({ description: "completed or verified, over all tasks" }),
  verificationRatio: z.number().nullable(),
};

export const DutyTaskMonth = z
  .object({
    month: z.string(),
    asOf: z.string().openapi({ description: "the date overdue was judged on (today in the district)" }),
    summary: z.object(Ratios),
    byMember: z.array(
      z.object({ memberId: z.string(), name: z.string().nullable(), posts: z.array(z.string()), ...Ratios }),
    ),
    items: z.array(DutyTask),
    nextCursor: z.string().nullable(),
  })
  .openapi("DutyTaskMonth");

export const create = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/duty-tasks",
  tags,
  security,
  summary: "Set a committee member's task for a month (月初细化明确任务)",
  request: {
    params: BranchParams,
    body: jsonBody(
      z
        .object({
          assigneeId: MemberRef,
          month: IsoMonth,
          title: Prose(200),
          dueOn: IsoDate,
          detail: Prose(2000).optional(),
        })
        .strict(),
    ),
  },
  responses: { 201: json(DutyTask, "the task"), ...writeResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/duty-tasks",
  tags,
  security,
  summary: "A month's tasks with completion and verification ratios, per member and for the branch",
  description: "A member key sees only its own tasks.",
  request: {
    params: BranchParams,
    query: PageQuery.extend({
      month: IsoMonth.optional().openapi({ description: "defaults to this month" }),
      assigneeId: MemberRef.optional(),
    }),
  },
  responses: { 200: json(DutyTaskMonth, "the month"), ...errorResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/duty-tasks/{taskId}",
  summary: "A duty task",
  tags,
  security,
  request: { params: OneParams },
  responses: { 200: json(DutyTask, "the task"), ...errorResponses },
});

export const complete = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/duty-tasks/{taskId}/complete",
  tags,
  security,
  summary: "Report a task done (the branch admin, or the assignee with a member key)",
  request: {
    params: OneParams,
    body: optionalBody(
      z
        .object({
          completedOn: IsoDate.optional().openapi({ description: "defaults to today" }),
          note: Prose(2000).optional(),
          version: OptionalVersion,
        })
        .strict(),
    ),
  },
  responses: { 200: json(DutyTask, "the task"), ...writeResponses },
});

export const verify = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/duty-tasks/{taskId}/verify",
  tags,
  security,
  summary: "Check a completed task at the month's end (月底检查验证); `returned` sends it back open",
  request: {
    params: OneParams,
    body: optionalBody(
      z
        .object({
          outcome: z.enum(["verified", "returned"]).default("verified"),
          note: Prose(2000).optional().openapi({ description: "required when returning a task" }),
          version: OptionalVersion,
        })
        .strict(),
    ),
  },
  responses: { 200: json(DutyTask, "the task"), ...writeResponses },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
export type CompleteRoute = typeof complete;
export type VerifyRoute = typeof verify;
