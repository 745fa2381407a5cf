import {
  developmentCases,
  developmentComplaints,
  developmentSteps,
  partySanctions,
} from "../schema/onboarding";
import type { MemberRecordTable } from "../tenant/member-record-table";

/**
 * The onboarding tables whose rows belong to a member and travel with them on a transfer: the case,
 * every step, complaints and sanctions, so the receiving branch continues the pipeline where it stood.
 */
export const ONBOARDING_MEMBER_RECORDS: MemberRecordTable[] = [
  {
    name: "development_cases",
    table: developmentCases,
    branchId: developmentCases.branchId,
    memberId: developmentCases.memberId,
  },
  {
    name: "development_steps",
    table: developmentSteps,
    branchId: developmentSteps.branchId,
    memberId: developmentSteps.memberId,
  },
  {
    name: "development_complaints",
    table: developmentComplaints,
    branchId: developmentComplaints.branchId,
    memberId: developmentComplaints.memberId,
  },
  {
    name: "party_sanctions",
    table: partySanctions,
    branchId: partySanctions.branchId,
    memberId: partySanctions.memberId,
  },
];
