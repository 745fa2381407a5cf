import type { CaseState, RecordedStep } from "@vanguard/domain";
import type { TenantContext } from "../tenant/context";
import { type CaseRow, listOpenCases } from "./cases";
import { openComplaintCounts } from "./complaints";
import { type StepRow, stepsOfCases } from "./steps";

/** A stored case as the pipeline rules read it. */
export function caseStateOf(row: CaseRow, steps: readonly StepRow[], birthDate: string): CaseState {
  return {
    stage: row.stage,
    birthDate,
    appliedOn: row.appliedOn,
    cycle: row.cycle,
    probationEndsOn: row.probationEndsOn,
    extensionsApproved: row.extensionsApproved,
    fullOn: row.fullOn,
    closedOn: row.closedOn,
    // rows are written only from checked proposals, so their step and data agree
    steps: steps.map(
      (s) =>
        ({
          step: s.step,
          occurredOn: s.occurredOn,
          data: JSON.parse(s.data),
          cycle: s.cycle,
          ...(s.importedFrom ? { imported: true } : {}),
        }) as RecordedStep,
    ),
  };
}

export interface OpenCaseState {
  row: CaseRow;
  state: CaseState;
  openComplaints: number;
}

/**
 * Every open case of the branch with its state, in three queries whatever the number of cases:
 * what deadline checks (`overdueSteps`) and reports need.
 */
export async function openCaseStates(tc: TenantContext): Promise<OpenCaseState[]> {
  const rows = await listOpenCases(tc);
  const ids = rows.map((r) => r.id);
  const [steps, complaints] = await Promise.all([stepsOfCases(tc, ids), openComplaintCounts(tc, ids)]);
  return rows.map(({ birthDate, ...row }) => ({
    row,
    state: caseStateOf(row, steps.get(row.id) ?? [], birthDate),
    openComplaints: complaints.get(row.id) ?? 0,
  }));
}
