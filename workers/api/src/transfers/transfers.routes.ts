import { createRoute, z } from "@hono/zod-openapi";
import {
  errorResponses,
  json,
  jsonBody,
  PageQuery,
  Prose,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";

const tags = ["Transfers"];

export const Transfer = z
  .object({
    id: z.string(),
    memberId: z.string(),
    memberName: z.string(),
    fromDistrictId: z
      .string()
      .nullable()
      .openapi({ description: "null when the caller may not see the sending district" }),
    fromBranchId: z.string(),
    toDistrictId: z
      .string()
      .nullable()
      .openapi({ description: "null when the caller may not see the receiving district" }),
    toBranchId: z.string(),
    status: z.enum(["pending", "accepting", "accepted", "cancelled", "expired"]).openapi({
      description:
        "pending → accepting → accepted; pending → cancelled or expired; an accept that fails is rolled back to pending (docs/domain.md, Transfers)",
    }),
    issuedOn: z.string(),
    expiresOn: z.string().openapi({ description: "last day the receiving branch can accept" }),
    note: z.string().nullable(),
    createdAt: z.string(),
    acceptedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi("Transfer");

const TransferParams = z.object({ transferId: z.string().max(64) });

export const create = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/members/{memberId}/transfers",
  tags,
  security,
  summary: "Issue a transfer letter (组织关系介绍信) to another branch, possibly in another district",
  request: {
    params: z.object({ branchId: z.string().max(64), memberId: z.string().max(64) }),
    body: jsonBody(
      z
        .object({
          toBranchId: z.string().max(64),
          note: Prose(500).optional(),
          validDays: z
            .number()
            .int()
            .min(1)
            .max(90)
            .optional()
            .openapi({ description: "default 10 within a district, 30 across" }),
        })
        .strict(),
    ),
  },
  responses: { 201: json(Transfer, "the pending letter"), ...writeResponses },
});

export const listOfBranch = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/transfers",
  summary: "Transfer letters sent from and received by the branch",
  tags,
  security,
  request: {
    params: z.object({ branchId: z.string().max(64) }),
    query: PageQuery.extend({ direction: z.enum(["in", "out", "both"]).default("both") }),
  },
  responses: { 200: json(pageSchema(Transfer), "letters to and from the branch"), ...errorResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/transfers/{transferId}",
  summary: "A transfer letter",
  tags,
  security,
  request: { params: TransferParams },
  responses: { 200: json(Transfer, "the letter"), ...errorResponses },
});

export const accept = createRoute({
  method: "post",
  path: "/v1/transfers/{transferId}/accept",
  tags,
  security,
  summary: "Receive the member: they move to the receiving branch with their history",
  request: { params: TransferParams },
  responses: { 200: json(Transfer, "the accepted letter"), ...writeResponses },
});

export const cancel = createRoute({
  method: "post",
  path: "/v1/transfers/{transferId}/cancel",
  tags,
  security,
  summary:
    "Withdraw a letter (sending branch or its district): a pending one, or an accept stuck past its lease",
  request: {
    params: TransferParams,
    body: {
      required: false,
      content: { "application/json": { schema: z.object({ reason: Prose(200).optional() }).strict() } },
    },
  },
  responses: { 200: json(Transfer, "the cancelled letter"), ...writeResponses },
});

export type CreateRoute = typeof create;
export type ListOfBranchRoute = typeof listOfBranch;
export type GetRoute = typeof get;
export type AcceptRoute = typeof accept;
export type CancelRoute = typeof cancel;
