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

export const MemberRow = z
  .object({
    rank: z.number().int(),
    memberId: z.string().nullable().openapi({ description: "null when the ranking is anonymous to you" }),
    name: z.string().nullable(),
    points: z.number().int(),
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
    activityRate: z.number().openapi({ description: "active members / members, 0–1" }),
    points: z.number().int(),
    averagePoints: z.number(),
    activities: z.number().int(),
  })
  .openapi("StudyBranchStanding");

export const branchLeaderboard = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/study/leaderboard",
  tags,
  security,
  summary: "Members ranked by points for a day, ISO week, month or year",
  request: { params: z.object({ branchId: z.string().max(64) }), query: PeriodQuery },
  responses: {
    200: json(
      z.object({
        branchId: z.string(),
        ...Span,
        view: z
          .enum(["full", "anonymous", "self"])
          .openapi({ description: "what the district lets you see" }),
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
  summary: "Branches ranked by activity rate, then average points per member",
  request: { params: z.object({ districtId: z.string().max(64) }), query: PeriodQuery },
  responses: {
    200: json(
      z.object({
        districtId: z.string(),
        ...Span,
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
