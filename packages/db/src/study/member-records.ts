import { meetingAttendance, studyDays } from "../schema/study";
import type { MemberRecordTable } from "../tenant/member-records";

/**
 * The study tables whose rows belong to a member and travel with them on a transfer: their study
 * days (points, class hours) and meeting attendance. Period totals stay: they rank what was earned
 * in each branch.
 */
export const STUDY_MEMBER_RECORDS: MemberRecordTable[] = [
  { name: "study_days", table: studyDays, branchId: studyDays.branchId, memberId: studyDays.memberId },
  {
    name: "meeting_attendance",
    table: meetingAttendance,
    branchId: meetingAttendance.branchId,
    memberId: meetingAttendance.memberId,
  },
];
