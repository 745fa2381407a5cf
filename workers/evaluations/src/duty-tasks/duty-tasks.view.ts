import type { DutyTaskRow } from "@vanguard/db/evaluations";
import { dutyTaskState } from "@vanguard/domain";

export function dutyTaskView(t: DutyTaskRow, today: string, assigneeName: string | null) {
  return {
    id: t.id,
    branchId: t.branchId,
    assigneeId: t.assigneeId,
    assigneeName,
    month: t.month,
    title: t.title,
    detail: t.detail,
    dueOn: t.dueOn,
    status: t.status,
    state: dutyTaskState(t, today),
    completedOn: t.completedOn,
    completionNote: t.completionNote,
    verifiedAt: t.verifiedAt,
    verificationNote: t.verificationNote,
    returnedNote: t.returnedNote,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    version: t.version,
  };
}
