import { createRoute, z } from "@hono/zod-openapi";
import { COMMITTEE_POSTS } from "@vanguard/domain";
import { errorResponses, IsoDate, json, jsonBody, security, writeResponses } from "@vanguard/platform";

const tags = ["Committee"];
const BranchParams = z.object({ branchId: z.string().max(64) });

export const Committee = z
  .object({
    branchId: z.string(),
    termStart: z.string().nullable(),
    termEnd: z.string().nullable(),
    posts: z.array(
      z.object({ memberId: z.string(), post: z.enum(COMMITTEE_POSTS), name: z.string().nullable() }),
    ),
    version: z.number().int().openapi({ description: "0 before the first committee is set" }),
  })
  .openapi("Committee");

export const put = createRoute({
  method: "put",
  path: "/v1/branches/{branchId}/committee",
  tags,
  security,
  summary: "Set the branch committee (a new term or a by-election)",
  request: {
    params: BranchParams,
    body: jsonBody(
      z
        .object({
          termStart: IsoDate,
          termEnd: IsoDate,
          posts: z
            .array(z.object({ memberId: z.string().max(64), post: z.enum(COMMITTEE_POSTS) }).strict())
            .max(20),
          version: z
            .number()
            .int()
            .min(0)
            .optional()
            .openapi({ description: "the version you read (0 if none); stale answers 409" }),
        })
        .strict(),
    ),
  },
  responses: { 200: json(Committee, "the committee"), ...writeResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/committee",
  summary: "The branch committee in office",
  tags,
  security,
  request: { params: BranchParams },
  responses: { 200: json(Committee, "the committee"), ...errorResponses },
});

export type PutRoute = typeof put;
export type GetRoute = typeof get;
