import { meetingAttendance, studyDays, studyQuizSubmissions } from "../schema/study";
import type { MemberRecordTable } from "../tenant/member-record-table";

/**
 * The study tables whose rows belong to a member and travel with them on a transfer: their study
 * days (points, class hours), meeting attendance and the quizzes they answered (a quiz counts once
 * per member, wherever they are). Period totals stay: they rank what was earned in each branch.
 * Reading tickets stay too: a member who left can no longer redeem one.
 */
export const STUDY_MEMBER_RECORDS: MemberRecordTable[] = [
  { name: "study_days", table: studyDays, branchId: studyDays.branchId, memberId: studyDays.memberId },
  {
    name: "meeting_attendance",
    table: meetingAttendance,
    branchId: meetingAttendance.branchId,
    memberId: meetingAttendance.memberId,
  },
  {
    name: "study_quiz_submissions",
    table: studyQuizSubmissions,
    branchId: studyQuizSubmissions.branchId,
    memberId: studyQuizSubmissions.memberId,
  },
];
