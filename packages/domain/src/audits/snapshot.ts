import type { DutyTaskStatus } from "../evaluations/duty-tasks";
import type { InspectionStatus } from "../evaluations/inspection-lifecycle";
import type { HeldMeeting } from "../meetings/cadence";
import type { CaseState } from "../pipeline/state";

/**
 * Everything the audit rules look at for one branch, read in batches for many branches at once.
 * Module data joins as the modules land; a rule whose data is absent simply finds nothing.
 */
export interface BranchSnapshot {
  branchId: string;
  districtId: string;
  branchName: string;
  kind: "branch" | "general_branch" | "committee";
  /** the audit date in the district's time zone */
  today: string;
  /** current members by status */
  members: { applicant: number; activist: number; candidate: number; probationary: number; full: number };
  committee: { termStart: string; termEnd: string; size: number } | null;
  /** date of the newest entry in the branch's event log (any write), or null if none */
  lastActivityOn: string | null;
  /** party members who owe dues: for each, the consecutive unpaid months ending last month */
  duesArrears: { memberId: string; name: string; firstUnpaid: string; consecutive: number }[];
  /** transfer letters out of this branch still pending after their last valid day */
  expiredTransfers: {
    transferId: string;
    memberId: string;
    memberName: string;
    toBranchId: string;
    expiresOn: string;
  }[];
  /** letters out of this branch an accept has held past the stuck threshold (a request died half way) */
  stuckTransfers?: {
    transferId: string;
    memberId: string;
    memberName: string;
    toBranchId: string;
    claimedAt: string;
  }[];
  /** the branch's founding date (meetings are owed from then) */
  foundedOn?: string;
  /** the branch's records start: nothing before it is judged (docs/adoption.md) */
  recordsFrom?: string;
  /**
   * The branch's event chain against the head an earlier audit witnessed: `holds` is false when the
   * row at the witnessed seq is gone (the chain was cut) or carries another hash (rewritten).
   */
  chain?: { anchoredSeq: number; anchoredHash: string; anchoredAt: string; length: number; holds: boolean };
  /** open development cases with their recorded steps (onboarding) */
  cases?: { caseId: string; memberId: string; memberName: string; state: CaseState }[];
  /** meetings held since the start of last year (study) */
  meetings?: HeldMeeting[];
  /** party members' study points over the last 30 days, zero included (study) */
  studyPoints?: { memberId: string; name: string; points: number; joinedBranchOn?: string }[];
  /** duty tasks still open or unverified in the last few months (evaluations) */
  dutyTasks?: {
    id: string;
    assigneeId: string;
    assigneeName: string;
    title: string;
    month: string;
    dueOn: string;
    status: DutyTaskStatus;
    completedOn: string | null;
  }[];
  /**
   * Community and volunteer service in the last ended quarter (practices): everyone whose
   * registration covered the whole quarter, with the hours confirmed for it
   */
  lastQuarterService?: {
    period: string;
    people: { memberId: string; name: string; kind: "community" | "volunteer"; confirmedHours: number }[];
  };
  /** the inspection of the last ended quarter, if one was opened (evaluations) */
  lastQuarterInspection?: { period: string; status: InspectionStatus | null };
}
