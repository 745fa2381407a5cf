import { createRoute, z } from "@hono/zod-openapi";
import { resolveBranch } from "@vanguard/db";
import { getMeeting } from "@vanguard/db/study";
import {
  MEETING_KIND_LABELS,
  type MeetingKind,
  meetingDocumentData,
  READ_BRANCH,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  DOCX_TYPE,
  errorResponses,
  fileHeaders,
  moduleBranch,
  notFound,
  renderDocx,
  security,
  templateFor,
} from "@vanguard/platform";
import type { StudyBindings } from "../env";
import { studyRouter } from "../shared/router";

const route = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/meetings/{meetingId}/documents/minutes.docx",
  tags: ["Meetings"],
  security,
  summary: "The meeting's record (会议记录) as a Word document, filled from the meeting as it stands",
  request: { params: z.object({ branchId: z.string().max(64), meetingId: z.string().max(64) }) },
  responses: {
    200: {
      description: "the .docx, with Content-Disposition and X-Template-Version",
      content: { [DOCX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...errorResponses,
  },
});

const handler: AppRouteHandler<typeof route, StudyBindings> = async (c) => {
  const { branchId, meetingId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const [found, branch, template] = await Promise.all([
    getMeeting(tc, meetingId),
    resolveBranch(c.get("plane"), branchId),
    templateFor(c.env, tc, "meeting_minutes"),
  ]);
  if (!found) throw notFound();
  const { meeting, attendance } = found;
  const name = (id: string | null) => attendance.find((a) => a.memberId === id)?.name ?? "";
  const data = meetingDocumentData({
    branchName: branch?.name ?? "",
    kind: MEETING_KIND_LABELS[meeting.kind as MeetingKind],
    topic: meeting.topic,
    heldOn: meeting.heldOn,
    hours: meeting.hours,
    lecturer: meeting.lecturerId ? name(meeting.lecturerId) : null,
    attendees: attendance.filter((a) => a.present).map((a) => a.name ?? ""),
    absentees: attendance
      .filter((a) => !a.present)
      .map((a) => ({ name: a.name ?? "", reason: a.reason ?? "" })),
    minutes: meeting.minutes,
    generatedOn: todayIn(tc.timeZone),
  });
  const bytes = renderDocx(template.bytes, data);
  const filename = `${meeting.heldOn}-${meeting.topic.slice(0, 40)}-会议记录.docx`;
  return new Response(bytes, {
    status: 200,
    headers: {
      ...fileHeaders({ contentType: DOCX_TYPE, filename, size: bytes.byteLength }),
      "X-Template-Version": String(template.version),
    },
  }) as never;
};

export const minutesDocument = studyRouter().openapi(route, handler);
