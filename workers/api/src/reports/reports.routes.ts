import { createRoute, z } from "@hono/zod-openapi";
import { REPORT_PERIOD_PATTERN } from "@vanguard/domain";
import { errorResponses, IsoMonth, security } from "@vanguard/platform";
import { FormatQuery } from "../shared/csv";

const tags = ["Reports"];

const DistrictQuery = z.string().max(64).optional().openapi({
  description: "one district in scope; omitted: every district the key sees, merged across shards",
});

const Rate = z.number().nullable().openapi({ description: "0–1; null when there is nothing to measure" });
const Kind = z.enum(["branch", "general_branch", "committee"]);

const csvAlternative = (example: string) => ({
  "text/csv": {
    schema: z.string().openapi({
      description:
        "with `Accept: text/csv` or `?format=csv`: UTF-8 with a BOM, one header row (zh-CN or en), streamed",
      example,
    }),
  },
});

const District = z.object({ id: z.string(), code: z.string(), name: z.string(), shard: z.number().int() });

export const ComplianceRow = z
  .object({
    districtId: z.string(),
    districtName: z.string(),
    branchId: z.string(),
    branchName: z.string(),
    kind: Kind,
    parentId: z.string().nullable(),
    asOf: z
      .string()
      .openapi({ description: "the last day counted: the period's end, or today while it runs" }),
    dataAsOf: z.string().openapi({
      description:
        "when these figures were computed from the unit's records (数据截至): reports read per-unit rollups, recomputed after any change to the unit and at the nightly audit",
    }),
    recordsFrom: z.string().openapi({
      description:
        "the unit's records start: only periods that start on or after it are judged (docs/adoption.md)",
    }),
    noRecords: z.boolean().openapi({
      description:
        "the report's period lies wholly before the records start: every measure is null (无记录), not 0 %",
    }),
    rolledUp: z.array(z.string()).openapi({
      description: "a 党总支 or base committee: the units under it whose counts its row adds up",
    }),
    partyMembers: z.number().int(),
    meetings: z
      .object({
        required: z.number().int(),
        held: z.number().int().openapi({ description: "qualifying meetings counted against `required`" }),
        missingPeriods: z.number().int(),
        periodsJudged: z.number().int(),
        periodsMet: z.number().int(),
        rate: Rate.openapi({ description: "periodsMet / periodsJudged" }),
        missing: z.array(
          z.object({
            code: z.string(),
            kind: z.string(),
            label: z.string(),
            per: z.enum(["month", "quarter", "year"]),
            periods: z.array(z.string()).openapi({ description: "the months, quarters or years missed" }),
          }),
        ),
      })
      .nullable()
      .openapi({
        description:
          "三会一课 cadence for the period's year up to `asOf`, from the records start; null for units without branches to judge, or with no records",
      }),
    dues: z.object({
      due: z.number().int().openapi({ description: "member-months owed in the ended months of the period" }),
      paid: z.number().int(),
      rate: Rate,
    }),
    study: z.object({
      members: z
        .number()
        .int()
        .openapi({ description: "party members on the roll for a whole month judged" }),
      activeMembers: z.number().int(),
      points: z.number(),
      rate: Rate.openapi({ description: "activeMembers / members" }),
    }),
    findings: z
      .object({ info: z.number().int(), warning: z.number().int(), severe: z.number().int() })
      .openapi({ description: "unresolved (open or acknowledged) audit findings by severity" }),
    inspection: z
      .object({
        period: z.string(),
        score: z.number(),
        maxScore: z.number(),
        grade: z.string().nullable(),
        rate: Rate,
      })
      .nullable()
      .openapi({ description: "the latest reviewed quarterly inspection up to the period" }),
    pipeline: z.object({
      applicant: z.number().int(),
      activist: z.number().int(),
      candidate: z.number().int(),
      probationary: z.number().int(),
      overdueSteps: z.number().int().openapi({ description: "unresolved development deadline findings" }),
    }),
    score: z
      .number()
      .nullable()
      .openapi({ description: "weighted 0–100; null for a unit with nothing to measure" }),
    band: z.enum(["good", "fair", "poor", "none"]).openapi({ description: "good ≥ 85, fair ≥ 60" }),
  })
  .openapi("ComplianceRow");

export const compliance = createRoute({
  method: "get",
  path: "/v1/reports/compliance",
  tags,
  security,
  summary: "Compliance scorecard per branch (platform_admin, auditor, district_admin)",
  request: {
    query: z.object({
      districtId: DistrictQuery,
      format: FormatQuery,
      period: z
        .string()
        .regex(REPORT_PERIOD_PATTERN, {
          message: "应为 YYYY、YYYY-Qn 或 YYYY-MM|must be YYYY, YYYY-Qn or YYYY-MM",
        })
        .optional()
        .openapi({ description: "a year, quarter or month; defaults to this year", example: "2026-Q3" }),
    }),
  },
  responses: {
    200: {
      description: "one row per branch, in org-tree order",
      content: {
        "application/json": {
          schema: z.object({
            period: z.object({
              key: z.string(),
              kind: z.enum(["year", "quarter", "month"]),
              from: z.string(),
              to: z.string(),
            }),
            generatedAt: z.string().openapi({
              description:
                "when this answer was assembled; a repeated request with nothing written to its districts since gets the same answer, sent gzip-compressed to clients that accept it (docs/architecture.md, Kept reports)",
            }),
            dataAsOf: z.string().nullable().openapi({
              description: "the oldest of the units' dataAsOf: every figure is at least this recent",
            }),
            districts: z.array(District),
            summary: z.object({
              branches: z.number().int(),
              averageScore: z.number().nullable(),
              bands: z.object({
                good: z.number().int(),
                fair: z.number().int(),
                poor: z.number().int(),
                none: z.number().int(),
              }),
            }),
            items: z.array(ComplianceRow),
          }),
        },
        ...csvAlternative("\uFEFF区县,组织名称,…\r\n赣榆区,经济信息中心党支部,…"),
      },
    },
    ...errorResponses,
  },
});

const FunnelCounts = z.object({
  applied: z.number().int(),
  activists: z.number().int(),
  candidates: z.number().int(),
  admitted: z.number().int(),
  full: z.number().int(),
});
const OpenCases = z.object({
  applicant: z.number().int(),
  activist: z.number().int(),
  candidate: z.number().int(),
  probationary: z.number().int(),
});
const Overdue = z
  .record(z.string(), z.number().int())
  .openapi({ description: "unresolved deadline findings by rule" });

const DevelopmentService = z
  .object({
    confirmedHours: z.number(),
    people: z.number().int(),
  })
  .openapi({
    description:
      "报到服务: community-service hours the community confirmed in the year, of people with a development case",
  });

export const development = createRoute({
  method: "get",
  path: "/v1/reports/development",
  tags,
  security,
  summary: "Development funnel per district and year, with overdue steps",
  request: {
    query: z.object({
      districtId: DistrictQuery,
      format: FormatQuery,
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
    200: {
      description: "per district and per branch: people entering each stage in the year",
      content: {
        "application/json": {
          schema: z.object({
            year: z.number().int(),
            generatedAt: z.string(),
            districts: z.array(
              z.object({
                districtId: z.string(),
                districtName: z.string(),
                funnel: FunnelCounts,
                conversion: z.record(z.string(), z.number().nullable()),
                closed: z.number().int(),
                open: OpenCases,
                overdueSteps: z.number().int(),
                overdue: Overdue,
                stepsMissingEvidence: z.number().int().openapi({
                  description:
                    "steps recorded in the year without the documents the district's pipeline rules require of them (current attachments)",
                }),
                service: DevelopmentService,
              }),
            ),
            items: z.array(
              z
                .object({
                  districtId: z.string(),
                  districtName: z.string(),
                  branchId: z.string(),
                  branchName: z.string(),
                  kind: Kind,
                  funnel: FunnelCounts,
                  closed: z.number().int(),
                  open: OpenCases,
                  overdueSteps: z.number().int(),
                  overdue: Overdue,
                  stepsMissingEvidence: z.number().int().openapi({
                    description:
                      "steps recorded in the year without the documents the district's pipeline rules require of them (current attachments)",
                  }),
                  service: DevelopmentService,
                })
                .openapi("DevelopmentRow"),
            ),
          }),
        },
        ...csvAlternative("\uFEFF区县,组织名称,…,递交申请,确定积极分子,…"),
      },
    },
    ...errorResponses,
  },
});

export const study = createRoute({
  method: "get",
  path: "/v1/reports/study",
  tags,
  security,
  summary: "Study activity and points by branch for a month",
  request: {
    query: z.object({
      districtId: DistrictQuery,
      format: FormatQuery,
      month: IsoMonth.optional().openapi({ description: "defaults to this month" }),
    }),
  },
  responses: {
    200: {
      description: "one row per branch",
      content: {
        "application/json": {
          schema: z.object({
            month: z.string(),
            generatedAt: z.string(),
            items: z.array(
              z
                .object({
                  districtId: z.string(),
                  districtName: z.string(),
                  branchId: z.string(),
                  branchName: z.string(),
                  kind: Kind,
                  month: z.string(),
                  noRecords: z.boolean().openapi({
                    description: "the month lies before the unit's records start: no rate (无记录), not 0 %",
                  }),
                  partyMembers: z.number().int(),
                  activeMembers: z.number().int(),
                  activityRate: Rate,
                  points: z.number(),
                  averagePoints: z.number().nullable(),
                  activities: z.number().int(),
                  activeDays: z.number().int(),
                })
                .openapi("StudyReportRow"),
            ),
          }),
        },
        ...csvAlternative("\uFEFF区县,组织名称,组织编号,月份,党员人数,…"),
      },
    },
    ...errorResponses,
  },
});

export const trends = createRoute({
  method: "get",
  path: "/v1/reports/trends",
  tags,
  security,
  summary: "Month by month: study activity, meetings held and dues paid (the dashboard's charts)",
  request: {
    query: z.object({
      districtId: DistrictQuery,
      format: FormatQuery,
      branchId: z.string().max(64).optional().openapi({ description: "one branch in scope (drill-down)" }),
      months: z.coerce.number().int().min(1).max(24).default(12),
      to: IsoMonth.optional().openapi({ description: "the window's last month; defaults to this month" }),
    }),
  },
  responses: {
    200: {
      description: "`months` months up to `to`, oldest first",
      content: {
        "application/json": {
          schema: z.object({
            months: z.array(z.string()),
            generatedAt: z.string(),
            points: z.array(
              z
                .object({
                  month: z.string(),
                  partial: z
                    .boolean()
                    .openapi({ description: "the month under way (its dues are still due)" }),
                  partyMembers: z.number().int(),
                  study: z.object({ activeMembers: z.number().int(), points: z.number(), rate: Rate }),
                  meetings: z.object({
                    total: z.number().int(),
                    byKind: z.record(z.string(), z.number().int()),
                  }),
                  dues: z.object({ due: z.number().int(), paid: z.number().int(), rate: Rate }),
                })
                .openapi("TrendPoint"),
            ),
          }),
        },
        ...csvAlternative("\uFEFF月份,党员人数,…"),
      },
    },
    ...errorResponses,
  },
});

export type ComplianceRoute = typeof compliance;
export type DevelopmentRoute = typeof development;
export type StudyRoute = typeof study;
export type TrendsRoute = typeof trends;
