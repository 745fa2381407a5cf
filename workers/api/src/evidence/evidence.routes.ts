import { createRoute, z } from "@hono/zod-openapi";
import {
  AttachmentCheck,
  errorResponses,
  json,
  jsonBody,
  security,
  writeResponses,
} from "@vanguard/platform";

const tags = ["Evidence"];
const BranchParams = z.object({ branchId: z.string().max(64) });
const DistrictParams = z.object({ districtId: z.string().max(64) });

export const CheckQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({
      param: { name: "limit", in: "query" },
      description: "attachments re-hashed in this page (≤ 100)",
    }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ param: { name: "cursor", in: "query" } }),
});

export const verify = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/attachments/verify",
  tags,
  security,
  summary: "Re-hash the branch's attached files, a page at a time, against the hashes chained into the log",
  description:
    "Each stored file is read back and hashed: `altered` when its bytes no longer match the SHA-256 its attaching event recorded, `missing` when the file is gone, `unchained` when the attachment's row and its event disagree. `/events/verify` proves the events themselves unchanged.",
  request: { params: BranchParams, query: CheckQuery },
  responses: { 200: json(AttachmentCheck, "the page's verdict"), ...errorResponses },
});

const EvidenceRules = z
  .object({
    branchQuotaMb: z
      .number()
      .int()
      .min(10)
      .max(1024 * 1024)
      .openapi({
        description: "what one branch may store in all, in MiB (each distinct file counted once)",
        example: 1024,
      }),
  })
  .strict()
  .openapi("EvidenceRules");

export const EvidenceRuleSet = z
  .object({ districtId: z.string(), version: z.number().int(), rules: EvidenceRules })
  .openapi("EvidenceRuleSet");

export const getRules = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/evidence/rules",
  tags,
  security,
  summary: "The district's evidence settings (each branch's storage quota)",
  request: { params: DistrictParams },
  responses: { 200: json(EvidenceRuleSet, "the settings (version 0: the defaults)"), ...errorResponses },
});

export const putRules = createRoute({
  method: "put",
  path: "/v1/districts/{districtId}/evidence/rules",
  tags,
  security,
  summary: "Publish a new version of the district's evidence settings",
  request: {
    params: DistrictParams,
    body: jsonBody(z.object({ rules: EvidenceRules, version: z.number().int().min(0) }).strict()),
  },
  responses: { 200: json(EvidenceRuleSet, "the new version"), ...writeResponses },
});

export type VerifyRoute = typeof verify;
export type GetRulesRoute = typeof getRules;
export type PutRulesRoute = typeof putRules;
