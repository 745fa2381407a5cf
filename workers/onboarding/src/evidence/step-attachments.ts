import { z } from "@hono/zod-openapi";
import { getCase } from "@vanguard/db/onboarding";
import { MANAGE_BRANCH, READ_OWN, STEP_CODES } from "@vanguard/domain";
import { attachmentRoutes, internalContext } from "@vanguard/platform";
import type { OnboardingBindings } from "../env";
import { CaseParams } from "../shared/schemas";

const StepParams = CaseParams.extend({ step: z.enum(STEP_CODES) });

export const STEP_PATH = "/v1/branches/{branchId}/development/cases/{caseId}/steps/{step}";

/**
 * Evidence of a case's step (入党申请书, 政审材料, 公示…), named by the step's code so it can be
 * attached before the step is recorded: a district that requires it refuses the step without it.
 */
export const stepAttachments = attachmentRoutes<OnboardingBindings, typeof StepParams>({
  targetType: "development_step",
  path: STEP_PATH,
  params: StepParams,
  tags: ["Development pipeline"],
  what: "a step of a development case",
  readRoles: READ_OWN,
  writeRoles: MANAGE_BRANCH,
  resolve: async (c, tc, { caseId, step }) => {
    const row = await getCase(tc, caseId);
    if (!row) return null;
    const p = internalContext(c).principal;
    if (p.role === "member" && p.memberId !== row.memberId) return null;
    return stepTarget(caseId, step);
  },
});

/** How attachments name a case's step: the case and the step's code. */
export function stepTarget(caseId: string, step: string): string {
  return `${caseId}/${step}`;
}
