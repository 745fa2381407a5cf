import type { ListedMember } from "@vanguard/db";
import { discloseBirthDate, displayIdMask, type Role } from "@vanguard/domain";

/**
 * A member as the API shows them: personal numbers only ever masked, and to a reader given, only
 * what that reader may see (docs/domain.md §Personal data). Without a reader: what the log keeps.
 */
export function memberView(m: ListedMember, reader?: Role) {
  return {
    id: m.id,
    districtId: m.districtId,
    branchId: m.branchId,
    name: m.name,
    gender: m.gender,
    birthDate: reader ? discloseBirthDate(m.birthDate, reader) : m.birthDate,
    status: m.status,
    joinedOn: m.joinedOn,
    joinedBranchOn: m.joinedBranchOn,
    idNumber: displayIdMask(m.idNumberMasked),
    phone: m.phoneMasked,
    education: m.education,
    leftOn: m.leftOn,
    leftReason: m.leftReason,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    version: m.version,
  };
}

export type MemberView = ReturnType<typeof memberView>;
