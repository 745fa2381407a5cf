import type { MemberRow } from "@vanguard/db";

/** A member as the API shows them: personal numbers only ever masked. */
export function memberView(m: MemberRow) {
  return {
    id: m.id,
    districtId: m.districtId,
    branchId: m.branchId,
    name: m.name,
    gender: m.gender,
    birthDate: m.birthDate,
    status: m.status,
    joinedOn: m.joinedOn,
    joinedBranchOn: m.joinedBranchOn,
    idNumber: m.idNumberMasked,
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
