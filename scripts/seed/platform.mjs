// The demo district 赣榆区: branches, people in every status, a committee, dues and keys.
import { person, rng } from "./people.mjs";

export const DEMO_DISTRICT = { code: "ganyu", name: "赣榆区", timeZone: "Asia/Shanghai", shard: 0 };

const BRANCHES = [
  { key: "econ", name: "经济信息中心党支部", kind: "branch", foundedOn: "2003-07-01", size: 14 },
  { key: "office", name: "区委办公室党支部", kind: "branch", foundedOn: "1998-07-01", size: 9 },
  { key: "organs", name: "区直机关党总支", kind: "general_branch", foundedOn: "1995-07-01", size: 0 },
  {
    key: "finance",
    name: "财政局第一党支部",
    kind: "branch",
    foundedOn: "2001-07-01",
    size: 8,
    parent: "organs",
  },
  { key: "qingkou", name: "青口镇中心社区党支部", kind: "branch", foundedOn: "2008-07-01", size: 10 },
];

/** The mix of a real branch: mostly full members, a few in each stage of the pipeline. */
function statusesFor(size) {
  const out = [];
  for (let i = 0; i < size; i++) {
    out.push(
      i === size - 1
        ? "applicant"
        : i === size - 2
          ? "activist"
          : i === size - 3
            ? "candidate"
            : i >= size - 5
              ? "probationary"
              : "full",
    );
  }
  return out;
}

export async function seedPlatform(api, { today }) {
  const rand = rng(20261127);
  const district = await api.post("/v1/districts", DEMO_DISTRICT);
  const keys = {
    platformAdmin: null,
    districtAdmin: (
      await api.post(`/v1/districts/${district.id}/keys`, { role: "district_admin", label: "区委组织部" })
    ).key,
    auditor: (await api.post(`/v1/districts/${district.id}/keys`, { role: "auditor", label: "区纪委监委" }))
      .key,
    branches: {},
  };
  const da = api.as(keys.districtAdmin);
  // the district came to the platform on 1 January: this year is on record, last year is not
  const recordsFrom = `${today.slice(0, 4)}-01-01`;
  const branches = {};
  const members = {};
  let seq = 0;
  for (const b of BRANCHES) {
    const created = await da.post(`/v1/districts/${district.id}/branches`, {
      name: b.name,
      kind: b.kind,
      foundedOn: b.foundedOn,
      recordsFrom,
      ...(b.parent ? { parentId: branches[b.parent].id } : {}),
    });
    branches[b.key] = created;
    if (b.kind !== "branch") continue;
    const adminKey = (
      await da.post(`/v1/branches/${created.id}/keys`, { role: "branch_admin", label: `${b.name}书记` })
    ).key;
    keys.branches[b.key] = { branchId: created.id, name: b.name, branchAdmin: adminKey };
    const ba = api.as(adminKey);
    members[b.key] = [];
    for (const status of statusesFor(b.size)) {
      const p = person(rand, seq++, {
        status,
        today,
        ...(status === "applicant" ? { minAge: 19, maxAge: 30 } : {}),
      });
      members[b.key].push(
        await ba.post(`/v1/branches/${created.id}/members`, { ...p, joinedBranchOn: recordsFrom }),
      );
    }
    const full = members[b.key].filter((m) => m.status === "full");
    if (full.length >= 3) {
      await ba.put(`/v1/branches/${created.id}/committee`, {
        termStart: `${Number(today.slice(0, 4)) - 2}-03-15`,
        termEnd: `${Number(today.slice(0, 4)) + (b.key === "qingkou" ? 3 : 1)}-03-15`,
        posts: [
          { memberId: full[0].id, post: "secretary" },
          { memberId: full[1].id, post: "organization" },
          { memberId: full[2].id, post: "propaganda" },
        ],
      });
    }
    await seedDues(ba, created.id, members[b.key], rand, today);
  }
  const first = members.econ.find((m) => m.status === "full");
  keys.member = {
    memberId: first.id,
    name: first.name,
    key: (
      await api.as(keys.branches.econ.branchAdmin).post(`/v1/branches/${branches.econ.id}/keys`, {
        role: "member",
        memberId: first.id,
        label: first.name,
      })
    ).key,
  };
  return { district, branches, members, keys };
}

/** Bases for the year and payments month by month; one member stopped paying in June. */
async function seedDues(ba, branchId, people, rand, today) {
  const year = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const payers = people.filter((m) => m.status === "full" || m.status === "probationary");
  for (const [i, m] of payers.entries()) {
    const retired = Number(m.birthDate.slice(0, 4)) < year - 60;
    const income = retired ? 3000 + Math.floor(rand() * 4000) : 3500 + Math.floor(rand() * 9000);
    const basis = await ba.put(`/v1/branches/${branchId}/members/${m.id}/dues-basis`, {
      year,
      category: retired ? "retired" : "employed",
      monthlyIncome: income,
    });
    const since = m.joinedOn?.startsWith(String(year)) ? Number(m.joinedOn.slice(5, 7)) : 1;
    const stopsAfter = i === 1 ? 5 : thisMonth - 1;
    for (let month = since; month <= stopsAfter; month++) {
      const mm = `${year}-${String(month).padStart(2, "0")}`;
      await ba.post(`/v1/branches/${branchId}/dues/payments`, {
        memberId: m.id,
        month: mm,
        amount: basis.monthlyDue,
        paidOn: `${mm}-${String(5 + Math.floor(rand() * 20)).padStart(2, "0")}`,
      });
    }
  }
}
