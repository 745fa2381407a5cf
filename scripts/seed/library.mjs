// The demo's study library, seeded through the public API: 赣榆区 publishes a few articles, a video
// and a quiz, and some members earn points today the only way the library allows — a reading
// ticket redeemed after its time (the seed waits those seconds, as a reader would) and a quiz
// graded on the server.
//
// The demo member 乔宇航 (`econ-member`) reads nothing here, so the phone pages can show a first
// read earning points and a second one earning none.

/** The short daily read the seed's members read: its minimum time is set low so the seed waits little. */
export const DAILY_READ_TITLE = "每日一读：不忘初心、牢记使命";
export const DAILY_READ_SECONDS = 5;

const ARTICLES = [
  {
    title: "《中国共产党支部工作条例（试行）》要点解读",
    tags: ["党章党规", "支部建设"],
    summary: "党支部的职责、组织设置、组织生活和领导班子建设要点。",
    body: [
      "党支部是党的基础组织，是党在社会基层组织中的战斗堡垒，是党的全部工作和战斗力的基础。",
      "党支部要突出政治功能，把党员教育管理监督和组织群众、宣传群众、凝聚群众、服务群众的职责落到实处。",
      "党支部应当组织党员按期参加党员大会、党小组会和上党课，定期召开支部委员会会议。",
      "支部党员大会一般每季度召开1次，支部委员会会议一般每月召开1次，党小组会一般每月召开1次。",
      "党支部每月相对固定1天开展主题党日，组织党员集中学习、过组织生活、进行民主议事和志愿服务等。",
      "党支部每年至少召开1次组织生活会，一般安排在第四季度，也可以根据工作需要随时召开。",
      "党支部应当经常开展谈心谈话，支部委员之间、支部委员和党员之间、党员和党员之间每年谈心谈话一般不少于1次。",
    ]
      .join("\n\n")
      .repeat(3),
  },
  {
    title: "党员教育管理工作条例学习：每年32学时怎么算",
    tags: ["党员教育", "学时"],
    summary: "集中学习培训的学时要求和计算方法。",
    body: [
      "党员教育管理工作条例规定，党员每年集中学习培训时间一般不少于32学时。",
      "基层党组织书记和班子成员每年集中学习培训时间不少于56学时，每年至少参加1次集中培训。",
      "党支部要结合三会一课、主题党日等组织生活，组织党员学习党的理论和路线方针政策。",
      "学习形式可以是集中学习、专题党课、专题讨论，也可以利用网络平台开展线上学习。",
    ]
      .join("\n\n")
      .repeat(4),
  },
  {
    title: "发展党员工作细则：入党积极分子的培养考察",
    tags: ["发展党员"],
    summary: "培养联系人、思想汇报和半年一次的考察。",
    body: [
      "党组织应当指定一至两名正式党员作培养联系人，做好入党积极分子的培养教育工作。",
      "入党积极分子应当定期向党组织汇报思想，党组织每半年对入党积极分子进行一次考察。",
      "经过一年以上培养教育和考察、基本具备党员条件的入党积极分子，可列为发展对象。",
    ]
      .join("\n\n")
      .repeat(5),
  },
];

const DAILY_READ = {
  title: DAILY_READ_TITLE,
  tags: ["每日一读"],
  summary: "每天一段短文，读完即可计分。",
  body: "不忘初心，方得始终。中国共产党人的初心和使命，就是为中国人民谋幸福，为中华民族谋复兴。",
  minReadSec: DAILY_READ_SECONDS,
};

const VIDEO = {
  title: "专题党课：学习党章、遵守党章、贯彻党章、维护党章",
  tags: ["党课", "党章党规"],
  summary: "区委党校录制的专题党课，时长十分钟。",
  url: "https://video.ganyu.example.cn/dangke/dangzhang-2026.mp4",
  durationSec: 600,
};

const QUIZ = {
  title: "每日答题：党章党规知识",
  tags: ["党章党规", "每日答题"],
  quizKind: "daily_quiz",
  questions: [
    {
      prompt: "中国共产党的最高理想和最终目标是什么？",
      options: ["实现共产主义", "全面建成小康社会", "实现现代化"],
      correct: [0],
    },
    { prompt: "党的根本组织原则是什么？", options: ["民主集中制", "集体领导", "个人分工负责"], correct: [0] },
    { prompt: "支部党员大会一般多久召开一次？", options: ["每月", "每季度", "每半年"], correct: [1] },
    {
      prompt: "“三会一课”中的“三会”包括哪些？",
      options: ["支部党员大会", "支部委员会会议", "党小组会", "职工代表大会"],
      correct: [0, 1, 2],
    },
    {
      prompt: "党员每年集中学习培训一般不少于多少学时？",
      options: ["16学时", "32学时", "56学时"],
      correct: [1],
    },
  ],
};

/** Which answers each seeded reader gives: most get most right. */
const ANSWER_SHEETS = [
  ["A", "A", "B", ["A", "B", "C"], "B"],
  ["A", "A", "A", ["A", "B"], "B"],
  ["A", "B", "B", ["A", "B", "C"], "C"],
];

export async function seedLibrary(api, demo, branches) {
  const da = api.as(demo.keys.districtAdmin);
  const path = `/v1/districts/${demo.district.id}/study/materials`;
  for (const a of ARTICLES) await da.post(path, { kind: "article", ...a });
  await da.post(path, { kind: "video", ...VIDEO });
  const daily = await da.post(path, { kind: "article", ...DAILY_READ });
  const quiz = await da.post(path, { kind: "quiz", ...QUIZ });

  // a few members of two branches, never the demo member, read today and some take the quiz
  const readers = [];
  for (const key of ["econ", "qingkou"]) {
    const b = branches.find((x) => x.key === key);
    if (!b) continue;
    const who = b.party.filter((m) => m.id !== demo.keys.member?.memberId).slice(1, 4);
    for (const m of who) {
      const { key: memberKey } = await api.as(b.branchAdmin).post(`/v1/branches/${b.branchId}/keys`, {
        role: "member",
        memberId: m.id,
        label: `${m.name}（学习）`,
      });
      readers.push({ b, m, member: api.as(memberKey) });
    }
  }
  const tickets = [];
  for (const r of readers) {
    tickets.push(await r.member.post(`/v1/branches/${r.b.branchId}/study/materials/${daily.id}/tickets`));
  }
  // an honest wait: the tickets become redeemable only once the reading time has passed
  const ready = Math.max(...tickets.map((t) => Date.parse(t.redeemableAt)));
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, ready - Date.now()) + 1000));
  for (const [i, r] of readers.entries()) {
    await r.member.post(`/v1/branches/${r.b.branchId}/study/tickets/${tickets[i].id}/redeem`);
    const sheet = ANSWER_SHEETS[i % ANSWER_SHEETS.length];
    if (i % 3 === 2) continue;
    await r.member.post(`/v1/branches/${r.b.branchId}/study/materials/${quiz.id}/answers`, {
      answers: sheet.map((choice, q) => ({ questionId: `q${q + 1}`, choices: [choice].flat() })),
    });
  }
}
