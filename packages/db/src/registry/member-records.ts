import { AUDITS_MEMBER_RECORDS } from "../audits/member-records";
import { EVALUATIONS_MEMBER_RECORDS } from "../evaluations/member-records";
import { ONBOARDING_MEMBER_RECORDS } from "../onboarding/member-records";
import { STUDY_MEMBER_RECORDS } from "../study/member-records";
import type { MemberRecordTable } from "../tenant/member-record-table";
import { TENANT_MEMBER_RECORDS } from "../tenant/member-records";

/**
 * Every table whose rows travel with a member to a new branch (docs/domain.md §Transfers: the
 * member's progress and history go along). Each room lists its own tables; this list, above the
 * modules, is the only place that knows them all, and what a transfer hands to `snapshotMember`.
 */
export function memberRecordTables(): MemberRecordTable[] {
  return [
    ...TENANT_MEMBER_RECORDS,
    ...ONBOARDING_MEMBER_RECORDS,
    ...STUDY_MEMBER_RECORDS,
    ...EVALUATIONS_MEMBER_RECORDS,
    ...AUDITS_MEMBER_RECORDS,
  ];
}
