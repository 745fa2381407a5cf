import { createRoute, z } from "@hono/zod-openapi";
import { REFLECTION_SUBJECTS, STUDY_PERIODS } from "@vanguard/domain";
import {
  errorResponses,
  IsoDate,
  json,
  jsonBody,
  PageQuery,
  pageSchema,
  security,
  Text,
  writeResponses,
} from "@vanguard/platform";

const tags = ["Study"];
const BranchParams = z.object({ branchId: z.string().max(64) });
const DistrictParams = z.object({ districtId: z.string().max(64) });

export const ReflectionInput = z
  .object({
    memberId: z.string().max(64).openapi({ description: "the author; a member key writes only its own" }),
    subjectType: z.enum(REFLECTION_SUBJECTS),
    subjectId: z
      .string()
      .max(64)
      .openapi({ description: "a published material of the district or a meeting of the branch" }),
    title: Text(100),
    // the character limits are the district's (practices `reflections.minChars`/`maxChars`);
    // this bound only keeps a request's body reasonable
    text: Text(20_000).openapi({ description: "the reflection; its length is the district's rule" }),
  })
  .strict();

export const Reflection = z
  .object({
    id: z.string(),
    branchId: z.string(),
    memberId: z.string(),
    memberName: z.string().nullable(),
    subjectType: z.enum(REFLECTION_SUBJECTS),
    subjectId: z.string(),
    title: z.string(),
    text: z.string(),
    submittedAt: z.string(),
    featuredAt: z.string().nullable(),
    featuredBy: z.string().nullable(),
    awarded: z.number().int().openapi({ description: "study points the feature earned (once)" }),
  })
  .openapi("StudyReflection");

export const ModelLearner = z
  .object({
    rank: z.number().int(),
    memberId: z.string(),
    name: z.string().nullable(),
    branchId: z.string(),
    earned: z.number().int().openapi({ description: "points earned (not claimed) in the period" }),
    featured: z.number().int().openapi({ description: "reflections featured in the period" }),
    reflections: z.array(z.object({ id: z.string(), title: z.string(), featuredAt: z.string() })),
  })
  .openapi("StudyModelLearner");

const LearnersQuery = z.object({
  period: z.enum(STUDY_PERIODS).default("year"),
  date: IsoDate.optional().openapi({ description: "any day in the period; defaults to today" }),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

const Learners = z.object({
  period: z.enum(STUDY_PERIODS),
  key: z.string(),
  from: z.string(),
  to: z.string(),
  items: z.array(ModelLearner),
});

const ListQuery = PageQuery.extend({
  featured: z.enum(["true", "false"]).optional().openapi({
    description: "`true`: featured reflections only (a member key always sees only these and its own)",
  }),
  memberId: z.string().max(64).optional(),
});

export const submit = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/study/reflections",
  tags,
  security,
  summary: "Write a study reflection (学习体会) on a study material or a meeting",
  request: { params: BranchParams, body: jsonBody(ReflectionInput) },
  responses: { 201: json(Reflection, "written"), ...writeResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/study/reflections",
  tags,
  security,
  summary: "The branch's reflections, newest first",
  request: { params: BranchParams, query: ListQuery },
  responses: { 200: json(pageSchema(Reflection), "the reflections"), ...errorResponses },
});

export const feature = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/study/reflections/{reflectionId}/feature",
  tags,
  security,
  summary: "Feature a reflection (推荐): once; its author earns the study rule set's `reflection` points",
  request: { params: BranchParams.extend({ reflectionId: z.string().max(64) }) },
  responses: { 200: json(Reflection, "featured"), ...writeResponses },
});

export const branchLearners = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/study/model-learners",
  tags,
  security,
  summary: "The branch's model learners (学习标兵): featured in the period, ranked by earned points",
  request: { params: BranchParams, query: LearnersQuery },
  responses: {
    200: json(Learners.extend({ branchId: z.string() }), "the model learners"),
    ...errorResponses,
  },
});

export const districtLearners = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/study/model-learners",
  tags,
  security,
  summary: "The district's model learners (学习标兵): featured in the period, ranked by earned points",
  request: { params: DistrictParams, query: LearnersQuery },
  responses: {
    200: json(Learners.extend({ districtId: z.string() }), "the model learners"),
    ...errorResponses,
  },
});

export const districtFeatured = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/study/reflections",
  tags,
  security,
  summary: "The district's featured reflections, newest first",
  request: { params: DistrictParams, query: PageQuery },
  responses: { 200: json(pageSchema(Reflection), "featured reflections"), ...errorResponses },
});

export type SubmitRoute = typeof submit;
export type ListRoute = typeof list;
export type FeatureRoute = typeof feature;
export type BranchLearnersRoute = typeof branchLearners;
export type DistrictLearnersRoute = typeof districtLearners;
export type DistrictFeaturedRoute = typeof districtFeatured;
