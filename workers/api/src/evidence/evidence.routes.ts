import { createRoute, z } from "@hono/zod-openapi";
import { EVIDENCE_RULES_KIND, type EvidenceRules } from "@vanguard/domain";
import {
  AttachmentCheck,
  districtScope,
  errorResponses,
  json,
  ruleSetRoutes,
  security,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";

const tags = ["Evidence"];
const BranchParams = z.object({ branchId: z.string().max(64) });

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
    "Each stored file is read back and hashed: `altered` when its bytes no longer match the SHA-256 its attaching event recorded (or, for a file that came with a transferred member, the event that received it), `missing` when the file is gone, `unchained` when the attachment's row and its event disagree. `/events/verify` proves the events themselves unchanged.",
  request: { params: BranchParams, query: CheckQuery },
  responses: { 200: json(AttachmentCheck, "the page's verdict"), ...errorResponses },
});

const EvidenceRulesSchema = z
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

export const evidenceRules = ruleSetRoutes<EvidenceRules, ApiBindings>({
  kind: EVIDENCE_RULES_KIND,
  path: "/v1/districts/{districtId}/evidence/rules",
  tags,
  rules: EvidenceRulesSchema,
  name: "EvidenceRuleSet",
  get: { summary: "The district's evidence settings (each branch's storage quota)" },
  put: { summary: "Publish a new version of the district's evidence settings" },
  scope: districtScope,
});

export type VerifyRoute = typeof verify;
