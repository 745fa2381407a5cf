import { createRoute, z } from "@hono/zod-openapi";
import {
  errorResponses,
  IsoDate,
  json,
  PageQuery,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";

const tags = ["Audits"];

export const Run = z
  .object({
    id: z.string(),
    date: z.string(),
    trigger: z.enum(["cron", "manual"]),
    status: z.enum(["queued", "running", "done", "failed"]),
    branchesTotal: z
      .number()
      .int()
      .openapi({ description: "branches planned so far; final once planning is done" }),
    branchesDone: z.number().int(),
    findingsOpened: z.number().int(),
    findingsResolved: z.number().int(),
    batchesPlanned: z.number().int(),
    batchesDone: z.number().int(),
    d1Queries: z.number().int().openapi({ description: "D1 statements the evaluated batches ran" }),
    failure: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("AuditRun");

export const start = createRoute({
  method: "post",
  path: "/v1/audits/runs",
  tags,
  security,
  summary: "Run the audit over every branch now (platform_admin)",
  request: {
    body: {
      required: false,
      content: {
        "application/json": {
          schema: z
            .object({
              date: IsoDate.optional().openapi({
                description: "the day to audit as; defaults to today in Beijing",
              }),
              districtId: z
                .string()
                .max(64)
                .optional()
                .openapi({ description: "only this district's branches" }),
            })
            .strict(),
        },
      },
    },
  },
  responses: { 202: json(Run, "the queued run"), ...writeResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/audits/runs/{runId}",
  tags,
  security,
  summary: "A run and its progress (an auditor of some districts reads only the runs over those districts)",
  request: { params: z.object({ runId: z.string().max(64) }) },
  responses: { 200: json(Run, "the run and its progress"), ...errorResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/audits/runs",
  tags,
  security,
  summary:
    "Recent runs, newest first: every run for the platform admin and a platform-wide auditor, the runs over their districts for an auditor of some districts",
  request: { query: PageQuery },
  responses: { 200: json(pageSchema(Run), "a page of runs"), ...errorResponses },
});

export type StartRoute = typeof start;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
