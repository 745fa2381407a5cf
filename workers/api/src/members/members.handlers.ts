import {
  existingIdNumberHashes,
  getMember,
  insertMembers,
  listMembers,
  type MemberRow,
  newId,
  tenantWrite,
  updateMember,
} from "@vanguard/db";
import { checkMemberFacts, failure, todayIn } from "@vanguard/domain";
import {
  type AppRouteHandler,
  branchScope,
  conflictAs,
  decodeCursor,
  notFound,
  ProblemError,
  page,
  requireSelfOrAdmin,
  ruleViolation,
  sealPersonal,
  writeRequest,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import { MANAGE_BRANCH, READ_BRANCH } from "../shared/roles";
import type { CreateRoute, GetRoute, ListRoute, PatchRoute } from "./members.routes";
import { memberView } from "./members.view";

const DUPLICATE_PERSON = {
  zh: "本支部已有相同身份证号的人员",
  en: "A person with this identity number is already on the branch roll",
};
const duplicatePerson = conflictAs(DUPLICATE_PERSON);

export const create: AppRouteHandler<CreateRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const { tc } = await branchScope(c, branchId, MANAGE_BRANCH);
  const today = todayIn(tc.timeZone);
  const failures = checkMemberFacts(body, today);
  if (failures.length) throw ruleViolation(failures);
  const sealed = await sealPersonal(c.env.MEMBER_DATA_KEY, {
    idNumber: body.idNumber ?? null,
    phone: body.phone ?? null,
  });
  const now = new Date().toISOString();
  const row: MemberRow = {
    id: newId("member"),
    districtId: tc.districtId,
    branchId: tc.branchId,
    name: body.name,
    gender: body.gender,
    birthDate: body.birthDate,
    status: body.status,
    joinedOn: body.joinedOn ?? null,
    joinedBranchOn: body.joinedBranchOn ?? today,
    idNumberEnc: null,
    idNumberHash: null,
    idNumberMasked: null,
    phoneEnc: null,
    phoneMasked: null,
    ...sealed,
    education: body.education ?? null,
    leftOn: null,
    leftReason: null,
    transferId: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const view = memberView(row);
  const result = await tenantWrite(tc, await writeRequest(c, 201), async ({ event }) => {
    if (row.idNumberHash && (await existingIdNumberHashes(tc, [row.idNumberHash])).size) {
      throw new ProblemError("conflict", DUPLICATE_PERSON);
    }
    return {
      statements: insertMembers(tc, [row]),
      events: [event({ action: "member.created", subjectType: "member", subjectId: row.id, after: view })],
      result: view,
    };
  }).catch(duplicatePerson);
  return c.json(result, 201);
};

export const list: AppRouteHandler<ListRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, status, q, includeLeft } = c.req.valid("query");
  const { tc } = await branchScope(c, branchId, READ_BRANCH);
  const rows = await listMembers(tc, {
    limit: limit + 1,
    after: decodeCursor(cursor),
    status,
    q,
    includeLeft: includeLeft === "true",
  });
  return c.json(
    page(rows, limit, (m) => m.id, memberView),
    200,
  );
};

export const get: AppRouteHandler<GetRoute, ApiBindings> = async (c) => {
  const { branchId, memberId } = c.req.valid("param");
  const { tc } = await branchScope(c, branchId, [...READ_BRANCH, "member"]);
  requireSelfOrAdmin(c.get("principal"), memberId);
  const m = await getMember(tc, memberId);
  if (!m) throw notFound();
  return c.json(memberView(m), 200);
};

export const patch: AppRouteHandler<PatchRoute, ApiBindings> = async (c) => {
  const { branchId, memberId } = c.req.valid("param");
  const { version, idNumber, phone, ...fields } = c.req.valid("json");
  const { tc } = await branchScope(c, branchId, MANAGE_BRANCH);
  const sealed = await sealPersonal(c.env.MEMBER_DATA_KEY, { idNumber, phone });
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const current = await getMember(tc, memberId);
    if (!current) throw notFound();
    if (current.leftOn) {
      throw ruleViolation([
        failure(
          "member_left",
          {
            zh: "该党员已转出本支部，记录不可修改",
            en: "This member has left the branch; the record is closed",
          },
          { leftOn: current.leftOn },
        ),
      ]);
    }
    if (current.version !== version) throw new ProblemError("version_conflict");
    const next: MemberRow = { ...current, ...stripUndefined(fields), ...sealed };
    const failures = checkMemberFacts(
      { ...next, idNumber: idNumber === undefined ? null : idNumber },
      todayIn(tc.timeZone),
    );
    if (failures.length) throw ruleViolation(failures);
    const now = new Date().toISOString();
    const after = memberView({ ...next, updatedAt: now, version: version + 1 });
    return {
      statements: updateMember(tc, memberId, version, { ...stripUndefined(fields), ...sealed }, now),
      events: [
        event({
          action: "member.updated",
          subjectType: "member",
          subjectId: memberId,
          before: memberView(current),
          after,
        }),
      ],
      result: after,
    };
  }).catch(duplicatePerson);
  return c.json(result, 200);
};

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
