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
    verifiedFrom: z.number().int().openapi({
      description:
        "the first row this check re-hashed: the witnessed row by default (what came after the last audit), 1 for a walk from the start",
    }),
    nextCursor: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "full verify only: pass as `cursor` for the next page; null on the last" }),
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
  summary:
    "Check the branch's log: from the head the daily audit witnessed, or (full=true) all of it in pages",
  description:
    "By default the witnessed row and every row after it are re-hashed, so the work is what was written since the last audit: any change after the witness, a cut through it and a rewrite with recomputed hashes are found. `full=true` re-hashes the whole chain from the start, `limit` rows per request, following `nextCursor`; it also finds an older row edited in place.",
  request: {
    params: z.object({ branchId: z.string().max(64) }),
    query: z.object({
      full: z
        .enum(["true", "false"])
        .default("false")
        .transform((v) => v === "true")
        .openapi({ param: { name: "full", in: "query" } }),
      cursor: PageQuery.shape.cursor,
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(5000)
        .default(1000)
        .openapi({ param: { name: "limit", in: "query" }, description: "full verify: rows per page" }),
    }),
  },
  responses: { 200: json(Verdict, "whether the chain is intact"), ...errorResponses },
});

export type ListRoute = typeof list;
export type VerifyRoute = typeof verify;
