import {
  type ApiKey,
  directoryWrite,
  expectChanged,
  getCurrentMembers,
  getDistrict,
  getKey,
  insertKey,
  insertPrincipal,
  listBranchKeys,
  newId,
  type Principal as PrincipalRow,
  resolveBranch,
  revokeKey,
} from "@vanguard/db";
import { failure, MANAGE_BRANCH, PLATFORM_ONLY, READ_BRANCH, type Role } from "@vanguard/domain";
import {
  type AppRouteHandler,
  actorOf,
  branchScope,
  decodeCursor,
  districtScope,
  forbidden,
  forgetKey,
  generateKey,
  hashKey,
  keyPrefix,
  notFound,
  type Principal,
  page,
  requireRole,
  ruleViolation,
  seesBranch,
  seesDistrict,
  writeRequest,
} from "@vanguard/platform";
import type { Context } from "hono";
import type { ApiBindings, ApiEnv } from "../env";
import type {
  IssueBranchKeyRoute,
  IssueDistrictKeyRoute,
  IssuePlatformKeyRoute,
  ListBranchKeysRoute,
  RevokeRoute,
} from "./keys.routes";

interface Holder {
  role: Role;
  districtId: string | null;
  branchId: string | null;
  memberId: string | null;
  auditDistricts: string[] | null;
  label: string;
}

type HolderView = Omit<PrincipalRow, "auditDistricts"> & { auditDistricts: string[] | null };

function summary(key: Pick<ApiKey, "id" | "prefix" | "createdAt">, p: HolderView) {
  return {
    id: key.id,
    prefix: key.prefix,
    principalId: p.id,
    role: p.role,
    districtId: p.districtId,
    branchId: p.branchId,
    memberId: p.memberId,
    auditDistricts: p.auditDistricts,
    label: p.label,
    createdAt: key.createdAt,
  };
}

/** Creates the holder and its key in one write; the key itself is returned once and never stored. */
async function issue(c: Context<ApiEnv>, holder: Holder, chain: string) {
  const plane = c.get("plane");
  const key = generateKey();
  const now = new Date().toISOString();
  const principal = {
    id: newId("principal"),
    ...holder,
    auditDistricts: holder.auditDistricts ? JSON.stringify(holder.auditDistricts) : null,
    createdAt: now,
    createdBy: c.get("principal").id,
  };
  const keyRow = {
    id: newId("key"),
    principalId: principal.id,
    hash: await hashKey(key),
    prefix: keyPrefix(key),
    createdAt: now,
  };
  const shown = summary(keyRow, { ...principal, auditDistricts: holder.auditDistricts });
  return directoryWrite(plane, await writeRequest(c, 201), chain, async () => ({
    statements: [insertPrincipal(plane, principal), insertKey(plane, keyRow)],
    events: [
      {
        scopeId: chain,
        districtId: holder.districtId ?? "platform",
        action: "key.issued",
        subjectType: "key",
        subjectId: keyRow.id,
        after: shown,
      },
    ],
    result: { ...shown, key },
    replay: { ...shown, key: null },
  }));
}

export const issueDistrictKey: AppRouteHandler<IssueDistrictKeyRoute, ApiBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { role, label } = c.req.valid("json");
  await districtScope(c, districtId, PLATFORM_ONLY);
  const issued = await issue(
    c,
    {
      role,
      label,
      districtId,
      branchId: null,
      memberId: null,
      auditDistricts: role === "auditor" ? [districtId] : null,
    },
    districtId,
  );
  return c.json(issued, 201);
};

export const issuePlatformKey: AppRouteHandler<IssuePlatformKeyRoute, ApiBindings> = async (c) => {
  requireRole(c.get("principal"), PLATFORM_ONLY);
  const { role, label, districtIds } = c.req.valid("json");
  if (role === "auditor" && districtIds) {
    const plane = c.get("plane");
    const unique = [...new Set(districtIds)];
    const found = await Promise.all(unique.map((id) => getDistrict(plane, id)));
    const missing = unique.filter((_, i) => !found[i]);
    if (missing.length) {
      throw ruleViolation([
        failure("districts_exist", { zh: "有区不存在", en: "Some districts do not exist" }, { missing }),
      ]);
    }
  }
  const issued = await issue(
    c,
    {
      role,
      label,
      districtId: null,
      branchId: null,
      memberId: null,
      auditDistricts: role === "auditor" ? (districtIds ? [...new Set(districtIds)] : null) : null,
    },
    "platform",
  );
  return c.json(issued, 201);
};

export const issueBranchKey: AppRouteHandler<IssueBranchKeyRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { role, memberId, label } = c.req.valid("json");
  const { branch, tc } = await branchScope(c, branchId, MANAGE_BRANCH);
  if (role === "member") {
    const [member] = memberId ? await getCurrentMembers(tc, [memberId]) : [];
    if (!member) {
      throw ruleViolation([
        failure(
          "member_key_names_member",
          { zh: "成员密钥须指定本支部的党员", en: "A member key must name a member of this branch" },
          { memberId: memberId ?? null },
        ),
      ]);
    }
  }
  const issued = await issue(
    c,
    {
      role,
      label,
      districtId: branch.districtId,
      branchId,
      memberId: role === "member" ? (memberId ?? null) : null,
      auditDistricts: null,
    },
    branch.districtId,
  );
  return c.json(issued, 201);
};

export const listBranchKeysHandler: AppRouteHandler<ListBranchKeysRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  await branchScope(c, branchId, READ_BRANCH);
  const rows = await listBranchKeys(c.get("plane"), branchId, {
    limit: limit + 1,
    after: decodeCursor(cursor),
  });
  return c.json(
    page(
      rows,
      limit,
      (r) => r.key.id,
      (r) => ({
        ...summary(r.key, {
          ...r.principal,
          auditDistricts: r.principal.auditDistricts ? JSON.parse(r.principal.auditDistricts) : null,
        }),
        revokedAt: r.key.revokedAt,
      }),
    ),
    200,
  );
};

/**
 * Who may revoke a key: its holder; a platform admin, any key; a district or branch admin, the
 * keys of branches in its scope. A caller who cannot see the key's scope gets 404, one who can see
 * it but may not revoke gets 403.
 */
async function revokeDecision(
  c: Context<ApiEnv>,
  p: Principal,
  holder: PrincipalRow,
): Promise<"allow" | 403 | 404> {
  if (holder.id === p.id || p.role === "platform_admin") return "allow";
  let visible = false;
  if (holder.branchId) {
    const branch = await resolveBranch(c.get("plane"), holder.branchId);
    visible = !!branch && seesBranch(p, branch);
  } else if (holder.districtId) {
    visible = seesDistrict(p, holder.districtId);
  }
  if (!visible) return 404;
  return holder.branchId && (p.role === "district_admin" || p.role === "branch_admin") ? "allow" : 403;
}

export const revoke: AppRouteHandler<RevokeRoute, ApiBindings> = async (c) => {
  const { keyId } = c.req.valid("param");
  const p = c.get("principal");
  const plane = c.get("plane");
  const key = await getKey(plane, keyId);
  const decision = key ? await revokeDecision(c, p, key.principal) : 404;
  if (decision === 404 || !key) throw notFound();
  if (decision === 403) throw forbidden();
  if (!key.revokedAt) {
    const now = new Date().toISOString();
    const chain = key.principal.districtId ?? "platform";
    await directoryWrite(plane, { actor: actorOf(c) }, chain, async () => ({
      statements: [revokeKey(plane, keyId, now, p.id), expectChanged(plane.directory.d1)],
      events: [
        {
          scopeId: chain,
          districtId: chain,
          action: "key.revoked",
          subjectType: "key",
          subjectId: keyId,
          after: { revokedAt: now, revokedBy: p.id },
        },
      ],
      result: null,
    }));
  }
  forgetKey(keyId);
  return c.body(null, 204);
};
