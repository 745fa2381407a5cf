// A branch that came to the platform on 1 September: its roll, its history before September
// imported from the clerk's files (meetings with attendance, dues, two cases under way), and its own
// records since. It is judged only from September (docs/adoption.md).
import { person, rng } from "./people.mjs";

export const ADOPTED = { name: "城南街道党支部", foundedOn: "2012-07-01", size: 8 };

const csv = (rows) => `${rows.map((r) => r.join(",")).join("\r\n")}\r\n`;
const pad = (n) => String(n).padStart(2, "0");

export async function seedAdoption(api, seeded, { today }) {
  const rand = rng(20260901);
  // 1 September of this year (of last year while this year's has not come)
  const year =
    today >= `${today.slice(0, 4)}-09-01` ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  const recordsFrom = `${year}-09-01`;
  const da = api.as(seeded.keys.districtAdmin);
  const branch = await da.post(`/v1/districts/${seeded.district.id}/branches`, {
    name: ADOPTED.name,
    kind: "branch",
    foundedOn: ADOPTED.foundedOn,
    recordsFrom,
  });
  const adminKey = (
    await da.post(`/v1/branches/${branch.id}/keys`, { role: "branch_admin", label: `${ADOPTED.name}书记` })
  ).key;
  // kept apart from the branches on record since January, whose story the other demo checks tell
  seeded.keys.adopted = { branchId: branch.id, name: ADOPTED.name, branchAdmin: adminKey, recordsFrom };
  const ba = api.as(adminKey);
  const members = [];
  for (let i = 0; i < ADOPTED.size; i++) {
    const p = person(rand, 900 + i, { status: "full", today });
    members.push(await ba.post(`/v1/branches/${branch.id}/members`, { ...p, joinedBranchOn: recordsFrom }));
  }
  await ba.put(`/v1/branches/${branch.id}/committee`, {
    termStart: `${year - 1}-06-01`,
    termEnd: `${year + 2}-06-01`,
    posts: [
      { memberId: members[0].id, post: "secretary" },
      { memberId: members[1].id, post: "organization" },
      { memberId: members[2].id, post: "propaganda" },
    ],
  });
  const upload = (path, rows, key = adminKey) =>
    api.as(key).post(`/v1/branches/${branch.id}/${path}`, csv(rows), { "content-type": "text/csv" });

  // the clerk's meeting ledger for January to August: one line per person at a meeting
  const meetings = [["会议类型", "日期", "主题", "学时", "姓名", "出生日期", "出席情况", "缺席原因"]];
  for (let month = 1; month <= 8; month++) {
    const held = [
      ["主题党日", `${year}-${pad(month)}-10`, `${month}月主题党日`, 2],
      ["支委会", `${year}-${pad(month)}-05`, `${month}月支委会`, 1],
    ];
    if (month % 3 === 0)
      held.push(["支部党员大会", `${year}-${pad(month)}-20`, `第${month / 3}季度党员大会`, 2]);
    for (const [kind, heldOn, topic, hours] of held) {
      const people = kind === "支委会" ? members.slice(0, 3) : members;
      for (const [i, m] of people.entries()) {
        const absent = kind !== "支委会" && i === people.length - 1 && month % 2 === 0;
        meetings.push([
          kind,
          heldOn,
          topic,
          hours,
          m.name,
          m.birthDate,
          absent ? "缺席" : "出席",
          absent ? "出差" : "",
        ]);
      }
    }
  }
  await upload("meetings/import", meetings);

  // dues paid January to August, from the dues ledger
  const bases = [];
  for (const m of members) {
    bases.push(
      await ba.put(`/v1/branches/${branch.id}/members/${m.id}/dues-basis`, {
        year,
        category: "employed",
        monthlyIncome: 4000 + Math.floor(rand() * 6000),
      }),
    );
  }
  const dues = [["姓名", "出生日期", "月份", "金额"]];
  for (const [i, m] of members.entries()) {
    for (let month = 1; month <= 8; month++)
      dues.push([m.name, m.birthDate, `${year}-${pad(month)}`, bases[i].monthlyDue]);
  }
  await upload("dues/import", dues);

  // two people part way through the 25 steps: a candidate and an activist (with the upper
  // committee's filings, so the district imports them)
  const cases = [
    [
      "姓名",
      "性别",
      "出生日期",
      "递交入党申请书",
      "党组织派人谈话",
      "确定入党积极分子",
      "上级党委备案",
      "指定培养联系人",
      "培养教育考察",
      "确定发展对象",
      "材料",
    ],
    [
      "韩思远",
      "男",
      "1999-04-16",
      `${year - 1}-09-02`,
      `${year - 1}-09-20`,
      `${year}-03-18`,
      `${year}-03-25`,
      `${year}-03-26`,
      `${year}-06-20`,
      `${year}-08-28`,
      "入党申请书=CN-SQ-01；政审材料=CN-ZS-01",
    ],
    [
      "冯晓雨",
      "女",
      "2000-10-08",
      `${year}-02-10`,
      `${year}-02-25`,
      `${year}-06-05`,
      `${year}-06-12`,
      `${year}-06-15`,
      "",
      "",
      "入党申请书=CN-SQ-02",
    ],
  ];
  await upload("development/cases/import", cases, seeded.keys.districtAdmin);

  // since September, on the platform: meetings and dues as they happen (no 党小组会 is on record: the
  // audit names those months, and only from September)
  const thisMonth = Number(today.slice(5, 7)) + (Number(today.slice(0, 4)) - year) * 12;
  for (let month = 9; month < thisMonth && month <= 12; month++) {
    const mm = `${year}-${pad(month)}`;
    await ba.post(`/v1/branches/${branch.id}/meetings`, {
      kind: "theme_day",
      heldOn: `${mm}-10`,
      topic: `${month}月主题党日`,
      hours: 2,
      attendeeIds: members.map((m) => m.id),
    });
    await ba.post(`/v1/branches/${branch.id}/meetings`, {
      kind: "committee",
      heldOn: `${mm}-05`,
      topic: `${month}月支委会`,
      hours: 1,
      attendeeIds: members.slice(0, 3).map((m) => m.id),
    });
    for (const [i, m] of members.entries()) {
      if (i === members.length - 1) continue; // one member has not paid since the branch came to the platform
      await ba.post(`/v1/branches/${branch.id}/dues/payments`, {
        memberId: m.id,
        month: mm,
        amount: bases[i].monthlyDue,
        paidOn: `${mm}-15`,
      });
    }
  }
  return { branch, members };
}
