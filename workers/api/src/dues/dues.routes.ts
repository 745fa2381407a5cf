import { createRoute, z } from "@hono/zod-openapi";
import { DUES_CATEGORIES, MEMBER_STATUSES } from "@vanguard/domain";
import {
  errorResponses,
  ImportQuery,
  ImportReport,
  IsoDate,
  IsoMonth,
  json,
  jsonBody,
  PageQuery,
  security,
  uploadBody,
  writeResponses,
} from "@vanguard/platform";

const tags = ["Dues"];
// the generator drops zod's multipleOf, so the spec is told it again: amounts are whole fen
const Yuan = z.number().min(0).max(10_000_000).multipleOf(0.01).openapi({ multipleOf: 0.01 });

export const DuesBasis = z
  .object({
    memberId: z.string(),
    year: z.number().int(),
    category: z.enum(DUES_CATEGORIES),
    monthlyIncome: z.number(),
    fixedAmount: z.number().nullable(),
    monthlyDue: z.number().openapi({ description: "yuan per month" }),
    version: z.number().int(),
  })
  .openapi("DuesBasis");

export const Payment = z
  .object({
    id: z.string(),
    memberId: z.string(),
    month: z.string(),
    amount: z.number(),
    paidOn: z.string(),
    late: z.boolean().openapi({ description: "paid after the month it covers" }),
    recordedAt: z.string(),
  })
  .openapi("DuesPayment");

export const DuesLine = z
  .object({
    memberId: z.string(),
    name: z.string(),
    status: z.enum(MEMBER_STATUSES),
    monthlyDue: z.number().nullable().openapi({ description: "null when no basis is set for the year" }),
    paid: z.number(),
    paidOn: z.string().nullable(),
    arrearsMonths: z.array(z.string()).openapi({
      description: "unpaid months in the 12 months up to `month`, counted from `judgedFrom` at the earliest",
    }),
    lateMonths: z.array(z.string()).openapi({
      description:
        "`arrearsMonths` less the month under way, whose dues are not late until it ends (docs/domain.md, Dues)",
    }),
    judgedFrom: z.string().nullable().openapi({
      description:
        "the first month this member's dues are judged in this branch: the first whole month of the branch's records and of the member's time on its roll (docs/adoption.md); null: no bound",
    }),
    consecutiveUnpaid: z.number().int().openapi({
      description:
        "unpaid months in a row ending at `month`; the month under way counts only once it has ended (docs/domain.md, Dues)",
    }),
    arrearsSeverity: z.enum(["none", "warning", "severe"]),
  })
  .openapi("DuesLine");

export const setBasis = createRoute({
  method: "put",
  path: "/v1/branches/{branchId}/members/{memberId}/dues-basis",
  tags,
  security,
  summary: "Set a member's dues basis for a year; answers the monthly due",
  request: {
    params: z.object({ branchId: z.string().max(64), memberId: z.string().max(64) }),
    body: jsonBody(
      z
        .object({
          category: z.enum(DUES_CATEGORIES),
          monthlyIncome: Yuan.default(0).openapi({ description: "after-tax monthly income, yuan" }),
          fixedAmount: Yuan.optional().openapi({
            description: "farmers: the monthly amount the branch set (0.2–1 yuan)",
          }),
          year: z
            .number()
            .int()
            .min(2000)
            .max(2100)
            .optional()
            .openapi({ description: "defaults to this year" }),
        })
        .strict(),
    ),
  },
  responses: { 200: json(DuesBasis, "the basis and the monthly due"), ...writeResponses },
});

export const recordPayment = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/dues/payments",
  summary: "Record a dues payment",
  tags,
  security,
  request: {
    params: z.object({ branchId: z.string().max(64) }),
    body: jsonBody(
      z
        .object({
          memberId: z.string().max(64),
          month: IsoMonth,
          amount: z
            .number()
            .positive()
            .max(10_000_000)
            .multipleOf(0.01)
            .openapi({ multipleOf: 0.01, description: "yuan, more than 0" }),
          paidOn: IsoDate.optional().openapi({ description: "defaults to today" }),
        })
        .strict(),
    ),
  },
  responses: { 201: json(Payment, "the payment"), ...writeResponses },
});

export const overview = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/dues",
  tags,
  security,
  summary: "Expected vs paid for a month, with arrears",
  description:
    "The branch's officers, the district and its auditors read every member's line. A member reads their own line alone (and the branch's totals, which a branch posts to its members anyway).",
  request: {
    params: z.object({ branchId: z.string().max(64) }),
    query: PageQuery.extend({
      month: IsoMonth.optional().openapi({ description: "defaults to this month" }),
    }),
  },
  responses: {
    200: json(
      z.object({
        month: z.string(),
        recordsFrom: z.string().nullable(),
        noRecords: z.boolean().openapi({
          description: "the month lies before the branch's records start: nothing in it is judged",
        }),
        totals: z.object({
          expected: z.number(),
          collected: z.number(),
          membersDue: z.number().int(),
          membersPaid: z.number().int(),
        }),
        items: z.array(DuesLine),
        nextCursor: z.string().nullable(),
      }),
      "the month's dues",
    ),
    ...errorResponses,
  },
});

export const importHistory = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/dues/import",
  tags,
  security,
  summary: "Import past dues payments (CSV or xlsx; up to 10,000 lines; ?dryRun=true to preview)",
  description:
    "For a branch joining mid-year. One payment per line: the member (身份证号, or 姓名 and 出生日期), 月份 (month), 金额 (amount in yuan) and optionally 交纳日期 (paid on; default the month's first day). A member and month already paid at the same amount is reported unchanged, so a rerun creates nothing; each created payment is logged as dues.imported with the file's SHA-256. Lines dated after today, naming someone not on the roll or not a party member, or a month before joining are rejected with their reasons; the valid lines land.",
  request: {
    params: z.object({ branchId: z.string().max(64) }),
    query: ImportQuery,
    body: uploadBody("姓名,出生日期,月份,金额\n王晓明,1985-03-12,2026-03,108"),
  },
  responses: { 200: json(ImportReport, "what was created, unchanged and rejected"), ...writeResponses },
});

export type ImportRoute = typeof importHistory;
export type SetBasisRoute = typeof setBasis;
export type RecordPaymentRoute = typeof recordPayment;
export type OverviewRoute = typeof overview;
