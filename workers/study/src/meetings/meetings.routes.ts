import { createRoute, z } from "@hono/zod-openapi";
import { CADENCES, MEETING_KINDS } from "@vanguard/domain";
import {
  errorResponses,
  ImportQuery,
  ImportReport,
  IsoDate,
  json,
  jsonBody,
  PageQuery,
  Prose,
  security,
  uploadBody,
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
    hours: z.number().min(0).max(8).multipleOf(0.5).default(0).openapi({
      multipleOf: 0.5,
      description: "class hours credited to each attendee (a half-day lecture = 4)",
    }),
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
  summary: "A meeting with its attendance",
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

export const importHistory = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/meetings/import",
  tags,
  security,
  summary: "Import past meetings with attendance (CSV or xlsx; up to 10,000 lines; ?dryRun=true to preview)",
  description:
    "For a branch joining mid-year. One line per person at a meeting: 会议类型 (kind: a code or 支部党员大会, 支委会, 党小组会, 党课, 主题党日, 组织生活会), 日期, 主题, optionally 学时, the person (身份证号, or 姓名 and 出生日期), 出席情况 (出席/缺席; default 出席) and 缺席原因. The lines of one meeting share its kind, date and topic. A line already imported is reported unchanged, so a rerun creates nothing; each meeting touched is logged as meeting.imported with the file's SHA-256. Lines dated after today, naming someone not on the roll or a kind the district does not know are rejected with their reasons; the valid lines land. Imported meetings count toward cadence only in periods on or after the branch's records start.",
  request: {
    params: BranchParams,
    query: ImportQuery,
    body: uploadBody(
      "会议类型,日期,主题,学时,姓名,出生日期,出席情况\n支委会,2026-03-05,研究发展党员工作,2,王晓明,1985-03-12,出席",
    ),
  },
  responses: {
    200: json(
      ImportReport.extend({ meetingsCreated: z.number().int() }).openapi("MeetingImportReport"),
      "what was created, unchanged and rejected",
    ),
    ...writeResponses,
  },
});

export type ImportRoute = typeof importHistory;
