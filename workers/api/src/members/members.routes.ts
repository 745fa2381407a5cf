import { createRoute, z } from "@hono/zod-openapi";
import { MEMBER_STATUSES } from "@vanguard/domain";
import {
  errorResponses,
  json,
  jsonBody,
  PageQuery,
  pageSchema,
  security,
  uploadBody,
  writeResponses,
} from "@vanguard/platform";
import { ImportResult, Member, MemberInput, MemberPatch } from "./members.schemas";

const tags = ["Members"];
const BranchParams = z.object({ branchId: z.string().max(64) });
const MemberParams = BranchParams.extend({ memberId: z.string().max(64) });

export const create = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/members",
  tags,
  security,
  summary: "Add a person to the branch roll",
  request: { params: BranchParams, body: jsonBody(MemberInput) },
  responses: { 201: json(Member, "the member"), ...writeResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/members",
  summary: "The branch roll, a page at a time",
  tags,
  security,
  request: {
    params: BranchParams,
    query: PageQuery.extend({
      status: z.enum(MEMBER_STATUSES).optional(),
      q: z.string().trim().min(1).max(50).optional().openapi({ description: "part of a name" }),
      includeLeft: z
        .enum(["true", "false"])
        .optional()
        .openapi({ description: "include people transferred out" }),
    }),
  },
  responses: { 200: json(pageSchema(Member), "a page of members"), ...errorResponses },
});

export const exportRoll = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/members/export",
  summary: "The branch roll as a spreadsheet (花名册, CSV)",
  description:
    "Every person on the roll in one CSV file (UTF-8 with a BOM; headers in the caller's language, in Chinese the same words the import reads). Identity and phone numbers are masked here as everywhere, so the file is for reading, printing and statistics, not for importing back.",
  tags,
  security,
  request: {
    params: BranchParams,
    query: z.object({
      status: z.enum(MEMBER_STATUSES).optional(),
      includeLeft: z
        .enum(["true", "false"])
        .optional()
        .openapi({ description: "include people transferred out, with the day and the reason" }),
    }),
  },
  responses: {
    200: {
      description: "the roll, in the order people came onto it",
      content: {
        "text/csv": {
          schema: z.string().openapi({
            example: "姓名,性别,出生日期,人员类别,入党日期,转入本支部日期,身份证号,手机号,学历\r\n",
          }),
        },
      },
    },
    ...errorResponses,
  },
});

export const get = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/members/{memberId}",
  summary: "A member of the branch",
  tags,
  security,
  request: { params: MemberParams },
  responses: { 200: json(Member, "the member"), ...errorResponses },
});

export const patch = createRoute({
  method: "patch",
  path: "/v1/branches/{branchId}/members/{memberId}",
  tags,
  security,
  summary: "Correct a member's record (status changes go through the development pipeline)",
  request: { params: MemberParams, body: jsonBody(MemberPatch) },
  responses: { 200: json(Member, "the member"), ...writeResponses },
});

export const importCsv = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/members/import",
  tags,
  security,
  summary: "Import members from CSV or xlsx (header row; up to 10,000 rows and 8 MiB)",
  description:
    "A CSV in UTF-8 (with or without BOM) or GB18030/GBK (detected, or declared with charset=), or the first sheet of an xlsx workbook. Columns: name, gender, birthDate, status, joinedOn, joinedBranchOn, idNumber, phone, education (or the Chinese headers 姓名, 性别, 出生日期, 状态, 入党日期, 转入日期, 身份证号, 手机号, 学历). Valid rows are created together in one transaction; invalid rows are reported by line and nothing of them is written.",
  request: {
    params: BranchParams,
    body: uploadBody("name,gender,birthDate,status\n王晓明,male,1985-03-12,applicant"),
  },
  responses: { 200: json(ImportResult, "what was created and what was rejected"), ...writeResponses },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
export type PatchRoute = typeof patch;
export type ImportRoute = typeof importCsv;
