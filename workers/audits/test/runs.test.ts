import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { type DataEnv, DataPlane, newId } from "@vanguard/db";
import { insertRun } from "@vanguard/db/audits";
import { type Role, todayIn } from "@vanguard/domain";
import { tenantFixture } from "@vanguard/testing/fixtures";
import { moduleCall, principalFor } from "@vanguard/testing/module-harness";
import { describe, expect, it } from "vitest";
import worker from "../src/index";

const plane = () => new DataPlane(env as unknown as DataEnv);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** A run row as the directory would hold it, written at `createdAt`, with nothing queued for it. */
async function runRow(districtId: string | null, createdAt = new Date().toISOString()) {
  const id = newId("run");
  await insertRun(plane(), {
    id,
    date: todayIn("Asia/Shanghai"),
    trigger: "manual",
    shardCount: plane().shardCount,
    districtId,
    createdAt,
    createdBy: "pr_test",
  }).run();
  return id;
}

async function sweep() {
  const ctx = createExecutionContext();
  worker.scheduled(
    createScheduledController({ scheduledTime: new Date(), cron: "*/10 * * * *" }),
    env as never,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

describe("audit runs", () => {
  it("are visible to a district-scoped auditor only when they audited that district", async () => {
    const mine = await tenantFixture();
    const other = await tenantFixture({ shard: 1 });
    const [ownRun, otherRun, everyDistrict] = [
      await runRow(mine.ref.districtId),
      await runRow(other.ref.districtId),
      await runRow(null),
    ];
    const auditor = { ref: mine.ref, role: "auditor" as const };
    expect((await moduleCall(`/v1/audits/runs/${ownRun}`, auditor)).status).toBe(200);
    expect((await moduleCall(`/v1/audits/runs/${otherRun}`, auditor)).status).toBe(404);
    expect((await moduleCall(`/v1/audits/runs/${everyDistrict}`, auditor)).status).toBe(404);
    const listed = await moduleCall("/v1/audits/runs?limit=200", auditor);
    expect(listed.status).toBe(200);
    const ids = listed.body.items.map((r: { id: string }) => r.id);
    expect(ids).toContain(ownRun);
    expect(ids).not.toContain(otherRun);
    expect(ids).not.toContain(everyDistrict);

    // a platform-wide auditor and the platform admin see every run
    const platformAuditor = { ...principalFor("auditor", mine.ref), auditDistricts: null };
    for (const who of [{ principal: platformAuditor }, { role: "platform_admin" as const }]) {
      for (const id of [ownRun, otherRun, everyDistrict]) {
        expect((await moduleCall(`/v1/audits/runs/${id}`, { ref: mine.ref, ...who })).status).toBe(200);
      }
    }
  });

  it("is not there outside its district (404), and refused inside it to a role that does not read runs (403)", async () => {
    const mine = await tenantFixture();
    const other = await tenantFixture({ shard: 1 });
    const run = `/v1/audits/runs/${await runRow(mine.ref.districtId)}`;
    const everyDistrict = `/v1/audits/runs/${await runRow(null)}`;
    const status = async (path: string, ref: typeof mine.ref, role: Role) =>
      (await moduleCall(path, { ref, role })).status;
    // another district's admin and branch; a district is outside a branch's and a member's scope
    expect(await status(run, other.ref, "district_admin")).toBe(404);
    expect(await status(run, other.ref, "branch_admin")).toBe(404);
    expect(await status(run, mine.ref, "branch_admin")).toBe(404);
    expect(await status(run, mine.ref, "member")).toBe(404);
    // the district's own admin sees the district but does not read audit runs
    expect(await status(run, mine.ref, "district_admin")).toBe(403);
    // a run over every district is for platform-wide eyes only
    expect(await status(everyDistrict, mine.ref, "district_admin")).toBe(404);
    expect(await status(everyDistrict, mine.ref, "branch_admin")).toBe(404);
  });

  it("a run whose planner messages were never queued is queued again by the sweep, then completes", async () => {
    const t = await tenantFixture();
    const id = await runRow(t.ref.districtId, hoursAgo(1));
    const admin = { ref: t.ref, role: "platform_admin" as const };
    expect((await moduleCall(`/v1/audits/runs/${id}`, admin)).body.status).toBe("queued");
    await sweep();
    let run = (await moduleCall(`/v1/audits/runs/${id}`, admin)).body;
    for (let i = 0; i < 200 && run.status !== "done"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      run = (await moduleCall(`/v1/audits/runs/${id}`, admin)).body;
    }
    expect(run).toMatchObject({ status: "done", branchesDone: 1, failure: null });
  });

  it("a run still unplanned a day later is marked failed instead of staying queued", async () => {
    const t = await tenantFixture();
    const id = await runRow(t.ref.districtId, hoursAgo(25));
    await sweep();
    const run = (await moduleCall(`/v1/audits/runs/${id}`, { ref: t.ref, role: "platform_admin" })).body;
    expect(run.status).toBe("failed");
    expect(run.failure).toEqual(expect.stringContaining("never"));
  });
});
