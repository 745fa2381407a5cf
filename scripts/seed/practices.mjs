// Demo data for the branch practices, seeded through the public API after the study seed (it
// writes reflections on the library's materials): community service confirmed by the community on a
// candidate's case, a political birthday in the coming week, featured study reflections, and a
// committee whose term ends in two months (the audit warns about it).
// `api` is a client with the platform-admin key (`api.as(key)` switches keys); `demo` is what
// seedPlatform returned: { district, branches, members, keys }.

function addDays(date, n) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const addYears = (date, n) => `${Number(date.slice(0, 4)) + n}${date.slice(4)}`;

const REFLECTION =
  "通过学习，我深刻认识到坚持党的全面领导是做好各项工作的根本保证。作为一名党员，要把学习成果转化为推动工作的实际行动，" +
  "立足岗位践行初心使命，在服务群众中当先锋、作表率。";

export async function seedPractices(api, demo, { today }) {
  const econ = demo.keys.branches.econ;
  const ba = api.as(econ.branchAdmin);
  const roll = demo.members.econ;
  const full = roll.filter((m) => m.status === "full");

  // 报到服务: the candidate reports to 海滨社区; the community confirmed three sessions
  const candidate = roll.find((m) => m.status === "candidate");
  const cases = await ba.get(`/v1/branches/${econ.branchId}/development/cases?limit=200`);
  const candidateCase = cases.items.find((c) => c.memberId === candidate.id);
  const svc = `/v1/branches/${econ.branchId}/service`;
  const reg = await ba.post(`${svc}/registrations`, {
    memberId: candidate.id,
    kind: "community",
    organization: "海滨社区",
    contactName: "李主任",
    registeredOn: addDays(today, -400),
  });
  for (const [daysAgo, hours, description] of [
    [300, 3, "社区文明创建入户宣传"],
    [200, 4, "疫苗接种点志愿引导"],
    [40, 2.5, "老旧小区环境整治"],
  ]) {
    const s = await ba.post(
      `${svc}/sessions`,
      { registrationId: reg.id, servedOn: addDays(today, -daysAgo), hours, description },
      { "Idempotency-Key": `seed-service-${reg.id}-${daysAgo}` },
    );
    await api.post("/v1/service-confirmations", {
      code: s.confirmationCode,
      personName: candidate.name,
      confirmedBy: "海滨社区 李主任",
    });
  }

  // 政治生日: a member who joined the Party 15 years ago in three days' time
  const soon = addDays(today, 3);
  const birthday = await ba.post(`/v1/branches/${econ.branchId}/members`, {
    name: "周红霞",
    gender: "female",
    birthDate: "1982-04-12",
    status: "full",
    joinedOn: addYears(soon, -15),
    joinedBranchOn: addYears(soon, -15),
  });

  // 学习体会: three members write on the newest article; the branch features two (学习标兵). Not the
  // demo member (full[0]): the phone pages show them earning their first points of the day.
  const materials = await api
    .as(demo.keys.districtAdmin)
    .get(`/v1/districts/${demo.district.id}/study/materials?limit=50`);
  const article = materials.items.find((m) => m.kind === "article" && m.status === "published");
  const reflections = [];
  for (const m of full.slice(1, 4)) {
    reflections.push(
      await ba.post(`/v1/branches/${econ.branchId}/study/reflections`, {
        memberId: m.id,
        subjectType: "material",
        subjectId: article.id,
        title: `学习《${article.title}》的体会`,
        text: REFLECTION,
      }),
    );
  }
  const featured = [];
  for (const r of reflections.slice(0, 2)) {
    featured.push((await ba.post(`/v1/branches/${econ.branchId}/study/reflections/${r.id}/feature`)).id);
  }

  // 换届: 青口社区党支部's committee term ends in two months
  const qingkou = demo.keys.branches.qingkou;
  const qb = api.as(qingkou.branchAdmin);
  const committee = await qb.get(`/v1/branches/${qingkou.branchId}/committee`);
  const termEnd = addDays(today, 60);
  await qb.put(`/v1/branches/${qingkou.branchId}/committee`, {
    termStart: addYears(termEnd, -3),
    termEnd,
    posts: committee.posts.map((p) => ({ memberId: p.memberId, post: p.post })),
  });

  return {
    serviceCaseId: candidateCase.id,
    serviceMemberId: candidate.id,
    birthdayMemberId: birthday.id,
    featuredReflectionIds: featured,
    termEndingBranchId: qingkou.branchId,
    termEnd,
  };
}
