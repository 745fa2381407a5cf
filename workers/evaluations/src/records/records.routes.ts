import { createRoute, z } from "@hono/zod-openapi";
import { BRANCH_RECORD_KINDS, MEMBER_RECORD_KINDS, RECORD_KINDS } from "@vanguard/domain";
import {
  errorResponses,
  IsoDate,
  json,
  jsonBody,
  PageQuery,
  Prose,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";
import { BranchParams, MemberRef } from "../shared/schemas";

const tags = ["Evaluations: records (写实)"];
const MemberParams = BranchParams.extend({ memberId: MemberRef });

export const WorkRecord = z
  .object({
    id: z.string(),
    branchId: z.string(),
    subject: z.enum(["branch", "member"]),
    memberId: z.string().nullable(),
    memberName: z.string().nullable(),
    kind: z.enum(RECORD_KINDS),
    occurredOn: z.string(),
    content: z.string(),
    correctsId: z.string().nullable().openapi({ description: "the record this one corrects" }),
    correctedById: z
      .string()
      .nullable()
      .openapi({ description: "the record that corrects this one, if any" }),
    recordedAt: z.string(),
  })
  .openapi("WorkRecord");

const input = <K extends readonly [string, ...string[]]>(kinds: K) =>
  z
    .object({
      kind: z.enum(kinds),
      occurredOn: IsoDate,
      content: Prose(4000),
      correctsId: z
        .string()
        .max(64)
        .optional()
        .openapi({ description: "to correct a record: the id of the latest record about the same subject" }),
    })
    .strict();

const immutable =
  "Records are immutable: there is no route to edit or delete one. A correction is a new record whose `correctsId` names the record it corrects.";

export const createBranch = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/records",
  tags,
  security,
  summary: "Record a dated fact of the branch's work (党支部工作写实)",
  description: immutable,
  request: { params: BranchParams, body: jsonBody(input(BRANCH_RECORD_KINDS)) },
  responses: { 201: json(WorkRecord, "the record"), ...writeResponses },
});

export const createMember = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/members/{memberId}/records",
  tags,
  security,
  summary: "Record a dated fact of a member's daily performance (党员日常表现写实)",
  description: immutable,
  request: { params: MemberParams, body: jsonBody(input(MEMBER_RECORD_KINDS)) },
  responses: { 201: json(WorkRecord, "the record"), ...writeResponses },
});

const Filters = PageQuery.extend({
  kind: z.enum(RECORD_KINDS).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const listBranch = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/records",
  summary: "The branch's work records (写实), newest first",
  tags,
  security,
  request: {
    params: BranchParams,
    query: Filters.extend({
      subject: z
        .enum(["branch", "member", "all"])
        .default("all")
        .openapi({ description: "the branch's own records, members' records, or both" }),
    }),
  },
  responses: { 200: json(pageSchema(WorkRecord), "records, oldest first"), ...errorResponses },
});

export const listMember = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/members/{memberId}/records",
  summary: "A member's daily-performance records (写实), newest first",
  tags,
  security,
  description: "A member key reads its own records.",
  request: { params: MemberParams, query: Filters },
  responses: { 200: json(pageSchema(WorkRecord), "the member's records, oldest first"), ...errorResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/records/{recordId}",
  summary: "A record (写实)",
  tags,
  security,
  request: { params: BranchParams.extend({ recordId: z.string().max(64) }) },
  responses: { 200: json(WorkRecord, "the record"), ...errorResponses },
});

export type CreateBranchRoute = typeof createBranch;
export type CreateMemberRoute = typeof createMember;
export type ListBranchRoute = typeof listBranch;
export type ListMemberRoute = typeof listMember;
export type GetRoute = typeof get;
