import { createRoute, z } from "@hono/zod-openapi";
import { COMMITTEE_POSTS } from "@vanguard/domain";
import { errorResponses, IsoDate, json, jsonBody, security, writeResponses } from "@vanguard/platform";
import { Committee } from "../committee/committee.routes";

const tags = ["Committee"];
const BranchParams = z.object({ branchId: z.string().max(64) });

const Count = z.number().int().min(0).max(100_000);

export const ElectionInput = z
  .object({
    heldOn: IsoDate,
    expectedVoters: Count.openapi({ description: "members with voting rights expected (应到)" }),
    presentVoters: Count.openapi({ description: "members with voting rights present (实到)" }),
    seats: z.number().int().min(1).max(7),
    candidates: z
      .array(z.object({ memberId: z.string().max(64), votes: Count }).strict())
      .min(1)
      .max(20),
    posts: z
      .array(z.object({ memberId: z.string().max(64), post: z.enum(COMMITTEE_POSTS) }).strict())
      .max(20)
      .openapi({ description: "the posts the elected committee assigned (分工); only elected members" }),
  })
  .strict();

export const ElectionView = z
  .object({
    id: z.string(),
    heldOn: z.string(),
    expectedVoters: z.number().int(),
    presentVoters: z.number().int(),
    seats: z.number().int(),
    candidates: z.array(z.object({ memberId: z.string(), votes: z.number().int(), elected: z.boolean() })),
    termStart: z.string(),
    termEnd: z.string(),
    ruleSetVersion: z.number().int(),
    recordedAt: z.string(),
    recordedBy: z.string(),
  })
  .openapi("CommitteeElection");

export const create = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/committee/elections",
  tags,
  security,
  summary: "Record a change of term (换届选举); it seats the elected committee for the district's term",
  request: { params: BranchParams, body: jsonBody(ElectionInput) },
  responses: {
    201: json(
      z.object({ election: ElectionView, committee: Committee }),
      "the election and the new committee",
    ),
    ...writeResponses,
  },
});

export const list = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/committee/elections",
  tags,
  security,
  summary: "The branch's recorded elections, newest first",
  request: { params: BranchParams },
  responses: { 200: json(z.object({ items: z.array(ElectionView) }), "the elections"), ...errorResponses },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
