/**
 * The spec's tags in the order the docs list them: signing in and the tenant tree first, then a
 * branch's year of work, then oversight. A route's tag must be one of these (`docs.test.ts`).
 */
export const TAGS = [
  {
    name: "Sign-in",
    description: "登录与会话 · Accounts sign in for a `vg_session` cookie; keys need none of this",
  },
  { name: "Platform", description: "平台与租户 · Districts, branches and the official working-day calendar" },
  {
    name: "Accounts",
    description: "账号 · People's accounts with one-time passwords, per district and branch",
  },
  { name: "Keys", description: "API 密钥 · Keys for programs, shown once and stored only as a hash" },
  { name: "Members", description: "党员名册 · The branch roll: add, correct, list and import members" },
  { name: "Committee", description: "支部委员会 · The committee in office and its elections (换届选举)" },
  {
    name: "Dues",
    description: "党费 · Dues bases, payments, a month's arrears and imports of past payments",
  },
  {
    name: "Transfers",
    description: "组织关系转接 · Transfer letters between branches, across districts and shards",
  },
  {
    name: "Development pipeline",
    description:
      "发展党员 · The 25 steps from application to full membership, their gates, complaints and sanctions",
  },
  {
    name: "Meetings",
    description: "三会一课 · Meetings with attendance, cadence compliance, corrections and minutes",
  },
  {
    name: "Study",
    description: "学习积分 · Study activities, points under the day's caps, rankings and reflections",
  },
  {
    name: "Study: library",
    description: "学习资料库 · Published materials, reading tickets and quizzes graded on the server",
  },
  {
    name: "Community and volunteer service",
    description: "报到服务 · Registrations with communities, service sessions and their confirmation",
  },
  {
    name: "Branch practices",
    description: "支部实践规则 · The district's rules for service, birthdays, reflections and terms",
  },
  {
    name: "Evaluations: inspections",
    description: "考核检查 · Quarterly checklists, self-assessments and the district's review",
  },
  {
    name: "Evaluations: duty tasks",
    description: "一岗双责 · Monthly tasks per committee member, completion and verification",
  },
  {
    name: "Evaluations: records (写实)",
    description: "工作写实 · Dated records of the branch's work and members' performance",
  },
  {
    name: "Evaluations: appraisal (民主评议)",
    description: "民主评议 · The year's appraisal of members, with secret mutual votes",
  },
  {
    name: "Evaluations: secretary's report (述职述廉)",
    description: "述职述廉 · The secretary's annual report and the district's rating",
  },
  {
    name: "Evaluations: model posts and awards",
    description: "示范岗与表彰 · Model posts (党员示范岗) and awards",
  },
  { name: "Evaluations: rules", description: "考核规则 · The district's evaluations rule set" },
  {
    name: "Evidence",
    description: "附件与文书 · Attached files, their integrity, storage quotas and document templates",
  },
  {
    name: "Event log",
    description: "事件日志 · Every branch's hash-chained log of writes, and its verification",
  },
  { name: "Audits", description: "审计预警 · Daily audits, findings, webhooks and the daily digest" },
  {
    name: "Reports",
    description: "统计报表 · Cross-branch compliance, development, study and trends, as JSON or CSV",
  },
];
