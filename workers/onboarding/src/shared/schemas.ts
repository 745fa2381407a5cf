import { z } from "@hono/zod-openapi";
import { Name, Prose } from "@vanguard/platform";

export const BranchParams = z.object({ branchId: z.string().max(64) });
export const CaseParams = BranchParams.extend({ caseId: z.string().max(64) });
export const MemberRef = z.string().min(1).max(64).openapi({ example: "mb_01JB2K3M4N5P6Q7R8S9T0V1W2X" });

/** A document a step produced or relied on: its title and where the paper or file is kept. */
export const Document = z
  .object({
    title: Name(100).openapi({ example: "入党申请书" }),
    ref: Prose(200).optional().openapi({ example: "档案盒 2024-07 第3页" }),
  })
  .strict();

export const Note = Prose(2000).openapi({ example: "支部书记与申请人谈话，了解入党动机" });

/** A rule's verdict as responses show it: the code, a message in the caller's language, the facts. */
export const RuleResult = z
  .object({
    rule: z.string(),
    message: z.string(),
    severity: z.enum(["block", "warning"]),
    facts: z.record(z.string(), z.unknown()),
  })
  .openapi("RuleResult");
