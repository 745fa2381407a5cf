// Demo data for the evaluations worker, seeded through the public API after the platform seed.
// `api` is a client with the platform-admin key (`api.as(key)` switches keys); `demo` is what
// seedPlatform returned: { district, branches, members, keys }.

/** A checklist as district organization departments commonly draw it up: 100 points, 7 items. */
export const DEFAULT_TEMPLATE = {
  name: "基层党支部党建工作季度检查表",
  items: [
    {
      code: "organization",
      title: "组织建设：支部委员会健全，党小组设置合理，按期换届",
      maxScore: 15,
      ownerPost: "secretary",
    },
    {
      code: "meetings",
      title: "三会一课：支委会每月、党员大会每季度、党小组会每月、党课每季度",
      maxScore: 20,
      ownerPost: "organization",
    },
    {
      code: "education",
      title: "教育培训：集中学习有计划有记录，党员年度学时达标",
      maxScore: 15,
      ownerPost: "propaganda",
    },
    {
      code: "dues",
      title: "党费收缴：按月足额交纳，收缴情况按季公示",
      maxScore: 10,
      ownerPost: "organization",
    },
    {
      code: "development",
      title: "发展党员：程序规范，培养考察材料齐全",
      maxScore: 15,
      ownerPost: "organization",
    },
    {
      code: "records",
      title: "档案与写实：支部工作写实、党员日常表现写实记录完整",
      maxScore: 15,
      ownerPost: "propaganda",
    },
    {
      code: "integrity",
      title: "党风廉政：落实一岗双责，廉政谈话有记录",
      maxScore: 10,
      ownerPost: "discipline",
    },
  ],
};

function addDays(date, n) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function quarterOf(date) {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

function addQuarters(q, n) {
  const i = Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1 + n;
  return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
}

const monthEnd = (month) => addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);

/** Self-assessment as the branch scores itself; each [code, score, reason] loses points. */
const SELF = {
  older: [["meetings", 18, "7 月党小组会少开 1 次"]],
  recent: [
    ["dues", 9, "1 名党员连续 3 个月未交党费"],
    ["records", 14, "党员日常表现写实记录缺少 2 条"],
  ],
};

/** What the district's review found beyond the branch's own account. */
const REVIEW = {
  older: [{ code: "development", score: 13, deductionReason: "发展对象培养考察材料不全，缺少季度思想汇报" }],
  recent: [
    { code: "education", score: 11, deductionReason: "第三季度党课无讲稿和签到记录" },
    { code: "dues", score: 8, deductionReason: "欠缴党费未及时催缴，也未按季公示" },
    { code: "integrity", score: 9, deductionReason: "廉政谈话记录不全" },
  ],
};

async function inspect(ba, da, b, templateId, period, self, review) {
  const ins = await ba.post(`${b}/inspections`, { templateId, period });
  const lost = new Map(self.map(([code, score, reason]) => [code, { score, reason }]));
  for (const item of DEFAULT_TEMPLATE.items) {
    const l = lost.get(item.code);
    await ba.put(`${b}/inspections/${ins.id}/items/${item.code}`, {
      score: l ? l.score : item.maxScore,
      evidence: `${period} ${item.title.split("：")[0]}台账及会议记录`,
      ...(l ? { deductionReason: l.reason } : {}),
    });
  }
  await ba.post(`${b}/inspections/${ins.id}/submit`, {});
  if (review)
    await da.post(`${b}/inspections/${ins.id}/review`, { items: review, comment: "已逐项核查台账" });
  return ins.id;
}

/** Three tasks each for the secretary, the organization and the propaganda member. */
const LAST_MONTH_TASKS = {
  secretary: [
    ["讲授专题党课", "verified"],
    ["与支部委员逐一谈心谈话", "verified"],
    ["审核季度党建检查自评", "completed"],
  ],
  organization: [
    ["组织开展主题党日活动", "verified"],
    ["催缴党费并公示收缴情况", "open"],
    ["完成发展对象政审函调", "verified"],
  ],
  propaganda: [
    ["更新党务公开栏", "verified"],
    ["组织党员开展线上集中学习", "returned"],
    ["报送支部宣传信息 2 篇", "verified"],
  ],
};

const THIS_MONTH_TASKS = {
  secretary: ["召开支委会研究年度民主评议方案", "审定支部年度工作总结"],
  organization: ["统计党员年度学习学时", "整理党员组织关系台账"],
  propaganda: ["制作年度党建工作展板", "收集党员先锋事迹材料"],
};

async function dutyTasks(ba, b, posts, today) {
  const thisMonth = today.slice(0, 7);
  const lastMonth = addDays(`${thisMonth}-01`, -1).slice(0, 7);
  const dues = (month) => [`${month}-10`, `${month}-20`, monthEnd(month)];
  for (const [post, tasks] of Object.entries(LAST_MONTH_TASKS)) {
    for (const [i, [title, outcome]] of tasks.entries()) {
      const dueOn = dues(lastMonth)[i];
      const t = await ba.post(`${b}/duty-tasks`, { assigneeId: posts[post], month: lastMonth, title, dueOn });
      if (outcome === "open") continue;
      await ba.post(`${b}/duty-tasks/${t.id}/complete`, {
        completedOn: addDays(dueOn, -2),
        note: "已完成，材料已归档",
      });
      if (outcome === "verified")
        await ba.post(`${b}/duty-tasks/${t.id}/verify`, { note: "月底检查：材料齐全" });
      if (outcome === "returned")
        await ba.post(`${b}/duty-tasks/${t.id}/verify`, {
          outcome: "returned",
          note: "学习记录不全，需补充签到",
        });
    }
  }
  for (const [post, titles] of Object.entries(THIS_MONTH_TASKS)) {
    for (const [i, title] of titles.entries()) {
      const dueOn = dues(thisMonth)[i];
      const t = await ba.post(`${b}/duty-tasks`, { assigneeId: posts[post], month: thisMonth, title, dueOn });
      // the organization member is behind; the others did what fell due
      if (post !== "organization" && dueOn < today) {
        await ba.post(`${b}/duty-tasks/${t.id}/complete`, { completedOn: dueOn });
      }
    }
  }
}

const MEMBER_RECORDS = [
  ["daily_performance", 30, "主动加班，按时完成月度经济运行数据分析报告"],
  ["service", 20, "参加社区志愿服务，帮助清理小区卫生死角"],
  ["commendation", 12, "获评中心季度“服务之星”"],
  ["criticism", 6, "无故缺席党小组会一次，支部已谈话提醒"],
];

const BRANCH_RECORDS = [
  ["work", 25, "召开支委会，研究部署第四季度党建重点工作"],
  ["theme_activity", 15, "开展“亮身份、亮业绩、争先进”主题党日，12 名党员参加"],
  ["key_task", 8, "完成党费收缴情况专项检查，督促 1 名党员补交"],
];

async function records(ba, b, people, today) {
  for (const [i, [kind, daysAgo, content]] of MEMBER_RECORDS.entries()) {
    const r = await ba.post(`${b}/members/${people[i % people.length].id}/records`, {
      kind,
      occurredOn: addDays(today, -daysAgo),
      content,
    });
    // a record is never edited: the slip in the first one is put right by a correcting record
    if (i === 0) {
      await ba.post(`${b}/members/${people[0].id}/records`, {
        kind,
        occurredOn: addDays(today, -daysAgo),
        content: "主动加班两天，按时完成月度经济运行数据分析报告（更正：原记录漏写加班天数）",
        correctsId: r.id,
      });
    }
  }
  for (const [kind, daysAgo, content] of BRANCH_RECORDS) {
    await ba.post(`${b}/records`, { kind, occurredOn: addDays(today, -daysAgo), content });
  }
}

async function appraisal(ba, memberApi, b, year) {
  const a = await ba.post(`${b}/appraisals`, { year });
  const roll = a.grades.map((g) => g.memberId);
  const excellent = Math.floor(roll.length / 3);
  // mutual votes from the member key holder, on others only
  const voter = memberApi.memberId;
  for (const ratee of roll.filter((id) => id !== voter).slice(0, 3)) {
    await memberApi.api.put(`${b}/appraisals/${a.id}/grades/${ratee}`, { grade: "excellent" });
  }
  for (const [i, memberId] of roll.entries()) {
    const grade =
      i >= 1 && i <= excellent ? "excellent" : i === roll.length - 1 ? "basically_qualified" : "qualified";
    await ba.put(`${b}/appraisals/${a.id}/grades/${memberId}`, {
      grade,
      selfGrade: grade === "basically_qualified" ? "qualified" : grade,
      ...(grade === "basically_qualified" ? { comment: "参加组织生活不够经常，党费交纳不及时" } : {}),
    });
  }
  return ba.post(`${b}/appraisals/${a.id}/finalize`, {});
}

export async function seedEvaluations(api, demo, { today }) {
  const da = api.as(demo.keys.districtAdmin);
  const template = await da.post(`/v1/districts/${demo.district.id}/inspection-templates`, DEFAULT_TEMPLATE);
  const quarter = quarterOf(today);
  const lastYear = Number(today.slice(0, 4)) - 1;

  const econ = demo.keys.branches.econ;
  const ba = api.as(econ.branchAdmin);
  const b = `/v1/branches/${econ.branchId}`;
  const { posts: held } = await ba.get(`${b}/committee`);
  const posts = Object.fromEntries(held.map((p) => [p.post, p.memberId]));

  await inspect(ba, da, b, template.id, addQuarters(quarter, -2), SELF.older, REVIEW.older);
  await inspect(ba, da, b, template.id, addQuarters(quarter, -1), SELF.recent, REVIEW.recent);
  // another branch's self-assessment awaits the district's review
  const qingkou = demo.keys.branches.qingkou;
  await inspect(
    api.as(qingkou.branchAdmin),
    da,
    `/v1/branches/${qingkou.branchId}`,
    template.id,
    addQuarters(quarter, -1),
    SELF.recent,
    null,
  );

  await dutyTasks(ba, b, posts, today);
  const people = demo.members.econ.filter((m) => m.status === "full" || m.status === "probationary");
  await records(ba, b, people.slice(3), today);

  const graded = await appraisal(
    ba,
    { api: api.as(demo.keys.member.key), memberId: demo.keys.member.memberId },
    b,
    lastYear,
  );
  await ba
    .post(`${b}/secretary-reports`, {
      year: lastYear,
      deliveredOn: `${lastYear}-12-28`,
      dutyReport:
        "全年召开支委会 12 次、党员大会 4 次，书记讲党课 2 次；落实一岗双责月度任务清单，季度检查均为优秀等次。",
      integrityReport: "严格执行中央八项规定精神，带头落实廉政谈话制度，本人及家属无违规违纪问题。",
    })
    .then((r) =>
      da.post(`${b}/secretary-reports/${r.id}/review`, { rating: "good", comment: "述职全面，问题查摆具体" }),
    );

  const best = graded.grades.find((g) => g.grade === "excellent");
  if (best) {
    await ba.post(`${b}/awards`, {
      memberId: best.memberId,
      year: lastYear,
      title: "优秀共产党员",
      level: "branch",
      citation: "亮身份、亮业绩，在经济运行监测工作中发挥先锋模范作用",
    });
  }
  const model = await ba.post(`${b}/model-posts`, {
    memberId: people[3].id,
    year: Number(today.slice(0, 4)),
    title: "经济数据服务窗口党员示范岗",
    commitment: "亮身份、作表率：数据报送零差错，服务群众零投诉",
  });
  await da.post(`${b}/model-posts/${model.id}/award`, {});
}
