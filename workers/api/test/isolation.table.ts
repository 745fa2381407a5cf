import type { OutsideRole } from "./harness.isolation";

/**
 * What every operation the api worker serves (its own and the modules' it forwards) must answer to
 * callers who are not allowed what it does. Keyed `METHOD /path` exactly as in `/openapi.json`:
 * isolation.test.ts fails for an operation without an entry and for an entry without an operation.
 *
 * Fixed by the test, never by an entry: no credentials → 401 on every operation; an operation whose
 * path names a tenant → 404 for everyone outside the target's scope (a sibling branch's admin,
 * another district's admin and auditor, a branch on the other shard; keys and sessions alike).
 *
 * An entry says what the branch's own member and the district's own auditor get (key or session),
 * and gives a body that passes validation, so that a missing role check cannot hide behind a 400.
 * `{name}` in a body, query or path is a value of the isolation world (harness.isolation.ts).
 */
export interface Want {
  /** the target branch's own member */
  member?: number;
  /** the target district's own auditor */
  auditor?: number;
  /** an operation that names no tenant in its path: what outsiders get, by their role */
  outside?: number | Record<OutsideRole, number>;
  /** an operation about the caller's own sign-in: what any key and any session get */
  self?: { key: number; session: number };
  body?: unknown;
  /** a CSV body instead of JSON (an upload: a valid file, so the refusal is the role check's) */
  csv?: string;
  query?: string;
  /** a 422 the member or auditor meets past the role check: the rule that refuses them */
  rule?: string;
  /**
   * a public route (it needs no credentials): what every caller gets, the anonymous included; a
   * code the platform never issued is refused the same way for all
   */
  anyone?: number;
  /** a file instead of JSON: a one-page PDF as a multipart upload, or a Word template as it is */
  file?: "pdf" | "docx";
  /** path parameters this operation takes from other values of the world (`{name}`) */
  params?: Record<string, string>;
  /** what the platform admin, who reads the snapshot, gets here when not 200 (a form before its step) */
  admin?: number;
  /** it ends the caller's session: tried after everything else */
  last?: true;
}

/** A read of the branch's officers and the district: the member is refused, the auditor reads. */
const READ: Want = { member: 403, auditor: 200 };
/** A read the member may make as well: their own record, case, study, tasks and votes. */
const MEMBER_READ: Want = { member: 200, auditor: 200 };
/** A district's own read: the member's scope is one branch, so the district is not there for them. */
const DISTRICT_READ: Want = { member: 404, auditor: 200 };
/** A write of the branch's officers or the district: both refused inside their scope. */
const write = (body?: unknown): Want => ({ member: 403, auditor: 403, body });
/** A district's write: outside the member's scope, refused to the auditor. */
const districtWrite = (body?: unknown): Want => ({ member: 404, auditor: 403, body });
/** Only the platform admin may: everyone else is refused, whatever their scope. */
const platformOnly = (body?: unknown): Want => ({ member: 403, auditor: 403, outside: 403, body });
/** Reports check the role first (docs/api.md §Roles and scopes): a branch key gets 403 whatever it names. */
const REPORT: Want = {
  member: 403,
  auditor: 200,
  outside: { branch_admin: 403, district_admin: 404, auditor: 404 },
  query: "districtId={districtId}",
};

const meeting = { kind: "group", heldOn: "{today}", topic: "越权", attendeeIds: ["{memberId}"], hours: 1 };
/** History files as a clerk exports them: the header, then lines naming the world's people. */
const DUES = "姓名,出生日期,月份,金额\n";
const MEETINGS = "会议类型,日期,主题,学时,姓名,出生日期,出席情况\n";
const CASES = "姓名,性别,出生日期,递交入党申请书\n";
const template = { name: "越权", items: [{ code: "x", title: "越权", maxScore: 10 }] };

const own = (name: string) => ({ params: { attachmentId: `{${name}}` } });

export const EXPECTATIONS: Record<string, Want> = {
  // evidence: read like the record it belongs to, attached by those who write it; the case is not
  // the member's, the duty task is the secretary's
  "GET /v1/branches/{branchId}/attachments/verify": READ,
  "GET /v1/branches/{branchId}/development/cases/{caseId}/steps/{step}/attachments": {
    member: 404,
    auditor: 200,
  },
  "GET /v1/branches/{branchId}/development/cases/{caseId}/steps/{step}/attachments/{attachmentId}": {
    member: 404,
    auditor: 200,
    ...own("stepAttachmentId"),
  },
  "POST /v1/branches/{branchId}/development/cases/{caseId}/steps/{step}/attachments": {
    ...write(),
    file: "pdf",
  },
  "GET /v1/branches/{branchId}/development/cases/{caseId}/documents/{file}": {
    member: 404,
    auditor: 422,
    admin: 422,
    rule: "document_step_not_reached",
  },
  "GET /v1/branches/{branchId}/meetings/{meetingId}/attachments": READ,
  "GET /v1/branches/{branchId}/meetings/{meetingId}/attachments/{attachmentId}": {
    ...READ,
    ...own("meetingAttachmentId"),
  },
  "POST /v1/branches/{branchId}/meetings/{meetingId}/attachments": { ...write(), file: "pdf" },
  "GET /v1/branches/{branchId}/meetings/{meetingId}/documents/minutes.docx": READ,
  "GET /v1/branches/{branchId}/records/{recordId}/attachments": READ,
  "GET /v1/branches/{branchId}/records/{recordId}/attachments/{attachmentId}": {
    ...READ,
    ...own("recordAttachmentId"),
  },
  "POST /v1/branches/{branchId}/records/{recordId}/attachments": { ...write(), file: "pdf" },
  "GET /v1/branches/{branchId}/duty-tasks/{taskId}/attachments": { member: 404, auditor: 200 },
  "GET /v1/branches/{branchId}/duty-tasks/{taskId}/attachments/{attachmentId}": {
    member: 404,
    auditor: 200,
    ...own("taskAttachmentId"),
  },
  "POST /v1/branches/{branchId}/duty-tasks/{taskId}/attachments": { member: 404, auditor: 403, file: "pdf" },
  "GET /v1/branches/{branchId}/inspections/{inspectionId}/items/{code}/attachments": READ,
  "GET /v1/branches/{branchId}/inspections/{inspectionId}/items/{code}/attachments/{attachmentId}": {
    ...READ,
    ...own("itemAttachmentId"),
  },
  "POST /v1/branches/{branchId}/inspections/{inspectionId}/items/{code}/attachments": {
    ...write(),
    file: "pdf",
  },
  "GET /v1/districts/{districtId}/evidence/rules": DISTRICT_READ,
  "PUT /v1/districts/{districtId}/evidence/rules": districtWrite("{evidenceRules}"),
  "GET /v1/districts/{districtId}/document-templates": DISTRICT_READ,
  "GET /v1/districts/{districtId}/document-templates/{kind}": DISTRICT_READ,
  "PUT /v1/districts/{districtId}/document-templates/{kind}": { member: 404, auditor: 403, file: "docx" },
  // a community's contact confirms service with a code, not a key
  "POST /v1/service-confirmations": {
    anyone: 422,
    rule: "service_code_unknown",
    body: { code: "{branchId}-0000000000000000000000AA", personName: "越权", confirmedBy: "越权" },
  },
  // community and volunteer service: the member reads their own, only officers record
  "POST /v1/branches/{branchId}/service/registrations": write({
    memberId: "{memberId}",
    kind: "community",
    organization: "越权社区",
    registeredOn: "{today}",
  }),
  "GET /v1/branches/{branchId}/service/registrations": MEMBER_READ,
  "POST /v1/branches/{branchId}/service/sessions": write({
    registrationId: "{memberId}",
    servedOn: "{today}",
    hours: 2,
    description: "越权",
  }),
  "GET /v1/branches/{branchId}/service/sessions": MEMBER_READ,
  "GET /v1/branches/{branchId}/service/members/{memberId}/summary": MEMBER_READ,
  "GET /v1/branches/{branchId}/service/report": READ,
  "POST /v1/branches/{branchId}/committee/elections": write({
    heldOn: "{today}",
    expectedVoters: 3,
    presentVoters: 3,
    seats: 1,
    candidates: [
      { memberId: "{memberId}", votes: 3 },
      { memberId: "{secretaryId}", votes: 0 },
    ],
    posts: [],
  }),
  "GET /v1/branches/{branchId}/committee/elections": READ,
  "GET /v1/districts/{districtId}/practices/rules": DISTRICT_READ,
  "PUT /v1/districts/{districtId}/practices/rules": districtWrite("{practiceRules}"),
  // sign-in: about the caller only
  "POST /v1/auth/login": {
    self: { key: 401, session: 401 },
    body: { login: "nobody-here", password: "wrong-1" },
  },
  "GET /v1/auth/me": { self: { key: 200, session: 200 } },
  "POST /v1/auth/password": {
    self: { key: 403, session: 200 },
    body: { currentPassword: "{password}", newPassword: "另一个新密码-battery-staple" },
  },
  "POST /v1/auth/logout": { self: { key: 403, session: 204 }, last: true },

  // accounts and keys
  "POST /v1/districts/{districtId}/accounts": districtWrite({
    login: "x-d",
    displayName: "越权",
    role: "auditor",
  }),
  "GET /v1/districts/{districtId}/accounts": DISTRICT_READ,
  "POST /v1/branches/{branchId}/accounts": write({ login: "x-b", displayName: "越权", role: "branch_admin" }),
  "GET /v1/branches/{branchId}/accounts": READ,
  "DELETE /v1/accounts/{accountId}": write(),
  "POST /v1/accounts/{accountId}/reset-password": write(),
  "POST /v1/districts/{districtId}/keys": districtWrite({ role: "auditor", label: "越权" }),
  "POST /v1/keys": platformOnly({ role: "auditor", label: "越权" }),
  "POST /v1/branches/{branchId}/keys": write({ role: "branch_admin", label: "越权" }),
  "GET /v1/branches/{branchId}/keys": READ,
  "DELETE /v1/keys/{keyId}": write(),

  // the org tree
  "POST /v1/districts": platformOnly({ code: "intruder", name: "越权区" }),
  "GET /v1/districts": {
    member: 403,
    auditor: 200,
    outside: { branch_admin: 403, district_admin: 200, auditor: 200 },
  },
  "GET /v1/districts/{districtId}": DISTRICT_READ,
  "POST /v1/districts/{districtId}/branches": districtWrite({
    name: "越权",
    kind: "branch",
    foundedOn: "2020-01-01",
  }),
  "GET /v1/districts/{districtId}/branches": DISTRICT_READ,
  "GET /v1/branches/{branchId}": READ,
  "PATCH /v1/branches/{branchId}": write({ version: 1, name: "改名" }),
  "PUT /v1/branches/{branchId}/committee": write({
    termStart: "2024-01-01",
    termEnd: "2027-01-01",
    posts: [],
  }),
  "GET /v1/branches/{branchId}/committee": READ,
  "GET /v1/branches/{branchId}/events/verify": READ,
  "GET /v1/branches/{branchId}/events": READ,
  "PUT /v1/branches/{branchId}/records-from": write({ version: 1, recordsFrom: "{today}", reason: "越权" }),

  // the roll, dues, transfers
  "POST /v1/branches/{branchId}/members/import": {
    ...write(),
    csv: "name,gender,birthDate,status\n越权,male,1980-01-01,applicant\n",
  },
  "POST /v1/branches/{branchId}/members": write({
    name: "越权",
    gender: "male",
    birthDate: "1980-01-01",
    status: "applicant",
  }),
  "GET /v1/branches/{branchId}/members": READ,
  "GET /v1/branches/{branchId}/members/export": READ,
  "GET /v1/branches/{branchId}/members/{memberId}": MEMBER_READ,
  "PATCH /v1/branches/{branchId}/members/{memberId}": write({ version: 1, name: "改" }),
  "PUT /v1/branches/{branchId}/members/{memberId}/dues-basis": write({
    category: "employed",
    monthlyIncome: 1,
  }),
  "POST /v1/branches/{branchId}/dues/payments": write({
    memberId: "{memberId}",
    month: "{month}",
    amount: 1,
  }),
  // a member reads their own line of the month (dues.test.ts shows it holds no one else's)
  "GET /v1/branches/{branchId}/dues": MEMBER_READ,
  "GET /v1/branches/{branchId}/today": READ,
  "POST /v1/branches/{branchId}/dues/import": {
    ...write(),
    csv: `${DUES}{memberName},{memberBirthDate},{month},1\n`,
  },
  "POST /v1/branches/{branchId}/members/{memberId}/transfers": write({ toBranchId: "{otherBranchId}" }),
  "GET /v1/branches/{branchId}/transfers": READ,
  "GET /v1/transfers/{transferId}": READ,
  "POST /v1/transfers/{transferId}/accept": write(),
  "POST /v1/transfers/{transferId}/cancel": write({ reason: "越权" }),

  // the platform's calendar and the district's reports
  "GET /v1/calendar/{year}": { member: 200, auditor: 200, outside: 200 },
  "PUT /v1/calendar/{year}": platformOnly({ days: [] }),
  "GET /v1/reports/compliance": REPORT,
  "GET /v1/reports/development": REPORT,
  "GET /v1/reports/study": REPORT,
  "GET /v1/reports/trends": REPORT,

  // development (onboarding worker)
  "POST /v1/branches/{branchId}/development/cases": write({
    person: { name: "越权", gender: "male", birthDate: "1999-01-01" },
    appliedOn: "{today}",
  }),
  "GET /v1/branches/{branchId}/development/cases": MEMBER_READ,
  "POST /v1/branches/{branchId}/development/cases/import": {
    ...write(),
    csv: `${CASES}越权,男,1999-01-01,{today}\n`,
  },
  "GET /v1/branches/{branchId}/development/cases/{caseId}": { member: 404, auditor: 200 },
  "GET /v1/branches/{branchId}/development/cases/{caseId}/timeline": { member: 404, auditor: 200 },
  "POST /v1/branches/{branchId}/development/cases/{caseId}/close": write({
    closedOn: "{today}",
    reason: "越权",
  }),
  "POST /v1/branches/{branchId}/development/cases/{caseId}/steps": write({
    step: "application_talk",
    occurredOn: "{today}",
    data: { talkerIds: ["{secretaryId}"] },
  }),
  "POST /v1/branches/{branchId}/development/cases/{caseId}/complaints": write({
    receivedOn: "{today}",
    summary: "越权",
  }),
  "GET /v1/branches/{branchId}/development/cases/{caseId}/complaints": READ,
  "POST /v1/branches/{branchId}/development/cases/{caseId}/complaints/{complaintId}/resolve": write({
    resolvedOn: "{today}",
    resolution: "越权",
  }),
  "POST /v1/branches/{branchId}/development/sanctions": write({
    memberId: "{memberId}",
    kind: "warning",
    decidedOn: "{today}",
  }),
  "GET /v1/branches/{branchId}/development/sanctions": READ,
  "GET /v1/districts/{districtId}/development/rules": DISTRICT_READ,
  "PUT /v1/districts/{districtId}/development/rules": districtWrite("{developmentRules}"),

  // study and meetings (study worker)
  "POST /v1/branches/{branchId}/study/activities": {
    member: 201,
    auditor: 403,
    body: { memberId: "{memberId}", kind: "login", occurredAt: "{now}" },
  },
  "POST /v1/branches/{branchId}/study/activities/batch": {
    member: 201,
    auditor: 403,
    body: { activities: [{ memberId: "{memberId}", kind: "login", occurredAt: "{now}" }] },
  },
  "GET /v1/branches/{branchId}/study/leaderboard": MEMBER_READ,
  "GET /v1/districts/{districtId}/study/leaderboard": DISTRICT_READ,
  "GET /v1/branches/{branchId}/study/members/{memberId}/summary": MEMBER_READ,
  "GET /v1/districts/{districtId}/study/rules": DISTRICT_READ,
  "PUT /v1/districts/{districtId}/study/rules": districtWrite("{studyRules}"),
  // the library: the member holds a ticket for the world's material (opening it answers that ticket);
  // the world's ticket is for a material since retired, and the material is not a quiz
  "GET /v1/districts/{districtId}/study/materials": DISTRICT_READ,
  "POST /v1/districts/{districtId}/study/materials": districtWrite({
    kind: "article",
    title: "越权",
    body: "越权",
  }),
  "GET /v1/districts/{districtId}/study/materials/{materialId}": DISTRICT_READ,
  "POST /v1/districts/{districtId}/study/materials/{materialId}/retire": districtWrite({ reason: "越权" }),
  "GET /v1/branches/{branchId}/study/materials": MEMBER_READ,
  "GET /v1/branches/{branchId}/study/materials/{materialId}": MEMBER_READ,
  "POST /v1/branches/{branchId}/study/materials/{materialId}/tickets": { member: 200, auditor: 403 },
  "POST /v1/branches/{branchId}/study/tickets/{ticketId}/redeem": {
    member: 422,
    auditor: 403,
    rule: "material_not_published",
  },
  "POST /v1/branches/{branchId}/study/materials/{materialId}/answers": {
    member: 422,
    auditor: 403,
    body: { answers: [{ questionId: "q1", choices: ["A"] }] },
    rule: "material_not_a_quiz",
  },
  // reflections: the member writes their own (on a retired material: refused past the role check)
  "POST /v1/branches/{branchId}/study/reflections": {
    member: 422,
    auditor: 403,
    rule: "reflection_subject_unknown",
    body: {
      memberId: "{memberId}",
      subjectType: "material",
      subjectId: "{retiredMaterialId}",
      title: "越权",
      text: "越权".repeat(30),
    },
  },
  "GET /v1/branches/{branchId}/study/reflections": MEMBER_READ,
  "POST /v1/branches/{branchId}/study/reflections/{reflectionId}/feature": write(),
  "GET /v1/branches/{branchId}/study/model-learners": MEMBER_READ,
  "GET /v1/districts/{districtId}/study/model-learners": DISTRICT_READ,
  "GET /v1/districts/{districtId}/study/reflections": DISTRICT_READ,
  "POST /v1/branches/{branchId}/meetings": write(meeting),
  "GET /v1/branches/{branchId}/meetings": READ,
  "GET /v1/branches/{branchId}/meetings/compliance": READ,
  "GET /v1/branches/{branchId}/meetings/{meetingId}": READ,
  "POST /v1/branches/{branchId}/meetings/import": {
    ...write(),
    csv: `${MEETINGS}党小组会,{today},越权,1,{memberName},{memberBirthDate},出席\n`,
  },
  "POST /v1/branches/{branchId}/meetings/{meetingId}/corrections": write({
    ...meeting,
    reason: "越权",
    revision: 0,
  }),

  // evaluations (evaluations worker)
  "POST /v1/districts/{districtId}/inspection-templates": districtWrite(template),
  "GET /v1/districts/{districtId}/inspection-templates": DISTRICT_READ,
  "PUT /v1/districts/{districtId}/inspection-templates/{templateId}": districtWrite({
    ...template,
    version: 1,
  }),
  "GET /v1/districts/{districtId}/inspection-templates/{templateId}": DISTRICT_READ,
  "POST /v1/districts/{districtId}/inspection-templates/{templateId}/retire": districtWrite({
    reason: "越权",
  }),
  "GET /v1/branches/{branchId}/inspections/templates": READ,
  "GET /v1/districts/{districtId}/evaluations/accountability": DISTRICT_READ,
  "GET /v1/branches/{branchId}/inspections/accountability": READ,
  "POST /v1/branches/{branchId}/inspections": write({ templateId: "{templateId}", period: "{quarter}" }),
  "GET /v1/branches/{branchId}/inspections": READ,
  "GET /v1/branches/{branchId}/inspections/{inspectionId}": READ,
  "PUT /v1/branches/{branchId}/inspections/{inspectionId}/items/{code}": write({ score: 1 }),
  "POST /v1/branches/{branchId}/inspections/{inspectionId}/submit": write(),
  "POST /v1/branches/{branchId}/inspections/{inspectionId}/review": write(),
  "GET /v1/districts/{districtId}/evaluations/inspections": DISTRICT_READ,
  "POST /v1/branches/{branchId}/duty-tasks": write({
    assigneeId: "{secretaryId}",
    month: "{month}",
    title: "越权",
    dueOn: "{month}-01",
  }),
  "GET /v1/branches/{branchId}/duty-tasks": MEMBER_READ,
  // the world's task is the secretary's: a member reaches only their own
  "GET /v1/branches/{branchId}/duty-tasks/{taskId}": { member: 404, auditor: 200 },
  "POST /v1/branches/{branchId}/duty-tasks/{taskId}/complete": { member: 404, auditor: 403 },
  "POST /v1/branches/{branchId}/duty-tasks/{taskId}/verify": write(),
  "POST /v1/branches/{branchId}/records": write({ kind: "work", occurredOn: "{today}", content: "越权" }),
  "GET /v1/branches/{branchId}/records": READ,
  "POST /v1/branches/{branchId}/members/{memberId}/records": write({
    kind: "service",
    occurredOn: "{today}",
    content: "越权",
  }),
  "GET /v1/branches/{branchId}/members/{memberId}/records": MEMBER_READ,
  "GET /v1/branches/{branchId}/records/{recordId}": READ,
  "POST /v1/branches/{branchId}/appraisals": write({ year: 2001 }),
  "GET /v1/branches/{branchId}/appraisals": MEMBER_READ,
  "GET /v1/branches/{branchId}/appraisals/{appraisalId}": MEMBER_READ,
  // the member may vote, but not for themselves: a rule, met past the role check
  "PUT /v1/branches/{branchId}/appraisals/{appraisalId}/grades/{memberId}": {
    member: 422,
    auditor: 403,
    body: { grade: "qualified" },
    rule: "appraisal_self_grading",
  },
  "POST /v1/branches/{branchId}/appraisals/{appraisalId}/finalize": write(),
  "POST /v1/branches/{branchId}/secretary-reports": write({
    year: 2001,
    deliveredOn: "2001-12-28",
    dutyReport: "越权",
    integrityReport: "越权",
  }),
  "GET /v1/branches/{branchId}/secretary-reports": READ,
  "GET /v1/branches/{branchId}/secretary-reports/{reportId}": READ,
  "POST /v1/branches/{branchId}/secretary-reports/{reportId}/review": write({ rating: "good" }),
  "POST /v1/branches/{branchId}/model-posts": write({
    memberId: "{memberId}",
    year: 2001,
    title: "越权",
    commitment: "越权",
  }),
  "GET /v1/branches/{branchId}/model-posts": READ,
  "POST /v1/branches/{branchId}/model-posts/{modelPostId}/award": write(),
  "GET /v1/districts/{districtId}/model-posts": DISTRICT_READ,
  "POST /v1/branches/{branchId}/awards": write({
    memberId: "{memberId}",
    year: 2001,
    title: "越权",
    citation: "越权",
  }),
  "GET /v1/branches/{branchId}/awards": READ,
  "GET /v1/districts/{districtId}/awards": DISTRICT_READ,
  "GET /v1/districts/{districtId}/evaluations/rules": DISTRICT_READ,
  "PUT /v1/districts/{districtId}/evaluations/rules": districtWrite("{evaluationRules}"),

  // findings, audit runs, webhooks (audits worker)
  "GET /v1/branches/{branchId}/findings": READ,
  "GET /v1/districts/{districtId}/findings": DISTRICT_READ,
  "POST /v1/branches/{branchId}/findings/{findingId}/acknowledge": write(),
  "POST /v1/branches/{branchId}/findings/{findingId}/resolve": write(),
  "POST /v1/audits/runs": platformOnly({ districtId: "{districtId}" }),
  "GET /v1/audits/runs": {
    member: 403,
    auditor: 200,
    outside: { branch_admin: 403, district_admin: 403, auditor: 200 },
  },
  "GET /v1/audits/runs/{runId}": DISTRICT_READ,
  "PUT /v1/branches/{branchId}/webhook": write({ url: "https://hooks.example.org/intruder" }),
  "GET /v1/branches/{branchId}/webhook": READ,
  "DELETE /v1/branches/{branchId}/webhook": write(),
  "GET /v1/branches/{branchId}/webhook/deliveries": READ,
  "GET /v1/branches/{branchId}/digest": READ,
  "POST /v1/audits/reseal": platformOnly({ shard: 0 }),
};
