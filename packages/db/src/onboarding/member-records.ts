import { sql } from "drizzle-orm";
import {
  developmentCases,
  developmentComplaints,
  developmentSteps,
  partySanctions,
} from "../schema/onboarding";
import type { MemberRecordTable } from "../tenant/member-record-table";

/**
 * The onboarding tables whose rows belong to a member and travel with them on a transfer: the case,
 * every step (and the files attached to them), complaints and sanctions, so the receiving branch
 * continues the pipeline where it stood.
 */
export const ONBOARDING_MEMBER_RECORDS: MemberRecordTable[] = [
  {
    name: "development_cases",
    table: developmentCases,
    branchId: developmentCases.branchId,
    memberId: developmentCases.memberId,
    // a step's files are attached to `<case>/<step>`, recorded or not yet (the onboarding worker's stepTarget)
    evidence: {
      targetType: "development_step",
      key: developmentCases.id,
      ownerOf: (targetId) => sql`substr(${targetId}, 1, instr(${targetId}, '/') - 1)`,
    },
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
