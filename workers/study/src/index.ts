import { attachmentUploadRoute, createModuleApp, fileUpload } from "@vanguard/platform";
import { activities } from "./activities/activities.index";
import { minutesDocument } from "./documents/minutes";
import type { StudyBindings } from "./env";
import { MEETING_PATH, meetingAttachments } from "./evidence/meeting-attachments";
import { leaderboard } from "./leaderboard/leaderboard.index";
import { materials } from "./materials/materials.index";
import { meetingImports, meetings } from "./meetings/meetings.index";
import { quizzes } from "./quizzes/quizzes.index";
import { reflections } from "./reflections/reflections.index";
import { rules } from "./rules/rules.index";
import { summary } from "./summary/summary.index";
import { tickets } from "./tickets/tickets.index";

const app = createModuleApp<StudyBindings>({
  service: "study",
  personalData: true,
  uploads: [fileUpload(/^\/v1\/branches\/[^/]+\/meetings\/import$/), attachmentUploadRoute(MEETING_PATH)],
});

for (const feature of [
  activities,
  leaderboard,
  summary,
  rules,
  meetings,
  materials,
  tickets,
  quizzes,
  reflections,
]) {
  app.route("/", feature);
}
app.route("/", meetingImports);
app.route("/", meetingAttachments).route("/", minutesDocument);

export default app;

/**
 * The chains' sequencer class, so this worker's own tests can run it in place of the api worker's
 * (in a deployment the binding names the api worker's, by script_name).
 */
export { BranchSequencer } from "@vanguard/db/sequencer";
