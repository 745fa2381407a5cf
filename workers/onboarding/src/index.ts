import { attachmentUploadRoute, createModuleApp, fileUpload } from "@vanguard/platform";
import { cases } from "./cases/cases.index";
import { complaints } from "./complaints/complaints.index";
import { documents } from "./documents/documents.index";
import type { OnboardingBindings } from "./env";
import { STEP_PATH, stepAttachments } from "./evidence/step-attachments";
import { rules } from "./rules/rules.index";
import { sanctions } from "./sanctions/sanctions.index";
import { service } from "./service/service.index";
import { steps } from "./steps/steps.index";

/** The development pipeline (发展党员): cases, their 25 steps, complaints, sanctions and the district's rules. */
const app = createModuleApp<OnboardingBindings>({
  service: "onboarding",
  personalData: true,
  uploads: [
    fileUpload(/^\/v1\/branches\/[^/]+\/development\/cases\/import$/),
    attachmentUploadRoute(STEP_PATH),
  ],
});

app
  .route("/", cases)
  .route("/", steps)
  .route("/", complaints)
  .route("/", sanctions)
  .route("/", rules)
  .route("/", service);
app.route("/", stepAttachments).route("/", documents);

export default app;

/**
 * The chains' sequencer class, so this worker's own tests can run it in place of the api worker's
 * (in a deployment the binding names the api worker's, by script_name).
 */
export { BranchSequencer } from "@vanguard/db/sequencer";
