import {
  type Branch,
  directoryWrite,
  expectChanged,
  insertBranch,
  listBranches,
  newId,
  resolveBranch,
  updateBranch,
} from "@vanguard/db";
import {
  canContain,
  checkRecordsFrom,
  childPath,
  failure,
  MANAGE_BRANCH,
  MANAGE_DISTRICT,
  READ_BRANCH,
  READ_DISTRICT,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  branchScope,
  conflictAs,
  decodeCursor,
  districtScope,
  forgetBranch,
  ProblemError,
  page,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import type { CreateRoute, GetRoute, ListRoute, PatchRoute, SetRecordsFromRoute } from "./branches.routes";

export const view = (b: Branch) => ({
  id: b.id,
  districtId: b.districtId,
  parentId: b.parentId,
  path: b.path,
  kind: b.kind,
  name: b.name,
  foundedOn: b.foundedOn,
  recordsFrom: b.recordsFrom,
  createdAt: b.createdAt,
  updatedAt: b.updatedAt,
  version: b.version,
});

const nameTaken = (name: string) =>
  conflictAs({ zh: `本区已有名为“${name}”的组织`, en: `a unit named "${name}" exists in this district` });

export const create: AppRouteHandler<CreateRoute, ApiBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  const body = c.req.valid("json");
  const { district } = await districtScope(c, districtId, MANAGE_DISTRICT);
  const today = todayIn(district.timeZone);
  const recordsFrom = body.recordsFrom ?? today;
  const refused = checkRecordsFrom(recordsFrom, body.foundedOn, today);
  if (refused.length) throw ruleViolation(refused);
  const plane = c.get("plane");
  let parentPath: string | null = null;
  if (body.parentId) {
    const parent = await resolveBranch(plane, body.parentId);
    if (!parent || parent.districtId !== districtId) {
      throw ruleViolation([
        failure(
          "parent_in_district",
          { zh: "上级组织不在本区", en: "The parent unit is not in this district" },
          { parentId: body.parentId },
        ),
      ]);
    }
    if (!canContain(parent.kind, body.kind)) {
      throw ruleViolation([
        failure(
          "parent_kind",
          {
            zh: `${parent.kind} 不能下设 ${body.kind}`,
            en: `a ${parent.kind} cannot contain a ${body.kind}`,
          },
          { parentKind: parent.kind, kind: body.kind },
        ),
      ]);
    }
    parentPath = parent.path;
  }
  const id = newId("branch");
  const now = new Date().toISOString();
  const row = {
    id,
    districtId,
    parentId: body.parentId ?? null,
    path: childPath(parentPath, id),
    kind: body.kind,
    name: body.name,
    foundedOn: body.foundedOn,
    recordsFrom,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const result = await directoryWrite(plane, await writeRequest(c, 201), districtId, async () => ({
    statements: [insertBranch(plane, row)],
    events: [
      {
        scopeId: districtId,
        districtId,
        action: "branch.created",
        subjectType: "branch",
        subjectId: id,
        after: row,
      },
    ],
    result: view(row),
  })).catch(nameTaken(body.name));
  return c.json(result, 201);
};

export const list: AppRouteHandler<ListRoute, ApiBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  await districtScope(c, districtId, READ_DISTRICT);
  const rows = await listBranches(c.get("plane"), districtId, {
    limit: limit + 1,
    after: decodeCursor(cursor),
  });
  return c.json(
    page(rows, limit, (b) => b.id, view),
    200,
  );
};

export const get: AppRouteHandler<GetRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { branch } = await branchScope(c, branchId, READ_BRANCH, { fresh: true });
  return c.json(view(branch), 200);
};

export const patch: AppRouteHandler<PatchRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { version, ...changes } = c.req.valid("json");
  const { branch } = await branchScope(c, branchId, MANAGE_BRANCH, { fresh: true });
  if (branch.version !== version) throw new ProblemError("version_conflict");
  const plane = c.get("plane");
  const now = new Date().toISOString();
  const after = { ...view(branch), ...changes, updatedAt: now, version: version + 1 };
  const result = await directoryWrite(plane, await writeRequest(c), branch.districtId, async () => ({
    statements: [
      updateBranch(plane, branchId, version, { ...changes, updatedAt: now }),
      expectChanged(plane.directory.d1),
    ],
    events: [
      {
        scopeId: branch.districtId,
        districtId: branch.districtId,
        action: "branch.updated",
        subjectType: "branch",
        subjectId: branchId,
        before: view(branch),
        after,
      },
    ],
    result: after,
  })).catch(nameTaken(changes.name ?? ""));
  forgetBranch(branchId);
  return c.json(result, 200);
};

/**
 * Moves a unit's records start: a district decision (a branch cannot excuse itself from judgement),
 * with its reason in the district's event log beside the day before and after.
 */
export const setRecordsFrom: AppRouteHandler<SetRecordsFromRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { version, recordsFrom, reason } = c.req.valid("json");
  const { branch } = await branchScope(c, branchId, MANAGE_DISTRICT, { fresh: true });
  if (branch.version !== version) throw new ProblemError("version_conflict");
  const refused = checkRecordsFrom(recordsFrom, branch.foundedOn, todayIn(branch.timeZone));
  if (refused.length) throw ruleViolation(refused);
  const plane = c.get("plane");
  const now = new Date().toISOString();
  const after = { ...view(branch), recordsFrom, updatedAt: now, version: version + 1 };
  const result = await directoryWrite(plane, await writeRequest(c), branch.districtId, async () => ({
    statements: [
      updateBranch(plane, branchId, version, { recordsFrom, updatedAt: now }),
      expectChanged(plane.directory.d1),
    ],
    events: [
      {
        scopeId: branch.districtId,
        districtId: branch.districtId,
        action: "branch.records_from_changed",
        subjectType: "branch",
        subjectId: branchId,
        before: { recordsFrom: branch.recordsFrom },
        after: { recordsFrom, reason },
      },
    ],
    result: after,
  }));
  forgetBranch(branchId);
  return c.json(result, 200);
};
