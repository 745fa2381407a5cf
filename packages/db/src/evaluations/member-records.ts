import { sql } from "drizzle-orm";
import { appraisalGrades, awards, dutyTasks, modelPosts, workRecords } from "../schema/evaluations";
import type { MemberRecordTable } from "../tenant/member-record-table";

/**
 * The evaluations tables whose rows belong to a member and travel with them on a transfer: their
 * 写实 records and duty tasks (with their files), appraisal grades and honours. Inspection
 * deductions stay with the branch whose inspection they were (the district's accountability view
 * still names the member).
 */
export const EVALUATIONS_MEMBER_RECORDS: MemberRecordTable[] = [
  {
    name: "work_records",
    table: workRecords,
    branchId: workRecords.branchId,
    memberId: workRecords.memberId,
    evidence: { targetType: "record", key: workRecords.id, ownerOf: (targetId) => sql`${targetId}` },
  },
  {
    name: "appraisal_grades",
    table: appraisalGrades,
    branchId: appraisalGrades.branchId,
    memberId: appraisalGrades.memberId,
  },
  {
    name: "duty_tasks",
    table: dutyTasks,
    branchId: dutyTasks.branchId,
    memberId: dutyTasks.assigneeId,
    evidence: { targetType: "duty_task", key: dutyTasks.id, ownerOf: (targetId) => sql`${targetId}` },
  },
  { name: "model_posts", table: modelPosts, branchId: modelPosts.branchId, memberId: modelPosts.memberId },
  { name: "awards", table: awards, branchId: awards.branchId, memberId: awards.memberId },
];
