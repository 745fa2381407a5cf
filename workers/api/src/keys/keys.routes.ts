import { createRoute, z } from "@hono/zod-openapi";
import {
  errorResponses,
  json,
  jsonBody,
  Name,
  PageQuery,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";

export const IssuedKey = z
  .object({
    id: z.string(),
    key: z
      .string()
      .nullable()
      .openapi({ description: "shown once; null when a retried request is replayed" }),
    prefix: z.string(),
    principalId: z.string(),
    role: z.string(),
    districtId: z.string().nullable(),
    branchId: z.string().nullable(),
    memberId: z.string().nullable(),
    auditDistricts: z.array(z.string()).nullable(),
    label: z.string(),
    createdAt: z.string(),
  })
  .openapi("IssuedKey");

export const KeySummary = IssuedKey.omit({ key: true })
  .extend({ revokedAt: z.string().nullable() })
  .openapi("KeySummary");

const tags = ["Keys"];

export const issueDistrictKey = createRoute({
  method: "post",
  path: "/v1/districts/{districtId}/keys",
  tags,
  security,
  summary: "Issue a district_admin or auditor key (platform_admin)",
  request: {
    params: z.object({ districtId: z.string().max(64) }),
    body: jsonBody(z.object({ role: z.enum(["district_admin", "auditor"]), label: Name(100) }).strict()),
  },
  responses: { 201: json(IssuedKey, "the key, shown once"), ...writeResponses },
});

export const issuePlatformKey = createRoute({
  method: "post",
  path: "/v1/keys",
  tags,
  security,
  summary: "Issue a platform_admin key, or an auditor key over several or all districts (platform_admin)",
  request: {
    body: jsonBody(
      z
        .object({
          role: z.enum(["platform_admin", "auditor"]),
          label: Name(100),
          districtIds: z.array(z.string().max(64)).min(1).max(1000).optional().openapi({
            description: "auditors: the districts in scope; omit for every district",
          }),
        })
        .strict(),
    ),
  },
  responses: { 201: json(IssuedKey, "the key, shown once"), ...writeResponses },
});

export const issueBranchKey = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/keys",
  tags,
  security,
  summary: "Issue a branch_admin or member key (district_admin, branch_admin)",
  request: {
    params: z.object({ branchId: z.string().max(64) }),
    body: jsonBody(
      z
        .object({
          role: z.enum(["branch_admin", "member"]),
          memberId: z.string().max(64).optional(),
          label: Name(100),
        })
        .strict(),
    ),
  },
  responses: { 201: json(IssuedKey, "the key, shown once"), ...writeResponses },
});

export const listBranchKeys = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/keys",
  summary: "The branch's API keys (never the secrets)",
  tags,
  security,
  request: { params: z.object({ branchId: z.string().max(64) }), query: PageQuery },
  responses: { 200: json(pageSchema(KeySummary), "the branch's keys, without secrets"), ...errorResponses },
});

export const revoke = createRoute({
  method: "delete",
  path: "/v1/keys/{keyId}",
  tags,
  security,
  summary: "Revoke a key; it stops working at once",
  request: { params: z.object({ keyId: z.string().max(64) }) },
  responses: { 204: { description: "revoked" }, ...writeResponses },
});

export type IssueDistrictKeyRoute = typeof issueDistrictKey;
export type IssuePlatformKeyRoute = typeof issuePlatformKey;
export type IssueBranchKeyRoute = typeof issueBranchKey;
export type ListBranchKeysRoute = typeof listBranchKeys;
export type RevokeRoute = typeof revoke;
