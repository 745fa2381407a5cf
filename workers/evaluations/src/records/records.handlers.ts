import { newId, type TenantContext, tenantWrite } from "@vanguard/db";
import {
  correctionsOf,
  currentPeople,
  getRecord,
  insertRecord,
  listRecords,
  namesOf,
  type RecordFilter,
  type WorkRecordRow,
} from "@vanguard/db/evaluations";
import {
  checkRecord,
  MANAGE_BRANCH,
  READ_BRANCH,
  READ_OWN,
  type RecordKind,
  todayIn,
} from "@vanguard/domain";
import {
  type AppEnv,
  type AppRouteHandler,
  conflictAs,
  decodeCursor,
  moduleBranch,
  notFound,
  page,
  requireSelfOrAdmin,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { Context } from "hono";
import type {
  CreateBranchRoute,
  CreateMemberRoute,
  GetRoute,
  ListBranchRoute,
  ListMemberRoute,
} from "./records.routes";

function recordView(r: WorkRecordRow, names: Map<string, string>, corrections: Map<string, string>) {
  return {
    id: r.id,
    branchId: r.branchId,
    subject: r.memberId ? ("member" as const) : ("branch" as const),
    memberId: r.memberId,
    memberName: r.memberId ? (names.get(r.memberId) ?? null) : null,
    kind: r.kind as RecordKind,
    occurredOn: r.occurredOn,
    content: r.content,
    correctsId: r.correctsId,
    correctedById: corrections.get(r.id) ?? null,
    recordedAt: r.recordedAt,
  };
}

const ALREADY_CORRECTED = {
  zh: "该记录已有更正，请更正最新的那一条",
  en: "That record was already corrected; correct the latest record instead",
};

async function record(
  c: Context<AppEnv>,
  tc: TenantContext,
  memberId: string | null,
  body: { kind: RecordKind; occurredOn: string; content: string; correctsId?: string },
) {
  const today = todayIn(tc.timeZone);
  return tenantWrite(tc, await writeRequest(c, 201), async ({ event }) => {
    let name: string | null = null;
    if (memberId) {
      const person = (await currentPeople(tc, [memberId])).get(memberId);
      if (!person) throw notFound();
      name = person.name;
    }
    const correctsId = body.correctsId ?? null;
    const target = correctsId ? await getRecord(tc, correctsId) : undefined;
    const corrected = correctsId ? await correctionsOf(tc, [correctsId]) : new Map<string, string>();
    const failures = checkRecord({
      occurredOn: body.occurredOn,
      today,
      memberId,
      correctsId,
      target: target
        ? { id: target.id, memberId: target.memberId, correctedById: corrected.get(target.id) ?? null }
        : null,
    });
    if (failures.length) throw ruleViolation(failures);
    const row = {
      id: newId("record"),
      memberId,
      kind: body.kind,
      occurredOn: body.occurredOn,
      content: body.content,
      correctsId,
      recordedAt: new Date().toISOString(),
      recordedBy: c.get("principal").id,
    };
    const view = recordView(
      { ...row, districtId: tc.districtId, branchId: tc.branchId },
      new Map(memberId && name ? [[memberId, name]] : []),
      new Map(),
    );
    return {
      statements: [insertRecord(tc, row)],
      events: [
        event({
          action: correctsId ? "record.corrected" : "record.created",
          subjectType: memberId ? "member" : "branch",
          subjectId: memberId ?? tc.branchId,
          after: view,
        }),
      ],
      result: view,
    };
  }).catch(conflictAs(ALREADY_CORRECTED));
}

async function listed(tc: TenantContext, f: RecordFilter, limit: number) {
  const rows = await listRecords(tc, { ...f, limit: limit + 1 });
  const paged = page(rows, limit, (r) => r.id);
  const [names, corrections] = await Promise.all([
    namesOf(
      tc,
      paged.items.map((r) => r.memberId),
    ),
    correctionsOf(
      tc,
      paged.items.map((r) => r.id),
    ),
  ]);
  return { items: paged.items.map((r) => recordView(r, names, corrections)), nextCursor: paged.nextCursor };
}

export const createBranch: AppRouteHandler<CreateBranchRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  return c.json(await record(c, tc, null, c.req.valid("json")), 201);
};

export const createMember: AppRouteHandler<CreateMemberRoute> = async (c) => {
  const { branchId, memberId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  return c.json(await record(c, tc, memberId, c.req.valid("json")), 201);
};

export const listBranch: AppRouteHandler<ListBranchRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, subject, kind, from, to } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const filter: RecordFilter = { kind, from, to, after: decodeCursor(cursor), limit };
  if (subject === "branch") filter.memberId = null;
  if (subject === "member") filter.membersOnly = true;
  return c.json(await listed(tc, filter, limit), 200);
};

export const listMember: AppRouteHandler<ListMemberRoute> = async (c) => {
  const { branchId, memberId } = c.req.valid("param");
  const { limit, cursor, kind, from, to } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_OWN);
  requireSelfOrAdmin(c.get("principal"), memberId);
  return c.json(
    await listed(tc, { memberId, kind, from, to, after: decodeCursor(cursor), limit }, limit),
    200,
  );
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { branchId, recordId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const r = await getRecord(tc, recordId);
  if (!r) throw notFound();
  const [names, corrections] = await Promise.all([namesOf(tc, [r.memberId]), correctionsOf(tc, [r.id])]);
  return c.json(recordView(r, names, corrections), 200);
};
