import {
  type DuesBasisRow,
  type DuesPaymentRow,
  duesMonth,
  getDuesBasis,
  getMember,
  getPayment,
  insertPayment,
  newId,
  type TenantContext,
  tenantWrite,
  upsertDuesBasis,
} from "@vanguard/db";
import {
  addMonthsToMonth,
  checkPayment,
  failure,
  fenToYuan,
  firstJudgedMonth,
  isPartyMember,
  MANAGE_BRANCH,
  monthlyDueFen,
  monthOf,
  READ_OWN,
  todayIn,
  yuanToFen,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  branchScope,
  conflictAs,
  decodeCursor,
  forbidden,
  notFound,
  ProblemError,
  page,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import { keptPage } from "../shared/kept-page";
import { LOOKBACK_MONTHS, memberArrears } from "./dues.arrears";
import type { OverviewRoute, RecordPaymentRoute, SetBasisRoute } from "./dues.routes";

const basisView = (b: DuesBasisRow) => ({
  memberId: b.memberId,
  year: b.year,
  category: b.category,
  monthlyIncome: fenToYuan(b.monthlyIncomeFen),
  fixedAmount: b.fixedFen === null ? null : fenToYuan(b.fixedFen),
  monthlyDue: fenToYuan(b.monthlyDueFen),
  version: b.version,
});

const paymentView = (p: DuesPaymentRow) => ({
  id: p.id,
  memberId: p.memberId,
  month: p.month,
  amount: fenToYuan(p.amountFen),
  paidOn: p.paidOn,
  late: monthOf(p.paidOn) > p.month,
  recordedAt: p.recordedAt,
});

export const setBasis: AppRouteHandler<SetBasisRoute, ApiBindings> = async (c) => {
  const { branchId, memberId } = c.req.valid("param");
  const body = c.req.valid("json");
  const { tc } = await branchScope(c, branchId, MANAGE_BRANCH);
  const year = body.year ?? Number(todayIn(tc.timeZone).slice(0, 4));
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const member = await getMember(tc, memberId);
    if (!member || member.leftOn) throw notFound();
    if (!isPartyMember(member.status)) {
      throw ruleViolation([
        failure(
          "dues_party_members_only",
          { zh: "只有预备党员和正式党员交纳党费", en: "Only party members pay dues" },
          { status: member.status },
        ),
      ]);
    }
    const before = await getDuesBasis(tc, memberId, year);
    const fixedFen = body.fixedAmount === undefined ? null : yuanToFen(body.fixedAmount);
    const row = {
      memberId,
      year,
      category: body.category,
      monthlyIncomeFen: yuanToFen(body.monthlyIncome),
      fixedFen,
      monthlyDueFen: monthlyDueFen({
        category: body.category,
        monthlyIncome: body.monthlyIncome,
        fixedFen: fixedFen ?? undefined,
      }),
      setAt: new Date().toISOString(),
    };
    const after = basisView({
      ...row,
      branchId,
      districtId: tc.districtId,
      version: (before?.version ?? 0) + 1,
    });
    return {
      statements: [upsertDuesBasis(tc, row)],
      events: [
        event({
          action: "dues.basis_set",
          subjectType: "member",
          subjectId: memberId,
          before: before ? basisView(before) : undefined,
          after,
        }),
      ],
      result: after,
    };
  });
  return c.json(result, 200);
};

export const recordPayment: AppRouteHandler<RecordPaymentRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const { tc } = await branchScope(c, branchId, MANAGE_BRANCH);
  const today = todayIn(tc.timeZone);
  const paidOn = body.paidOn ?? today;
  if (paidOn > today) {
    throw ruleViolation([
      failure(
        "paid_on_in_future",
        { zh: "交纳日期不能晚于今天", en: "The payment date is in the future" },
        { paidOn, today },
      ),
    ]);
  }
  const taken = {
    zh: `该党员 ${body.month} 的党费已登记`,
    en: `Dues for ${body.month} are already recorded for this member`,
  };
  const result = await tenantWrite(tc, await writeRequest(c, 201), async ({ event }) => {
    const member = await getMember(tc, body.memberId);
    if (!member || member.leftOn) throw notFound();
    const basis = await getDuesBasis(tc, body.memberId, Number(body.month.slice(0, 4)));
    const amountFen = yuanToFen(body.amount);
    const failures = checkPayment({
      status: member.status,
      joinedOn: member.joinedOn,
      month: body.month,
      today,
      monthlyDueFen: basis?.monthlyDueFen ?? null,
      amountFen,
    });
    if (failures.length) throw ruleViolation(failures);
    if (await getPayment(tc, body.memberId, body.month)) throw new ProblemError("conflict", taken);
    const row = {
      id: newId("payment"),
      memberId: body.memberId,
      month: body.month,
      amountFen,
      paidOn,
      recordedAt: new Date().toISOString(),
      recordedBy: c.get("principal").id,
    };
    const view = paymentView({ ...row, branchId, districtId: tc.districtId, importedFrom: null });
    return {
      statements: [insertPayment(tc, row)],
      events: [event({ action: "dues.paid", subjectType: "member", subjectId: body.memberId, after: view })],
      result: view,
    };
  }).catch(conflictAs(taken));
  return c.json(result, 201);
};

export const overview: AppRouteHandler<OverviewRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, month: asked } = c.req.valid("query");
  const { tc } = await branchScope(c, branchId, READ_OWN);
  const principal = c.get("principal");
  // a member reads their own line: what they owe and paid is theirs to know, not the others'
  const only = principal.role === "member" ? principal.memberId : undefined;
  if (only === null) throw forbidden();
  const month = asked ?? monthOf(todayIn(tc.timeZone));
  // kept under the district's write count: computed again after any write to the district
  return keptPage(c, tc, { page: "dues", params: [month, limit, cursor ?? null, only ?? null] }, () =>
    duesOfMonth(tc, month, { limit, cursor, only }),
  );
};

async function duesOfMonth(
  tc: TenantContext,
  month: string,
  { limit, cursor, only }: { limit: number; cursor?: string; only?: string },
) {
  const year = Number(month.slice(0, 4));
  const fromMonth = addMonthsToMonth(month, -LOOKBACK_MONTHS);
  const current = monthOf(todayIn(tc.timeZone));
  // one round trip: the page, its bases and payments, and the month's totals
  const {
    members: rows,
    bases,
    paid: paidMonths,
    totals,
  } = await duesMonth(
    tc,
    { limit: limit + 1, after: decodeCursor(cursor), statuses: ["probationary", "full"], only },
    { year, fromMonth, month, recordsFrom: tc.recordsFrom },
  );
  const paged = page(rows, limit, (m) => m.id);
  const basisOf = new Map(bases.map((b) => [b.memberId, b]));
  const paidBy = new Map(paidMonths.map((p) => [p.memberId, p]));
  const items = paged.items
    .filter((m) => !m.joinedOn || monthOf(m.joinedOn) <= month)
    .map((m) => {
      const paid = paidBy.get(m.id);
      const due = memberArrears(tc.recordsFrom, m, { month, fromMonth, current }, new Set(paid?.months));
      const basis = basisOf.get(m.id);

      return {
        memberId: m.id,
        name: m.name,
        status: m.status,
        monthlyDue: basis ? fenToYuan(basis.monthlyDueFen) : null,
        paid: paid?.amountFen != null ? fenToYuan(paid.amountFen) : 0,
        paidOn: paid?.paidOn ?? null,
        ...due,
      };
    });
  return {
    month,
    recordsFrom: tc.recordsFrom,
    noRecords: tc.recordsFrom !== null && month < firstJudgedMonth(tc.recordsFrom),
    totals: {
      expected: fenToYuan(totals.expectedFen),
      collected: fenToYuan(totals.collectedFen),
      membersDue: totals.membersDue,
      membersPaid: totals.membersPaid,
    },
    items,
    nextCursor: paged.nextCursor,
  };
}
