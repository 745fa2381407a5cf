import {
  type CaseRow,
  type ComplaintRow,
  caseStateOf,
  getCase,
  getMember,
  listComplaints,
  listSteps,
  type MemberRow,
  type StepRow,
  type TenantContext,
} from "@vanguard/db";
import { type CaseState, failure } from "@vanguard/domain";
import { notFound, ruleViolation } from "@vanguard/platform";

export interface LoadedCase {
  row: CaseRow;
  member: MemberRow;
  steps: StepRow[];
  complaints: ComplaintRow[];
  state: CaseState;
  openComplaints: number;
}

/** A case with everything its rules read: the person, the steps so far, the complaints. */
export async function loadCase(tc: TenantContext, caseId: string): Promise<LoadedCase> {
  const row = await getCase(tc, caseId);
  if (!row) throw notFound();
  const [member, steps, complaints] = await Promise.all([
    getMember(tc, row.memberId),
    listSteps(tc, caseId),
    listComplaints(tc, caseId),
  ]);
  if (!member) throw notFound();
  return {
    row,
    member,
    steps,
    complaints,
    state: caseStateOf(row, steps, member.birthDate),
    openComplaints: complaints.filter((c) => c.status === "open").length,
  };
}

/** A person who transferred out continues their case in the new branch; this copy is closed to changes. */
export function requirePresent(loaded: LoadedCase): void {
  if (!loaded.member.leftOn) return;
  throw ruleViolation([
    failure(
      "member_left",
      {
        zh: "此人已离开本支部，案卷在此不可再变更",
        en: "This person has left the branch; the case cannot change here",
      },
      { leftOn: loaded.member.leftOn, leftReason: loaded.member.leftReason },
    ),
  ]);
}
