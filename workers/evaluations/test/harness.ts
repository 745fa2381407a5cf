import { type DataPlane, replaceCommittee, type TenantContext, type TenantRef } from "@vanguard/db";
import { addQuarters, quarterOf, type Role, todayIn } from "@vanguard/domain";
import { memberFixture, tenantFixture } from "@vanguard/testing/fixtures";
import { moduleCall, principalFor } from "@vanguard/testing/module-harness";

export const today = () => todayIn("Asia/Shanghai");
export const thisQuarter = () => quarterOf(today());
export const lastQuarter = () => addQuarters(thisQuarter(), -1);
export const thisYear = () => Number(today().slice(0, 4));

export interface Branch {
  ref: TenantRef;
  tc: TenantContext;
  plane: DataPlane;
  secretary: string;
  organization: string;
  propaganda: string;
  /** full members without a committee post */
  others: string[];
  call: (path: string, opts?: CallOpts) => ReturnType<typeof moduleCall>;
  /** `/v1/branches/{id}` */
  b: string;
  /** `/v1/districts/{id}` */
  d: string;
}

export interface CallOpts {
  role?: Role;
  /** a member key: `{ role: "member", memberId }` */
  memberId?: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A branch on the chosen shard with a committee (secretary, organization, propaganda) and more
 * full members, written through the real data layer.
 */
export async function branchWithCommittee(opts: { shard?: number; others?: number } = {}): Promise<Branch> {
  const { ref, tc, plane } = await tenantFixture({ shard: opts.shard ?? 0 });
  const names = ["王书记", "李组织", "张宣传"];
  const [secretary, organization, propaganda] = await Promise.all(
    names.map((name) => memberFixture(tc, { name })),
  );
  const others = await Promise.all(
    Array.from({ length: opts.others ?? 3 }, (_, i) => memberFixture(tc, { name: `党员${i + 1}` })),
  );
  await tc.shard.d1.batch(
    replaceCommittee(
      tc,
      { termStart: "2024-03-01", termEnd: "2027-03-01", updatedAt: new Date().toISOString(), version: 1 },
      [
        { memberId: secretary!.id, post: "secretary" },
        { memberId: organization!.id, post: "organization" },
        { memberId: propaganda!.id, post: "propaganda" },
      ],
    ),
  );
  const call = (path: string, o: CallOpts = {}) =>
    moduleCall(path, {
      ref,
      method: o.method,
      body: o.body,
      headers: o.headers,
      principal: o.memberId
        ? principalFor("member", ref, o.memberId)
        : principalFor(o.role ?? "branch_admin", ref),
    });
  return {
    ref,
    tc,
    plane,
    secretary: secretary!.id,
    organization: organization!.id,
    propaganda: propaganda!.id,
    others: others.map((m) => m.id),
    call,
    b: `/v1/branches/${ref.branchId}`,
    d: `/v1/districts/${ref.districtId}`,
  };
}

/** The branch's event log length: a refused write must not add to it. */
export async function eventCount(t: Branch): Promise<number> {
  const row = await t.tc.shard.d1
    .prepare("SELECT count(*) AS n FROM events WHERE scope_id = ?")
    .bind(t.ref.branchId)
    .first<{ n: number }>();
  return row!.n;
}

export const DEFAULT_ITEMS = [
  { code: "organization", title: "组织建设", maxScore: 20, ownerPost: "secretary" },
  { code: "meetings", title: "三会一课", maxScore: 30, ownerPost: "organization" },
  { code: "education", title: "教育培训", maxScore: 20, ownerPost: "propaganda" },
  { code: "dues", title: "党费收缴", maxScore: 10, ownerPost: "organization" },
  { code: "integrity", title: "党风廉政", maxScore: 10, ownerPost: "discipline" },
  { code: "records", title: "档案写实", maxScore: 10 },
];

export async function templateIn(t: Branch, items = DEFAULT_ITEMS): Promise<{ id: string; version: number }> {
  const res = await t.call(`${t.d}/inspection-templates`, {
    role: "district_admin",
    body: { name: "党支部季度检查表", items },
  });
  if (res.status !== 201) throw new Error(`template: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
