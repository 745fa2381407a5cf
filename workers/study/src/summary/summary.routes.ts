import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, IsoDate, json, security } from "@vanguard/platform";
import { Counting } from "../leaderboard/leaderboard.routes";

const Progress = z.object({
  points: z.number().int(),
  cap: z.number().int().nullable(),
  progress: z.string().openapi({ example: "4/12" }),
});

export const Summary = z
  .object({
    memberId: z.string(),
    name: z.string(),
    year: z.number().int(),
    totals: z.object({
      points: z.number().int().openapi({ description: "every point recorded, earned and claimed" }),
      earned: z.number().int().openapi({ description: "of `points`, earned in the study library" }),
      claimed: z.number().int().openapi({ description: "of `points`, claimed by a client" }),
      score: z
        .number()
        .openapi({ description: "earned + claimedWeight × claimed, as the district counts them" }),
      activeDays: z.number().int(),
      activities: z.number().int(),
      flagged: z.number().int(),
    }),
    byKind: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        points: z.number().int(),
        units: z.number().int(),
        count: z.number().int(),
      }),
    ),
    byDay: z.array(
      z.object({
        day: z.string(),
        points: z.number().int(),
        earned: z.number().int(),
        claimed: z.number().int(),
        ruleVersion: z.number().int(),
        kinds: z.record(z.string(), z.number().int()).openapi({ description: "points per kind" }),
      }),
    ),
    progress: z.object({
      day: z.string(),
      ruleVersion: z.number().int(),
      kinds: z.array(
        Progress.extend({
          kind: z.string(),
          label: z.string(),
          units: z.number().int(),
          week: Progress.extend({ cap: z.number().int() })
            .nullable()
            .openapi({ description: "kinds with a weekly cap: the week so far" }),
        }),
      ),
      groups: z.array(Progress.extend({ group: z.string(), label: z.string() })),
    }),
    classHours: z.object({
      committeeMember: z.boolean(),
      required: z.number(),
      meetings: z.number(),
      study: z.number(),
      total: z.number(),
      met: z.boolean(),
      shortBy: z.number(),
    }),
    meetings: z.object({ attended: z.number().int(), absent: z.number().int() }),
    counting: Counting,
  })
  .openapi("StudySummary");

export const summary = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/study/members/{memberId}/summary",
  tags: ["Study"],
  security,
  summary:
    "A member's year: points by day and kind, earned and claimed apart, today's progress against the caps, class hours",
  request: {
    params: z.object({ branchId: z.string().max(64), memberId: z.string().max(64) }),
    query: z.object({
      year: z.coerce
        .number()
        .int()
        .min(2000)
        .max(2100)
        .optional()
        .openapi({ description: "defaults to this year" }),
      date: IsoDate.optional().openapi({ description: "the day whose progress to show; defaults to today" }),
    }),
  },
  responses: { 200: json(Summary, "the member's study year"), ...errorResponses },
});

export type SummaryRoute = typeof summary;
