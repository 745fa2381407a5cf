import { createRoute, z } from "@hono/zod-openapi";
import { STUDY_PERIODS } from "@vanguard/domain";
import { errorResponses, IsoDate, json, PageQuery, security } from "@vanguard/platform";

const tags = ["Study"];

const PeriodQuery = PageQuery.extend({
  period: z.enum(STUDY_PERIODS).default("day"),
  date: IsoDate.optional().openapi({ description: "any day in the period; defaults to today" }),
});

const Span = {
  period: z.enum(STUDY_PERIODS),
  key: z.string().openapi({ example: "2026-W48" }),
  from: z.string(),
  to: z.string(),
};

const Sources = {
  earned: z.number().int().openapi({ description: "of `points`, earned in the study library" }),
  claimed: z.number().int().openapi({ description: "of `points`, claimed by a client" }),
  score: z.number().openapi({
    description:
      "what the ranking counts: earned + claimedWeight × claimed, or earned alone when claimed points do not rank",
  }),
};

export const Counting = z
  .object({
    claimedWeight: z.number().openapi({ description: "what one claimed point counts for, 0–1" }),
    claimedRanked: z.boolean().openapi({ description: "whether claimed points count in this ranking" }),
    rankedBy: z.enum(["score", "earned"]),
  })
  .openapi("StudyCounting", { description: "how the district's rule set counts claimed points" });

export const MemberRow = z
  .object({
    rank: z.number().int(),
    memberId: z.string().nullable().openapi({ description: "null when the ranking is anonymous to you" }),
    name: z.string().nullable(),
    points: z.number().int().openapi({ description: "every point recorded, earned and claimed" }),
    ...Sources,
    activeDays: z.number().int(),
    activities: z.number().int(),
    self: z.boolean(),
  })
  .openapi("StudyStanding");

export const BranchRow = z
  .object({
    rank: z.number().int(),
    branchId: z.string(),
    name: z.string(),
    members: z.number().int().nullable().openapi({
      description: "party members when the branch last studied in the period; null if it did not",
    }),
    activeMembers: z.number().int(),
    earnedActiveMembers: z.number().int().openapi({ description: "members with an earned activity" }),
    activityRate: z.number().openapi({
      description:
        "active members / members, 0–1 (members active in the library when claimed points do not rank)",
    }),
    points: z.number().int().openapi({ description: "every point recorded, earned and claimed" }),
    ...Sources,
    averagePoints: z.number().openapi({ description: "score / members" }),
    activities: z.number().int(),
  })
  .openapi("StudyBranchStanding");

export const branchLeaderboard = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/study/leaderboard",
  tags,
  security,
  summary: "Members ranked by points for a day, ISO week, month or year, earned and claimed apart",
  request: { params: z.object({ branchId: z.string().max(64) }), query: PeriodQuery },
  responses: {
    200: json(
      z.object({
        branchId: z.string(),
        ...Span,
        view: z
          .enum(["full", "anonymous", "self"])
          .openapi({ description: "what the district lets you see" }),
        counting: Counting,
        items: z.array(MemberRow),
        nextCursor: z.string().nullable(),
      }),
      "the ranking",
    ),
    ...errorResponses,
  },
});

export const districtLeaderboard = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/study/leaderboard",
  tags,
  security,
  summary: "Branches ranked by activity rate, then average points per member, earned and claimed apart",
  request: { params: z.object({ districtId: z.string().max(64) }), query: PeriodQuery },
  responses: {
    200: json(
      z.object({
        districtId: z.string(),
        ...Span,
        counting: Counting,
        items: z.array(BranchRow),
        nextCursor: z.string().nullable(),
      }),
      "the ranking",
    ),
    ...errorResponses,
  },
});

export type BranchLeaderboardRoute = typeof branchLeaderboard;
export type DistrictLeaderboardRoute = typeof districtLeaderboard;
