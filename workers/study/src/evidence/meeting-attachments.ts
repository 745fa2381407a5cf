import { z } from "@hono/zod-openapi";
import { getMeeting } from "@vanguard/db/study";
import { MANAGE_BRANCH, READ_BRANCH } from "@vanguard/domain";
import { attachmentRoutes } from "@vanguard/platform";
import type { StudyBindings } from "../env";

export const MEETING_PATH = "/v1/branches/{branchId}/meetings/{meetingId}";

const MeetingParams = z.object({ branchId: z.string().max(64), meetingId: z.string().max(64) });

/** A meeting's evidence: the sign-in sheet, photos, the minutes as signed. Read and attached like the meeting. */
export const meetingAttachments = attachmentRoutes<StudyBindings, typeof MeetingParams>({
  targetType: "meeting",
  path: MEETING_PATH,
  params: MeetingParams,
  tags: ["Meetings"],
  what: "a meeting",
  readRoles: READ_BRANCH,
  writeRoles: MANAGE_BRANCH,
  resolve: async (_c, tc, { meetingId }) => ((await getMeeting(tc, meetingId)) ? meetingId : null),
});
