import { createRoute, z } from "@hono/zod-openapi";
import {
  CADENCES,
  DUTY_TASK_STATUSES,
  FINDING_SEVERITIES,
  MEETING_KINDS,
  STEP_CODES,
} from "@vanguard/domain";
import { errorResponses, json, security } from "@vanguard/platform";

const Counts = z.object({ severe: z.number().int(), warning: z.number().int(), info: z.number().int() });

export const Today = z
  .object({
    branchId: z.string(),
    asOf: z.string().openapi({ description: "today in the branch's time zone" }),
    month: z.string(),
    recordsFrom: z.string().nullable(),
    findings: z.object({
      open: Counts.openapi({ description: "open findings by severity" }),
      top: z
        .array(
          z.object({
            id: z.string(),
            rule: z.string(),
            severity: z.enum(FINDING_SEVERITIES),
            message: z.string(),
          }),
        )
        .openapi({ description: "the five most severe open findings" }),
    }),
    tasks: z.object({
      summary: z.object({
        tasks: z.number().int(),
        completed: z.number().int(),
        verified: z.number().int(),
        overdue: z.number().int(),
        completionRatio: z.number().nullable(),
        verificationRatio: z.number().nullable(),
      }),
      items: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          assigneeId: z.string(),
          assigneeName: z.string().nullable(),
          dueOn: z.string(),
          state: z.enum([...DUTY_TASK_STATUSES, "overdue"]),
        }),
      ),
    }),
    meetingsDue: z
      .array(
        z.object({
          code: z.string(),
          kind: z.enum(MEETING_KINDS),
          label: z.string().openapi({
            description: "the rule's name, in the caller's language (书记讲党课 apart from 党课)",
          }),
          per: z.enum(CADENCES),
          min: z.number().int(),
          open: z
            .string()
            .openapi({ description: "the month, quarter or year under way that still lacks it" }),
        }),
      )
      .openapi({
        description:
          "meetings the period under way still lacks: each month's and quarter's, and from October each year's, whose deadline then falls within the quarter",
      }),
    arrears: z
      .array(
        z.object({
          memberId: z.string(),
          name: z.string(),
          consecutiveUnpaid: z.number().int(),
          arrearsSeverity: z.enum(["warning", "severe"]),
        }),
      )
      .openapi({ description: "members behind with dues, judged as the month's dues judge them" }),
    developmentDue: z
      .array(
        z.object({
          caseId: z.string(),
          memberName: z.string(),
          step: z.enum(STEP_CODES),
          label: z.string(),
          dueBy: z.string(),
          overdue: z.boolean(),
        }),
      )
      .openapi({ description: "next steps of open development cases that have a due date, soonest first" }),
  })
  .openapi("BranchToday");

export const today = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/today",
  tags: ["Platform"],
  security,
  summary: "What needs doing now: the branch's home page in one request",
  description:
    "Open findings by severity, this month's duty tasks, the meetings still due this month and quarter, members behind with dues and development steps due or overdue: the same figures the findings, duty-task, meeting-compliance, dues and case routes give, read in one database round trip once the key or session is known.",
  request: { params: z.object({ branchId: z.string().max(64) }) },
  responses: { 200: json(Today, "the branch's day"), ...errorResponses },
});

export type TodayRoute = typeof today;
