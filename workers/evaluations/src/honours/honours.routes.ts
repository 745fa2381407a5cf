import { createRoute, z } from "@hono/zod-openapi";
import { AWARD_LEVELS, MODEL_POST_STATUSES } from "@vanguard/domain";
import {
  errorResponses,
  IsoDate,
  json,
  jsonBody,
  Name,
  PageQuery,
  Prose,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";
import { BranchParams, DistrictParams, MemberRef, OptionalVersion, Year, YearQuery } from "../shared/schemas";

const tags = ["Evaluations: model posts and awards"];

export const ModelPost = z
  .object({
    id: z.string(),
    branchId: z.string(),
    memberId: z.string(),
    memberName: z.string().nullable(),
    year: z.number().int(),
    title: z.string().openapi({ description: "the post, e.g. 政务服务窗口党员示范岗" }),
    commitment: z.string().openapi({ description: "the member's public pledge (亮身份)" }),
    status: z.enum(MODEL_POST_STATUSES),
    awardedOn: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi("ModelPost");

export const Award = z
  .object({
    id: z.string(),
    branchId: z.string(),
    memberId: z.string(),
    memberName: z.string().nullable(),
    year: z.number().int(),
    title: z.string(),
    level: z.enum(AWARD_LEVELS),
    citation: z.string(),
    awardedOn: z.string(),
  })
  .openapi("Award");

const YearPage = PageQuery.extend({ year: YearQuery.optional() });

export const nominate = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/model-posts",
  tags,
  security,
  summary: "Nominate a member's post as a 党员示范岗",
  request: {
    params: BranchParams,
    body: jsonBody(
      z.object({ memberId: MemberRef, year: Year, title: Name(100), commitment: Prose(2000) }).strict(),
    ),
  },
  responses: { 201: json(ModelPost, "the nomination"), ...writeResponses },
});

export const award = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/model-posts/{modelPostId}/award",
  tags,
  security,
  summary: "The district names the model post (district admins only)",
  request: {
    params: BranchParams.extend({ modelPostId: z.string().max(64) }),
    body: {
      required: false,
      content: {
        "application/json": {
          schema: z
            .object({
              awardedOn: IsoDate.optional().openapi({ description: "defaults to today" }),
              version: OptionalVersion,
            })
            .strict(),
        },
      },
    },
  },
  responses: { 200: json(ModelPost, "the named model post"), ...writeResponses },
});

export const listModelPosts = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/model-posts",
  summary: "The branch's model posts (党员示范岗)",
  tags,
  security,
  request: { params: BranchParams, query: YearPage },
  responses: { 200: json(pageSchema(ModelPost), "the branch's model posts"), ...errorResponses },
});

export const listDistrictModelPosts = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/model-posts",
  summary: "The district's model posts (党员示范岗)",
  tags,
  security,
  request: {
    params: DistrictParams,
    query: YearPage.extend({ status: z.enum(MODEL_POST_STATUSES).optional() }),
  },
  responses: { 200: json(pageSchema(ModelPost), "model posts across the district"), ...errorResponses },
});

export const grantAward = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/awards",
  tags,
  security,
  summary: "Award a member (亮身份、亮业绩、争先进); district-level awards are the district's",
  request: {
    params: BranchParams,
    body: jsonBody(
      z
        .object({
          memberId: MemberRef,
          year: Year,
          title: Name(100).openapi({ example: "优秀共产党员" }),
          level: z.enum(AWARD_LEVELS).default("branch"),
          citation: Prose(2000),
          awardedOn: IsoDate.optional().openapi({ description: "defaults to today" }),
        })
        .strict(),
    ),
  },
  responses: { 201: json(Award, "the award"), ...writeResponses },
});

export const listAwards = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/awards",
  summary: "The branch's awards",
  tags,
  security,
  request: { params: BranchParams, query: YearPage },
  responses: { 200: json(pageSchema(Award), "the branch's awards"), ...errorResponses },
});

export const listDistrictAwards = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/awards",
  summary: "The district's awards",
  tags,
  security,
  request: { params: DistrictParams, query: YearPage },
  responses: { 200: json(pageSchema(Award), "awards across the district"), ...errorResponses },
});

export type NominateRoute = typeof nominate;
export type AwardRoute = typeof award;
export type ListModelPostsRoute = typeof listModelPosts;
export type ListDistrictModelPostsRoute = typeof listDistrictModelPosts;
export type GrantAwardRoute = typeof grantAward;
export type ListAwardsRoute = typeof listAwards;
export type ListDistrictAwardsRoute = typeof listDistrictAwards;
