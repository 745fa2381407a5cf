// Scenarios of the module workers, through the api worker like any client.
const memberId = (tag, branch, member) =>
  `mb_${tag}${String(branch * 1000 + member).padStart(26 - tag.length, "0")}`;
const branchId = (tag, branch) => `br_${tag}${String(branch).padStart(26 - tag.length, "0")}`;
const ROTATE = 8;
/** the i-th member of a seeded branch who is a party member (the seed's activists end in 9) */
const partyMember = (i) => i + Math.floor(i / 9);

/** Cases in the first branches, brought to the cultivation stage, so reviews can be recorded under load. */
export async function moduleSetup(ctx) {
  const { api, big, today } = ctx;
  const da = api.as(big.districtKey);
  const cases = [];
  for (let b = 0; b < Math.min(ROTATE, big.branches); b++) {
    const path = `/v1/branches/${branchId("BENCHB", b)}/development/cases`;
    const applied = new Date(Date.parse(`${today}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
    const c = await da.post(path, {
      person: { name: `压测申请人${b}`, gender: "male", birthDate: "1996-03-03" },
      appliedOn: applied,
    });
    const step = (s, occurredOn, data = {}) =>
      da.post(`${path}/${c.id}/steps`, { step: s, occurredOn, data });
    await step("application_talk", applied, { talkerIds: [memberId("BENCHB", b, 0)] });
    await step("activist_designation", applied, { recommendedBy: "party_members" });
    await step("contacts_assigned", applied, {
      contactIds: [memberId("BENCHB", b, 1), memberId("BENCHB", b, 2)],
    });
    await step("activist_filing", applied);
    cases.push({ path: `${path}/${c.id}/steps` });
  }
  return { cases };
}

export function moduleScenarios(ctx, setup) {
  const { base, big, small, today } = ctx;
  const auth = (key) => ({ authorization: `Bearer ${key}` });
  let n = 0;
  const json = { ...auth(big.districtKey), "content-type": "application/json" };
  return [
    {
      name: "study activity record",
      read: false,
      method: "POST",
      url: `${base}/v1/branches/${branchId("BENCHB", 0)}/study/activities`,
      headers: json,
      body: JSON.stringify({
        memberId: memberId("BENCHB", 0, 3),
        kind: "article",
        occurredAt: new Date().toISOString(),
        durationSec: 60,
        ref: "sample",
      }),
      // spread over branches and members, as real traffic is
      setupRequest: (req) => {
        n += 1;
        const b = n % ROTATE;
        req.path = `/v1/branches/${branchId("BENCHB", b)}/study/activities`;
        req.body = JSON.stringify({
          // the seed makes every tenth member an activist, who earns no study points: skip them
          memberId: memberId("BENCHB", b, partyMember(n % Math.min(40, big.members - 10))),
          kind: "article",
          occurredAt: new Date().toISOString(),
          durationSec: 60,
          ref: `bench-${n}`,
        });
        return req;
      },
    },
    {
      name: "branch leaderboard (month)",
      read: true,
      url: `${base}/v1/branches/${big.branchId}/study/leaderboard?period=month`,
      headers: auth(big.key),
      small: {
        url: `${base}/v1/branches/${small.branchId}/study/leaderboard?period=month`,
        headers: auth(small.key),
      },
    },
    {
      name: "district leaderboard (month)",
      read: true,
      url: `${base}/v1/districts/${big.districtId}/study/leaderboard?period=month`,
      headers: auth(big.districtKey),
      small: {
        url: `${base}/v1/districts/${small.districtId}/study/leaderboard?period=month`,
        headers: auth(small.districtKey),
      },
    },
    {
      name: "member's study summary",
      read: true,
      url: `${base}/v1/branches/${big.branchId}/study/members/${memberId("BENCHB", 0, 3)}/summary`,
      headers: auth(big.key),
      small: {
        url: `${base}/v1/branches/${small.branchId}/study/members/${memberId("BENCHS", 0, 3)}/summary`,
        headers: auth(small.key),
      },
    },
    {
      name: "case page",
      read: true,
      url: `${base}${setup.cases[0].path.replace(/\/steps$/, "")}`,
      headers: auth(big.districtKey),
    },
    {
      name: "case step record",
      read: false,
      method: "POST",
      url: `${base}${setup.cases[0].path}`,
      headers: json,
      body: JSON.stringify({
        step: "cultivation_review",
        occurredOn: today,
        data: { thought: "good", work: "good", trainingHours: 2 },
      }),
      setupRequest: (req) => {
        n += 1;
        req.path = setup.cases[n % setup.cases.length].path;
        return req;
      },
    },
  ];
}
