// The demo's people: accounts with one-time passwords for the district, its auditor, the secretary of
// 经济信息中心党支部 and one of its members. Each must change the password at first sign-in.

export async function seedAccounts(api, { district, branches, keys }) {
  const da = api.as(keys.districtAdmin);
  const ba = api.as(keys.branches.econ.branchAdmin);
  const made = {
    districtAdmin: await da.post(`/v1/districts/${district.id}/accounts`, {
      login: "ganyu-admin",
      displayName: "赣榆区委组织部",
      role: "district_admin",
    }),
    auditor: await da.post(`/v1/districts/${district.id}/accounts`, {
      login: "ganyu-auditor",
      displayName: "赣榆区纪委监委",
      role: "auditor",
    }),
    branchAdmin: await da.post(`/v1/branches/${branches.econ.id}/accounts`, {
      login: "econ-secretary",
      displayName: "经济信息中心党支部书记",
      role: "branch_admin",
    }),
    member: await ba.post(`/v1/branches/${branches.econ.id}/accounts`, {
      login: "econ-member",
      displayName: keys.member.name,
      role: "member",
      memberId: keys.member.memberId,
    }),
  };
  return Object.fromEntries(
    Object.entries(made).map(([k, a]) => [
      k,
      {
        id: a.id,
        login: a.login,
        password: a.initialPassword,
        role: a.account.role,
        displayName: a.account.displayName,
      },
    ]),
  );
}
