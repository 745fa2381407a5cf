import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, PageQuery, pageSchema, security } from "@vanguard/platform";

const tags = ["Event log"];

export const Event = z
  .object({
    seq: z.number().int(),
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    actorRole: z.string(),
    requestId: z.string(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi("Event");

export const Verdict = z
  .object({
    ok: z.boolean(),
    length: z.number().int(),
    head: z.string().openapi({ description: "hash of the last verified event" }),
    brokenAt: z.number().int().optional().openapi({ description: "seq of the first row that fails" }),
    anchor: z
      .object({
        seq: z.number().int(),
        hash: z.string(),
        anchoredAt: z.string(),
        holds: z.boolean(),
      })
      .optional()
      .openapi({
        description:
          "the head the daily audit last witnessed (kept in the directory, outside the shard); holds is false when the chain was cut or rewritten since",
      }),
  })
  .openapi("ChainVerdict");

export const list = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/events",
  tags,
  security,
  summary: "The branch's hash-chained event log, oldest first",
  request: {
    params: z.object({ branchId: z.string().max(64) }),
    query: PageQuery.extend({ subjectId: z.string().max(64).optional() }),
  },
  responses: { 200: json(pageSchema(Event), "a page of events"), ...errorResponses },
});

export const verify = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/events/verify",
  tags,
  security,
  summary: "Recompute every hash of the branch's log",
  request: { params: z.object({ branchId: z.string().max(64) }) },
  responses: { 200: json(Verdict, "whether the chain is intact"), ...errorResponses },
});

export type ListRoute = typeof list;
export type VerifyRoute = typeof verify;
