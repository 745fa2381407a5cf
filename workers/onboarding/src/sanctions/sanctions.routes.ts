import { createRoute, z } from "@hono/zod-openapi";
import { SANCTION_KINDS } from "@vanguard/domain";
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

const tags = ["Development pipeline"];

export const SanctionInput = z
  .object({
    memberId: MemberRef,
    kind: z.enum(SANCTION_KINDS),
    decidedOn: IsoDate,
    endsOn: IsoDate.nullish().openapi({
      description: "留党察看 lasts one or two years; open-ended if omitted",
    }),
    note: Prose(2000).optional(),
  })
  .strict();

export const SanctionView = z
  .object({
    id: z.string(),
    memberId: z.string(),
    kind: z.enum(SANCTION_KINDS),
    decidedOn: z.string(),
    endsOn: z.string().nullable(),
    note: z.string().nullable(),
    recordedAt: z.string(),
    recordedBy: z.string(),
  })
  .openapi("PartySanction");

export const create = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/development/sanctions",
  tags,
  security,
  summary: "Record a party sanction (党纪处分); a member under 留党察看 neither votes nor introduces",
  request: { params: BranchParams, body: jsonBody(SanctionInput) },
  responses: { 201: json(SanctionView, "the sanction"), ...writeResponses },
});

export const list = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/development/sanctions",
  summary: "The branch's recorded party sanctions",
  tags,
  security,
  request: {
    params: BranchParams,
    query: PageQuery.extend({
      memberId: MemberRef.optional().openapi({ param: { name: "memberId", in: "query" } }),
    }),
  },
  responses: { 200: json(pageSchema(SanctionView), "a page of sanctions"), ...errorResponses },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
