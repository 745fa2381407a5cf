import { createRoute } from "@hono/zod-openapi";
import { json, jsonBody, security, writeResponses } from "@vanguard/platform";
import { CaseParams } from "../shared/schemas";
import { RecordedStepView, StepInput } from "./steps.schemas";

export const record = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/development/cases/{caseId}/steps",
  tags: ["Development pipeline"],
  security,
  summary: "Record a step of the 25; a blocked step answers 422 naming every rule and writes nothing",
  description:
    "Steps move the person's roll status with them (activist at step 3, candidate at 7, probationary at 17 with the joining date of the step-15 vote, full at 24). Late steps are recorded with warnings. Retrying with the same Idempotency-Key records the step once.",
  request: { params: CaseParams, body: jsonBody(StepInput) },
  responses: {
    201: json(RecordedStepView, "the recorded step and where the case now stands"),
    ...writeResponses,
  },
});

export type RecordRoute = typeof record;
