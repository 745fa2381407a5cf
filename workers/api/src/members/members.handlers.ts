import {
  getMember,
  insertMembers,
  listMembers,
  type MemberRow,
  releasePersons,
  reservePersons,
  tenantWrite,
  updateMember,
} from "@vanguard/db";
import { checkMemberFacts, failure, MANAGE_BRANCH, READ_BRANCH, READ_OWN, todayIn } from "@vanguard/domain";
import {
  type AppRouteHandler,
  branchScope,
  claimRollPlace,
  decodeCursor,
  duplicatePerson,
  notFound,
  onAnotherRoll,
  ProblemError,
  page,
  refuseDuplicatePerson,
  requireSelfOrAdmin,
  ruleViolation,
  sealedMemberRow,
  sealPersonal,
  writeRequest,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import { keptPage } from "../shared/kept-page";
import type { CreateRoute, GetRoute, ListRoute, PatchRoute } from "./members.routes";
import { memberView } from "./members.view";

export const create: AppRouteHandler<CreateRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const { tc } = await branchScope(c, branchId, MANAGE_BRANCH);
  const today = todayIn(tc.timeZone);
  const failures = checkMemberFacts(body, today);
  if (failures.length) throw ruleViolation(failures);
  const row = await sealedMemberRow(c.env, tc, body, new Date().toISOString());
  const release = await claimRollPlace(c, tc, row);
  const view = memberView(row);
  const result = await tenantWrite(tc, await writeRequest(c, 201), async ({ event }) => {
    await refuseDuplicatePerson(tc, row);
    return {
      statements: insertMembers(tc, [row]),
      events: [event({ action: "member.created", subjectType: "member", subjectId: row.id, after: view })],
      result: view,
    };
  })
    .catch(async (err) => {
      await release([row.id]);
      throw err;
    })
    .catch(duplicatePerson);
  return c.json(result, 201);
};

export const list: AppRouteHandler<ListRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, status, q, includeLeft } = c.req.valid("query");
  const { tc } = await branchScope(c, branchId, READ_BRANCH);
  const role = c.get("principal").role;
  // kept under the district's write count; what a reader may see depends on their role
  const params = [role, limit, cursor ?? null, status ?? null, q ?? null, includeLeft === "true"];
  return keptPage(c, tc, { page: "members", params }, async () => {
    const rows = await listMembers(tc, {
      limit: limit + 1,
      after: decodeCursor(cursor),
      status,
      q,
      includeLeft: includeLeft === "true",
    });
    return page(
      rows,
      limit,
      (m) => m.id,
      (m) => memberView(m, role),
    );
  });
};

export const get: AppRouteHandler<GetRoute, ApiBindings> = async (c) => {
  const { branchId, memberId } = c.req.valid("param");
  const { tc } = await branchScope(c, branchId, READ_OWN);
  requireSelfOrAdmin(c.get("principal"), memberId);
  const m = await getMember(tc, memberId);
  if (!m) throw notFound();
  return c.json(memberView(m, c.get("principal").role), 200);
};

export const patch: AppRouteHandler<PatchRoute, ApiBindings> = async (c) => {
  const { branchId, memberId } = c.req.valid("param");
  const { version, idNumber, phone, ...fields } = c.req.valid("json");
  const { tc } = await branchScope(c, branchId, MANAGE_BRANCH);
  const sealed = await sealPersonal(c.env, { idNumber, phone });
  const plane = c.get("plane");
  // a new identity number is a person the register must not hold elsewhere
  const claim = sealed.idNumberHash
    ? { idHash: sealed.idNumberHash, memberId, districtId: tc.districtId, branchId: tc.branchId }
    : null;
  const verdict = claim ? (await reservePersons(plane, [claim], new Date())).get(claim.idHash) : undefined;
  if (verdict?.kind === "held_elsewhere") throw ruleViolation([await onAnotherRoll(c, verdict.place)]);
  let previousHash: string | null = null;
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
    previousHash = current.idNumberHash;
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
  })
    .catch(async (err) => {
      if (claim && verdict?.kind === "reserved" && verdict.fresh) await releasePersons(plane, [claim]);
      throw err;
    })
    .catch(duplicatePerson);
  // the number it replaced no longer names this member
  if (idNumber !== undefined && previousHash && previousHash !== sealed.idNumberHash) {
    await releasePersons(plane, [{ idHash: previousHash, memberId }]);
  }
  return c.json(result, 200);
};

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
