import { todayIn } from "@vanguard/domain";
import { pdf, upload } from "@vanguard/testing/evidence-files";
import {
  call,
  idNumberFor,
  memberKey,
  newAccount,
  newBranch,
  newMember,
  newTenant,
  signedIn,
} from "./harness";

/** The password every attacker's account is given at its first sign-in (signedIn's default). */
export const ATTACKER_PASSWORD = "新的密码-correct-horse";

export type OutsideRole = "branch_admin" | "district_admin" | "auditor";

/** Someone who tries every operation on the target, and how the target must answer them. */
export interface Caller {
  who: string;
  /** outside the target's scope, the target's own member or auditor, or no one */
  stance: "outside" | "member" | "auditor" | "anonymous";
  /** an outsider's role: an operation that names no tenant may answer by role */
  role?: OutsideRole;
  via: "key" | "session" | "nothing";
  /** a sibling branch is in the target's district: the district's id is no secret to it */
  sameDistrict?: true;
}

const keyAndSession = (c: Omit<Caller, "via">): Caller[] => [
  { ...c, via: "key" },
  { ...c, via: "session" },
];

/** Everyone the matrix tries: each (but the other shard's branch) as a key and as a signed-in person. */
export const CALLERS: readonly Caller[] = [
  ...keyAndSession({
    who: "a sibling branch's admin",
    stance: "outside",
    role: "branch_admin",
    sameDistrict: true,
  }),
  ...keyAndSession({ who: "another district's admin", stance: "outside", role: "district_admin" }),
  ...keyAndSession({ who: "another district's auditor", stance: "outside", role: "auditor" }),
  { who: "a branch admin on the other shard", stance: "outside", role: "branch_admin", via: "key" },
  ...keyAndSession({ who: "the branch's own member", stance: "member" }),
  ...keyAndSession({ who: "the district's own auditor", stance: "auditor" }),
  { who: "nobody", stance: "anonymous", via: "nothing" },
];

export const callerName = (c: Caller) => `${c.who} (${c.via === "nothing" ? "no credentials" : c.via})`;

export interface World {
  /**
   * What `{name}` stands for in a path, a query or a body: every object a path can name, the
   * dates, and the rule sets the district has now (sent back unchanged, they pass validation).
   */
  values: Record<string, unknown>;
  /** the ids of the target: an outsider's successful answer must name none of them */
  targetIds: string[];
  /** what the branch's own member may not see although it is in their branch: others' case and task */
  notTheMembers: string[];
  /** the names under which `values` holds the target's ids: a path with one of them names a tenant */
  tenantParams: Set<string>;
  credentials: Map<Caller, { key?: string | null; session?: string }>;
}

/** Sends a request that builds the world: anything but a 2xx stops the test with what was refused. */
async function made<T = { id: string }>(
  what: string,
  path: string,
  opts: { key?: string; body?: unknown; method?: string } = {},
): Promise<T> {
  const r = await call(path, opts);
  if (r.status < 200 || r.status >= 300)
    throw new Error(`building the world: ${what} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

function previousQuarter(date: string): string {
  const i = Number(date.slice(0, 4)) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3) - 1;
  return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
}

/**
 * An audit run over the target district, through the API, followed to its end: it opens the
 * findings a fresh branch has. The queue works in its own time, so this polls the run's state
 * (up to 600 times) rather than expecting it done after some delay.
 */
async function auditedDistrict(districtId: string): Promise<string> {
  const run = await made("audit run", "/v1/audits/runs", { body: { districtId } });
  for (let i = 0; i < 600; i++) {
    const seen = await made<{ status: string }>("audit run", `/v1/audits/runs/${run.id}`);
    if (seen.status === "done") return run.id;
    if (seen.status === "failed") throw new Error(`the audit run failed: ${JSON.stringify(seen)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the audit run did not finish");
}

/**
 * One target district on shard 0 with a branch holding one of everything a path can name, made
 * through the public API; and the attackers: a sibling branch's admin, another district's admin and
 * auditor, a branch on the other shard, the branch's own member and the district's own auditor (each
 * as a key and as a signed-in person), and nobody at all.
 */
export async function buildWorld(): Promise<World> {
  const t = await newTenant({ shard: 0 });
  const today = todayIn("Asia/Shanghai");
  const year = Number(today.slice(0, 4));
  const month = today.slice(0, 7);
  const b = `/v1/branches/${t.branch.id}`;
  const d = `/v1/districts/${t.district.id}`;
  const branch = (what: string, path: string, body: unknown) =>
    made(what, `${b}${path}`, { key: t.branchKey, body });

  // people: the member who attacks, the secretary, and one leaving with a transfer letter
  const attacker = { name: "乔宇航", birthDate: "1990-02-03" };
  const member = await newMember(t.branch.id, t.branchKey, attacker);
  const secretary = await newMember(t.branch.id, t.branchKey, { name: "王书记", birthDate: "1978-06-09" });
  const leaving = await newMember(t.branch.id, t.branchKey, { name: "转出者", birthDate: "1983-11-20" });
  await made("committee", `${b}/committee`, {
    method: "PUT",
    key: t.branchKey,
    body: {
      termStart: "2024-03-01",
      termEnd: "2027-03-01",
      posts: [
        { memberId: secretary.id, post: "secretary" },
        { memberId: leaving.id, post: "organization" },
      ],
    },
  });
  const receiver = await newTenant({ shard: 1 });
  const letter = await branch("letter", `/members/${leaving.id}/transfers`, {
    toBranchId: receiver.branch.id,
  });
  const spareKey = await made("key", `${b}/keys`, {
    key: t.districtKey,
    body: { role: "branch_admin", label: "备用" },
  });
  const account = await newAccount({ branchId: t.branch.id }, t.districtKey, { role: "branch_admin" });

  // development (发展党员): a case, and a mass complaint against it
  const person = {
    name: "陈思远",
    gender: "male",
    birthDate: "1998-05-04",
    idNumber: idNumberFor("1998-05-04"),
  };
  const devCase = await branch("development case", "/development/cases", { person, appliedOn: today });
  const complaint = await branch("complaint", `/development/cases/${devCase.id}/complaints`, {
    receivedOn: today,
    summary: "群众来信反映其工作作风问题",
    source: "来信",
  });

  // organizational life and evaluations
  const meeting = await branch("meeting", "/meetings", {
    kind: "group",
    heldOn: today,
    topic: "党小组学习",
    attendeeIds: [member.id, secretary.id],
    hours: 1,
  });
  const template = await made("inspection template", `${d}/inspection-templates`, {
    key: t.districtKey,
    body: {
      name: "季度检查表",
      items: [
        { code: "organization", title: "组织建设", maxScore: 50, ownerPost: "secretary" },
        { code: "meetings", title: "三会一课", maxScore: 50, ownerPost: "organization" },
      ],
    },
  });
  const inspection = await branch("inspection", "/inspections", {
    templateId: template.id,
    period: previousQuarter(today),
  });
  // the secretary's task: the member reaches only their own
  const task = await branch("duty task", "/duty-tasks", {
    assigneeId: secretary.id,
    month,
    title: "收缴党费并公示",
    dueOn: `${month}-01`,
  });
  const record = await branch("record", "/records", {
    kind: "work",
    occurredOn: today,
    content: "主题党日活动",
  });
  // evidence: one file on each kind of record that takes one
  const attach = async (what: string, path: string) => {
    const r = await call(`/v1/branches/${t.branch.id}${path}/attachments`, {
      key: t.branchKey,
      raw: upload(pdf(what), `${what}.pdf`, { document: "other" }),
    });
    if (r.status !== 201)
      throw new Error(`building the world: ${what} → ${r.status} ${JSON.stringify(r.body)}`);
    return (r.body as { id: string }).id;
  };
  const attachments = {
    stepAttachmentId: await attach("入党申请书", `/development/cases/${devCase.id}/steps/application`),
    meetingAttachmentId: await attach("签到表", `/meetings/${meeting.id}`),
    recordAttachmentId: await attach("活动照片", `/records/${record.id}`),
    taskAttachmentId: await attach("公示照片", `/duty-tasks/${task.id}`),
    itemAttachmentId: await attach("会议记录", `/inspections/${inspection.id}/items/organization`),
  };
  const appraisal = await branch("appraisal", "/appraisals", { year });
  const report = await branch("secretary report", "/secretary-reports", {
    year,
    deliveredOn: today,
    dutyReport: "全年召开支委会 12 次。",
    integrityReport: "严格执行中央八项规定精神。",
  });
  const modelPost = await branch("model post", "/model-posts", {
    memberId: secretary.id,
    year,
    title: "党员示范岗",
    commitment: "亮身份、作表率",
  });

  // the district's study library: an article the member holds a reading ticket for (opening it
  // again answers that ticket), and one retired after the member opened it, so that redeeming its
  // ticket is refused by a rule past the role check whatever the time
  const article = (title: string) =>
    made("study material", `${d}/study/materials`, {
      key: t.districtKey,
      body: { kind: "article", title, body: "学习贯彻党的二十大精神，推动支部工作高质量发展。" },
    });
  const material = await article("学习材料");
  const retiredMaterial = await article("已下架的学习材料");
  const memberKeyOf = await memberKey(t.branch.id, member.id, t.branchKey);
  const ticket = (m: { id: string }) =>
    made("reading ticket", `${b}/study/materials/${m.id}/tickets`, { key: memberKeyOf, method: "POST" });
  await ticket(material);
  const retiredTicket = await ticket(retiredMaterial);
  await made("retired material", `${d}/study/materials/${retiredMaterial.id}/retire`, {
    key: t.districtKey,
    body: { reason: "内容过时" },
  });
  // the member's study reflection on the material, which the branch may feature
  const reflection = await made("reflection", `${b}/study/reflections`, {
    key: t.branchKey,
    body: {
      memberId: member.id,
      subjectType: "material",
      subjectId: material.id,
      title: "学习体会",
      text: "学习贯彻党的二十大精神，推动支部工作高质量发展。".repeat(3),
    },
  });

  // audits: a run over the district and a finding it opened against the branch; then a webhook,
  // set after the audit so that no delivery is under way while the matrix runs
  const runId = await auditedDistrict(t.district.id);
  const findings = await made<{ items: { id: string }[] }>("findings", `${b}/findings`, {
    key: t.districtKey,
  });
  const finding = findings.items[0];
  if (!finding) throw new Error("building the world: the audit opened no finding against the branch");
  await made("webhook", `${b}/webhook`, {
    method: "PUT",
    key: t.branchKey,
    body: { url: "https://hooks.example.org/vanguard" },
  });
  const rules = (module: string) =>
    made<Record<string, unknown>>(`${module} rules`, `${d}/${module}/rules`, { key: t.districtKey });
  const [development, study, evaluation, practices] = [
    await rules("development"),
    await rules("study"),
    await rules("evaluations"),
    await rules("practices"),
  ];
  const evidence = await rules("evidence");

  const ids = {
    districtId: t.district.id,
    branchId: t.branch.id,
    memberId: member.id,
    secretaryId: secretary.id,
    accountId: account.id,
    keyId: spareKey.id,
    transferId: letter.id,
    caseId: devCase.id,
    complaintId: complaint.id,
    meetingId: meeting.id,
    templateId: template.id,
    inspectionId: inspection.id,
    taskId: task.id,
    recordId: record.id,
    appraisalId: appraisal.id,
    reportId: report.id,
    modelPostId: modelPost.id,
    findingId: finding.id,
    runId,
    materialId: material.id,
    ticketId: retiredTicket.id,
    retiredMaterialId: retiredMaterial.id,
    ...attachments,
    reflectionId: reflection.id,
  };
  const values: Record<string, unknown> = {
    ...ids,
    // path parameters that name no tenant: an inspection's item, a calendar year
    code: "organization",
    // a step by its code, a form by its file, a template by its kind; each path names its own file
    step: "application",
    file: "activist_registration.docx",
    kind: "activist_registration",
    attachmentId: attachments.meetingAttachmentId,
    year: String(year),
    // what bodies and queries name
    otherBranchId: receiver.branch.id,
    today,
    month,
    quarter: previousQuarter(today),
    now: new Date().toISOString(),
    password: ATTACKER_PASSWORD,
    // the member as history files name people
    memberName: attacker.name,
    memberBirthDate: attacker.birthDate,
    developmentRules: { rules: development.rules, version: development.version },
    studyRules: { rules: study.rules, version: study.version },
    evaluationRules: { rules: evaluation.rules, version: evaluation.version },
    practiceRules: { rules: practices.rules, version: practices.version },
    evidenceRules: { rules: evidence.rules, version: evidence.version },
  };

  // the callers' credentials
  const sibling = await newBranch(t.district.id, t.districtKey);
  const siblingKey = await made<{ key: string }>("sibling key", `/v1/branches/${sibling.id}/keys`, {
    key: t.districtKey,
    body: { role: "branch_admin", label: "邻" },
  });
  const other = await newTenant({ shard: 0 });
  const otherShard = await newTenant({ shard: 1 });
  const signIn = (
    where: Parameters<typeof newAccount>[0],
    key: string,
    body: Parameters<typeof newAccount>[2],
  ) => newAccount(where, key, body).then((a) => signedIn(a, ATTACKER_PASSWORD));
  const held: Record<string, { key: string; session?: string }> = {
    "a sibling branch's admin": {
      key: siblingKey.key,
      session: await signIn({ branchId: sibling.id }, t.districtKey, { role: "branch_admin" }),
    },
    "another district's admin": {
      key: other.districtKey,
      session: await signIn({ districtId: other.district.id }, other.districtKey, { role: "district_admin" }),
    },
    "another district's auditor": {
      key: other.auditorKey,
      session: await signIn({ districtId: other.district.id }, other.districtKey, { role: "auditor" }),
    },
    "a branch admin on the other shard": { key: otherShard.branchKey },
    "the branch's own member": {
      key: memberKeyOf,
      session: await signIn({ branchId: t.branch.id }, t.branchKey, { role: "member", memberId: member.id }),
    },
    "the district's own auditor": {
      key: t.auditorKey,
      session: await signIn({ districtId: t.district.id }, t.districtKey, { role: "auditor" }),
    },
  };
  const credentials = new Map<Caller, { key?: string | null; session?: string }>();
  for (const c of CALLERS) {
    if (c.via === "nothing") {
      credentials.set(c, { key: null });
      continue;
    }
    const credential = c.via === "key" ? held[c.who]?.key : held[c.who]?.session;
    if (!credential) throw new Error(`building the world: no ${c.via} for ${c.who}`);
    credentials.set(c, c.via === "key" ? { key: credential } : { session: credential });
  }
  return {
    values,
    targetIds: Object.values(ids),
    notTheMembers: [devCase.id, complaint.id, task.id],
    tenantParams: new Set(Object.keys(ids)),
    credentials,
  };
}
