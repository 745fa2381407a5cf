import {
  confirmServiceSession,
  currentRules,
  getMember,
  getServiceRegistration,
  insertServiceRegistration,
  insertServiceSession,
  listServiceRegistrations,
  listServiceSessions,
  newId,
  type ServiceRegistrationRow,
  type ServiceSessionRow,
  serviceHoursOnDay,
  serviceSessionByCode,
  sha256Hex,
  tenantContext,
  tenantWrite,
} from "@vanguard/db";
import {
  checkConfirmation,
  checkRegistration,
  checkSession,
  codeExpiresOn,
  failure,
  formatServiceCode,
  MANAGE_BRANCH,
  PRACTICE_RULES_KIND,
  parseServiceCode,
  READ_BRANCH,
  READ_OWN,
  SERVICE_CODE_CHARS,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  internalContext,
  moduleBranch,
  notFound,
  ProblemError,
  page,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { OnboardingBindings } from "../env";
import type {
  ConfirmRoute,
  RecordRoute,
  RegisterRoute,
  RegistrationsRoute,
  ReportRoute,
  SessionsRoute,
  SummaryRoute,
} from "./service.routes";

/** The principal the api worker's public confirmation route signs its forwarded context with. */
export const COMMUNITY_PRINCIPAL_ID = "system:community-confirmation";

function registrationView(r: ServiceRegistrationRow) {
  const { districtId: _d, branchId: _b, ...rest } = r;
  return rest;
}

function sessionView(s: ServiceSessionRow) {
  const { districtId: _d, branchId: _b, codeHash: _h, ...rest } = s;
  return rest;
}

const unknownCode = () =>
  ruleViolation([
    failure(
      "service_code_unknown",
      {
        zh: "确认码无效：请核对支部给出的确认码",
        en: "The confirmation code is not valid; check the code the branch gave",
      },
      {},
    ),
  ]);

export const register: AppRouteHandler<RegisterRoute, OnboardingBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const today = todayIn(tc.timeZone);
  const req = await writeRequest(c, 201);
  const result = await tenantWrite(tc, req, async ({ event }) => {
    const [member, active] = await Promise.all([
      getMember(tc, body.memberId),
      listServiceRegistrations(tc, { memberId: body.memberId, kind: body.kind }),
    ]);
    const failures = checkRegistration({
      kind: body.kind,
      registeredOn: body.registeredOn,
      today,
      status: member && !member.leftOn ? member.status : null,
      alreadyRegistered: active.some((r) => r.endedOn === null),
    });
    if (failures.length) throw ruleViolation(failures);
    const row = {
      id: newId("serviceRegistration"),
      memberId: body.memberId,
      kind: body.kind,
      organization: body.organization,
      contactName: body.contactName ?? null,
      registeredOn: body.registeredOn,
      endedOn: null,
      recordedAt: new Date().toISOString(),
      recordedBy: req.actor.principalId,
      version: 1,
    };
    return {
      statements: [insertServiceRegistration(tc, row)],
      events: [
        event({
          action: "service.registered",
          subjectType: "member",
          subjectId: body.memberId,
          after: {
            registrationId: row.id,
            kind: row.kind,
            organization: row.organization,
            registeredOn: row.registeredOn,
          },
        }),
      ],
      result: row,
    };
  });
  return c.json(registrationView({ ...result, districtId: tc.districtId, branchId: tc.branchId }), 201);
};

export const registrations: AppRouteHandler<RegistrationsRoute, OnboardingBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, memberId, kind } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const self = internalContext(c).principal;
  const who = self.role === "member" ? (self.memberId ?? "") : memberId;
  const after = decodeCursor(cursor);
  const rows = (await listServiceRegistrations(tc, { memberId: who, kind })).filter(
    (r) => !after || r.id > after,
  );
  return c.json(
    page(rows, limit, (r) => r.id, registrationView),
    200,
  );
};

export const record: AppRouteHandler<RecordRoute, OnboardingBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const today = todayIn(tc.timeZone);
  const rules = (await currentRules(c.get("plane"), tc.districtId, PRACTICE_RULES_KIND)).rules;
  const req = await writeRequest(c, 201);
  // the code is drawn once, outside the plan: a replanned write keeps the code its answer shows
  const code = formatServiceCode(tc.branchId, crypto.getRandomValues(new Uint8Array(SERVICE_CODE_CHARS)));
  const codeHash = await sha256Hex(code);
  const result = await tenantWrite(tc, req, async ({ event }) => {
    const reg = await getServiceRegistration(tc, body.registrationId);
    if (!reg) throw notFound();
    const sameDayHours = await serviceHoursOnDay(tc, reg.memberId, body.servedOn);
    const failures = checkSession({
      servedOn: body.servedOn,
      hours: body.hours,
      today,
      registeredOn: reg.registeredOn,
      endedOn: reg.endedOn,
      sameDayHours,
    });
    if (failures.length) throw ruleViolation(failures);
    const row = {
      id: newId("serviceSession"),
      registrationId: reg.id,
      memberId: reg.memberId,
      kind: reg.kind,
      servedOn: body.servedOn,
      hours: body.hours,
      description: body.description,
      status: "pending" as const,
      codeHash,
      codeExpiresOn: codeExpiresOn(today, rules.service.codeValidDays),
      confirmedAt: null,
      confirmedBy: null,
      recordedAt: new Date().toISOString(),
      recordedBy: req.actor.principalId,
      version: 1,
    };
    return {
      statements: [insertServiceSession(tc, row)],
      events: [
        event({
          action: "service.session_recorded",
          subjectType: "member",
          subjectId: reg.memberId,
          // never the code: the log is readable by the district and auditors
          after: { sessionId: row.id, kind: row.kind, servedOn: row.servedOn, hours: row.hours },
        }),
      ],
      result: {
        ...sessionView({ ...row, districtId: tc.districtId, branchId: tc.branchId }),
        confirmationCode: code,
      },
    };
  });
  return c.json(result, 201);
};

export const sessions: AppRouteHandler<SessionsRoute, OnboardingBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, memberId, from, to } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const self = internalContext(c).principal;
  const who = self.role === "member" ? (self.memberId ?? "") : memberId;
  const after = decodeCursor(cursor);
  const key = (s: ServiceSessionRow) => `${s.servedOn}|${s.id}`;
  const rows = (await listServiceSessions(tc, { memberId: who, from, to })).filter(
    (s) => !after || key(s) < after,
  );
  return c.json(page(rows, limit, key, sessionView), 200);
};

function hoursOf(rows: ServiceSessionRow[], kind: "community" | "volunteer") {
  const of = rows.filter((r) => r.kind === kind);
  const sum = (xs: ServiceSessionRow[]) => Math.round(xs.reduce((s, r) => s + r.hours, 0) * 10) / 10;
  return {
    confirmedHours: sum(of.filter((r) => r.status === "confirmed")),
    pendingHours: sum(of.filter((r) => r.status === "pending")),
    sessions: of.length,
  };
}

export const summary: AppRouteHandler<SummaryRoute, OnboardingBindings> = async (c) => {
  const { branchId, memberId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const self = internalContext(c).principal;
  if (self.role === "member" && self.memberId !== memberId) throw notFound();
  if (!(await getMember(tc, memberId))) throw notFound();
  const year = c.req.valid("query").year ?? Number(todayIn(tc.timeZone).slice(0, 4));
  const rows = await listServiceSessions(tc, { memberId, from: `${year}-01-01`, to: `${year}-12-31` });
  return c.json(
    { memberId, year, community: hoursOf(rows, "community"), volunteer: hoursOf(rows, "volunteer") },
    200,
  );
};

export const report: AppRouteHandler<ReportRoute, OnboardingBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const year = c.req.valid("query").year ?? Number(todayIn(tc.timeZone).slice(0, 4));
  const rows = (await listServiceSessions(tc, { from: `${year}-01-01`, to: `${year}-12-31` })).filter(
    (r) => r.status === "confirmed",
  );
  const byMember = new Map<string, { community: number; volunteer: number }>();
  for (const r of rows) {
    const m = byMember.get(r.memberId) ?? { community: 0, volunteer: 0 };
    m[r.kind] = Math.round((m[r.kind] + r.hours) * 10) / 10;
    byMember.set(r.memberId, m);
  }
  const members = await Promise.all(
    [...byMember].map(async ([memberId, h]) => ({
      memberId,
      name: (await getMember(tc, memberId))?.name ?? "",
      ...h,
    })),
  );
  members.sort(
    (a, b) => b.community + b.volunteer - (a.community + a.volunteer) || a.memberId.localeCompare(b.memberId),
  );
  const totals = members.reduce(
    (t, m) => ({
      community: Math.round((t.community + m.community) * 10) / 10,
      volunteer: Math.round((t.volunteer + m.volunteer) * 10) / 10,
    }),
    { community: 0, volunteer: 0 },
  );
  return c.json({ year, members, totals }, 200);
};

/**
 * The community's contact confirms a session with the code the branch gave them. The api worker
 * rate-limits the public route per client address and resolves the branch the code names; here
 * the code must match a pending session of that branch, for the person named, within its time.
 */
export const confirm: AppRouteHandler<ConfirmRoute, OnboardingBindings> = async (c) => {
  const ctx = internalContext(c);
  if (ctx.principal.id !== COMMUNITY_PRINCIPAL_ID || !ctx.tenant) throw new ProblemError("internal_only");
  const body = c.req.valid("json");
  const parsed = parseServiceCode(body.code);
  if (!parsed || parsed.branchId !== ctx.tenant.branchId) throw unknownCode();
  const tc = tenantContext(c.get("plane"), ctx.tenant);
  const today = todayIn(tc.timeZone);
  const codeHash = await sha256Hex(parsed.code);
  const req = await writeRequest(c);
  const result = await tenantWrite(tc, req, async ({ event }) => {
    const s = await serviceSessionByCode(tc, codeHash);
    if (!s) throw unknownCode();
    const member = await getMember(tc, s.memberId);
    const failures = checkConfirmation({
      status: s.status,
      confirmedAt: s.confirmedAt,
      codeExpiresOn: s.codeExpiresOn,
      today,
      memberName: member?.name ?? "",
      personName: body.personName,
    });
    if (failures.length) throw ruleViolation(failures);
    const confirmedAt = new Date().toISOString();
    return {
      statements: confirmServiceSession(tc, s, { confirmedBy: body.confirmedBy, confirmedAt }),
      events: [
        event({
          action: "service.session_confirmed",
          subjectType: "member",
          subjectId: s.memberId,
          before: { sessionId: s.id, status: "pending" },
          after: {
            sessionId: s.id,
            status: "confirmed",
            hours: s.hours,
            servedOn: s.servedOn,
            confirmedBy: body.confirmedBy,
          },
        }),
      ],
      result: {
        sessionId: s.id,
        servedOn: s.servedOn,
        hours: s.hours,
        status: "confirmed" as const,
        confirmedAt,
        confirmedBy: body.confirmedBy,
      },
    };
  });
  return c.json(result, 200);
};
