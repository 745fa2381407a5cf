import { districtOf, session } from "../api/session";

/** The branch the signed-in person works in ("" when the account has none). */
export function branchScope(): string {
  return session.me?.scope.branchId ?? "";
}

/** The district a district admin or auditor works in ("" when none). */
export function districtScope(): string {
  return districtOf(session.me) ?? "";
}

export const canWrite = () => session.me?.role !== "auditor";

/** Who keeps a branch's roll: its secretary and those above (a member or an auditor only reads). */
export const managesBranch = () =>
  ["branch_admin", "district_admin", "platform_admin"].includes(session.me?.role ?? "");

export const today = () => {
  // the district's calendar is Asia/Shanghai; the browser's own date is close enough for defaults
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};
export const thisMonth = () => today().slice(0, 7);
