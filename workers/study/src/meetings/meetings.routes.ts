import { createRoute, z } from "@hono/zod-openapi";
import { CADENCES, MEETING_KINDS } from "@vanguard/domain";
import {
  errorResponses,
  IsoDate,
  json,
  jsonBody,
  PageQuery,
  Prose,
  security,
  writeResponses,
} from "@vanguard/platform";

const tags = ["Meetings"];
const BranchParams = z.object({ branchId: z.string().max(64) });
const MemberId = z.string().max(64);

export const MeetingInput = z
  .object({
    kind: z.enum(MEETING_KINDS),
    heldOn: IsoDate,
    topic: Prose(200).openapi({ example: "学习贯彻党的二十届四中全会精神" }),
    attendeeIds: z.array(MemberId).min(1).max(500),
    absentees: z
      .array(z.object({ memberId: MemberId, reason: Prose(200).openapi({ example: "出差" }) }).strict())
      .max(500)
      .default([]),
    hours: z
      .number()
      .min(0)
      .max(8)
      .multipleOf(0.5)
      .default(0)
      .openapi({ description: "class hours credited to each attendee (a half-day lecture = 4)" }),
    minutes: Prose(20_000).optional().openapi({ description: "会议记录" }),
    lecturerId: MemberId.optional().openapi({ description: "who gave the lecture, if a member" }),
  })
  .strict();

export const Meeting = z
  .object({
    id: z.string(),
    branchId: z.string(),
    kind: z.enum(MEETING_KINDS),
    heldOn: z.string(),
    topic: z.string(),
    hours: z.number(),
    minutes: z.string().nullable(),
    lecturerId: z.string().nullable(),
    lecturerPost: z.string().nullable(),
    present: z.number().int(),
    absent: z.number().int(),
    committee: z
      .object({ size: z.number().int(), present: z.number().int() })
      .nullable()
      .openapi({ description: "committee meetings: members of the committee and how many attended" }),
    recordedAt: z.string(),
    revision: z.number().int().openapi({ description: "0 as first recorded; each correction adds one" }),
    importedFrom: z.string().nullable().openapi({
      description: "SHA-256 of the history file the meeting was imported from; null when recorded live",
    }),
  })
  .openapi("Meeting");

export const MeetingDetail = Meeting.extend({
  attendees: z.array(z.object({ memberId: z.string(), name: z.string().nullable() })),
  absentees: z.array(
    z.object({ memberId: z.string(), name: z.string().nullable(), reason: z.string().nullable() }),
  ),
}).openapi("MeetingDetail");

export const create = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/meetings",
  tags,
  security,
  summary: "Record a meeting with who attended, who was absent and why, and the class hours it gives",
  request: { params: BranchParams, body: jsonBody(MeetingInput) },
  responses: { 201: json(MeetingDetail, "recorded"), ...writeResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/meetings",
  tags,
  security,
  summary: "Meetings held in a date range, newest first",
  request: {
    params: BranchParams,
    query: PageQuery.extend({
      from: IsoDate.optional().openapi({ description: "defaults to 1 January of this year" }),
      to: IsoDate.optional().openapi({ description: "defaults to today" }),
      kind: z.enum(MEETING_KINDS).optional(),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(Meeting), nextCursor: z.string().nullable() }), "meetings"),
    ...errorResponses,
  },
});

export const compliance = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/meetings/compliance",
  tags,
  security,
  summary: "Per cadence rule: meetings required and held, and exactly which months or quarters are missing",
  request: {
    params: BranchParams,
    query: z.object({
      year: z.coerce
        .number()
        .int()
        .min(2000)
        .max(2100)
        .optional()
        .openapi({ description: "defaults to this year" }),
    }),
  },
  responses: {
    200: json(
      z.object({
        branchId: z.string(),
        year: z.number().int(),
        asOf: z.string(),
        recordsFrom: z.string().nullable().openapi({
          description:
            "periods that start before the branch's records start are not judged (docs/adoption.md)",
        }),
        ruleVersion: z.number().int(),
        compliant: z.boolean(),
        items: z.array(
          z.object({
            code: z.string(),
            kind: z.enum(MEETING_KINDS),
            label: z.string(),
            per: z.enum(CADENCES),
            min: z.number().int(),
            by: z.enum(["secretary"]).nullable(),
            applicable: z.boolean(),
            required: z.number().int(),
            held: z.number().int(),
            missing: z.array(z.string()).openapi({ example: ["2026-03", "2026-Q2"] }),
            open: z
              .string()
              .nullable()
              .openapi({ description: "the period under way, still lacking its meeting" }),
            compliant: z.boolean(),
          }),
        ),
      }),
      "the year's compliance",
    ),
    ...errorResponses,
  },
});

export const MeetingCorrection = MeetingInput.extend({
  reason: Prose(500).openapi({ example: "漏记两名出席党员" }),
  revision: z
    .number()
    .int()
    .min(0)
    .openapi({ description: "the revision being corrected, as last read (a stale one answers 409)" }),
})
  .strict()
  .openapi("MeetingCorrection");

const MeetingParams = BranchParams.extend({ meetingId: z.string().max(64) });

export const get = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/meetings/{meetingId}",
  tags,
  security,
  request: { params: MeetingParams },
  responses: {
    200: json(
      MeetingDetail.extend({
        corrections: z.array(
          z.object({
            replacedRevision: z.number().int(),
            reason: z.string(),
            correctedBy: z.string(),
            correctedAt: z.string(),
            replaced: MeetingDetail,
          }),
        ),
      }),
      "the meeting as it stands, and every version a correction replaced",
    ),
    ...errorResponses,
  },
});

export const correct = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/meetings/{meetingId}/corrections",
  tags,
  security,
  summary:
    "Correct a recorded meeting: the whole meeting as it should read, with a reason; the version it replaces is kept",
  request: { params: MeetingParams, body: jsonBody(MeetingCorrection) },
  responses: { 200: json(MeetingDetail, "the meeting as corrected"), ...writeResponses },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type ComplianceRoute = typeof compliance;
export type GetRoute = typeof get;
export type CorrectRoute = typeof correct;
