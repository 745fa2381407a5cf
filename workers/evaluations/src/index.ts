import { attachmentUploadRoute, createModuleApp } from "@vanguard/platform";
import { accountability } from "./accountability/accountability.index";
import { appraisals } from "./appraisals/appraisals.index";
import { dutyTasks } from "./duty-tasks/duty-tasks.index";
import type { EvaluationsBindings } from "./env";
import {
  DUTY_TASK_PATH,
  dutyTaskAttachments,
  INSPECTION_ITEM_PATH,
  inspectionItemAttachments,
  RECORD_PATH,
  recordAttachments,
} from "./evidence/evaluation-attachments";
import { honours } from "./honours/honours.index";
import { inspections } from "./inspections/inspections.index";
import { records } from "./records/records.index";
import { rules } from "./rules/rules.index";
import { secretaryReports } from "./secretary-reports/secretary-reports.index";
import { templates } from "./templates/templates.index";

const app = createModuleApp<EvaluationsBindings>({
  service: "evaluations",
  uploads: [RECORD_PATH, DUTY_TASK_PATH, INSPECTION_ITEM_PATH].map(attachmentUploadRoute),
});

// static paths under /inspections (templates, accountability) before /inspections/{inspectionId}
const features = [
  templates,
  accountability,
  inspections,
  dutyTasks,
  records,
  appraisals,
  secretaryReports,
  honours,
  rules,
  recordAttachments,
  dutyTaskAttachments,
  inspectionItemAttachments,
] as const;
for (const f of features) app.route("/", f);

export default app;

/**
 * The chains' sequencer class, so this worker's own tests can run it in place of the api worker's
 * (in a deployment the binding names the api worker's, by script_name).
 */
export { BranchSequencer } from "@vanguard/db/sequencer";
