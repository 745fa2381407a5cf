import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { DemoKeys } from "../../scripts/seed/index.mjs";
import { auditDistrict } from "../support/audits";
import { demoDistrict } from "../support/demo";
import { base, type Json, must, tenant } from "../support/http";

/**
 * The reports over HTTP against the `pnpm dev` demo (赣榆区 on shard 0), after an audit run of the
 * district, and across shards with a second district on shard 1.
 */
let demo: DemoKeys;

async function allFindings(districtId: string, key: string): Promise<Json[]> {
  const out: Json[] = [];
  let cursor = "";
  do {
    const page = await must(
      "GET",
      `/v1/districts/${districtId}/findings?limit=200${cursor ? `&cursor=${cursor}` : ""}`,
      { key },
    );
    out.push(...page.items);
    cursor = page.nextCursor ?? "";
  } while (cursor);
  return out;
}

beforeAll(async () => {
  demo = await demoDistrict();
  await auditDistrict(demo.districtId);
});

describe("reports on the demo district", () => {
  it("scores every org unit and agrees with the audit's findings", async () => {
    const r = await must("GET", `/v1/reports/compliance?districtId=${demo.districtId}`, {
      key: demo.keys.auditor,
    });
    expect(r.districts).toEqual([expect.objectContaining({ id: demo.districtId, name: "赣榆区", shard: 0 })]);
    // five units on record from 1 January, and 城南街道党支部 from 1 September
    expect(r.items).toHaveLength(6);
    const byKey = (k: string) => r.items.find((i: Json) => i.branchId === demo.keys.branches[k]!.branchId);
    const econ = byKey("econ");
    const finance = byKey("finance");
    // 财政局第一党支部 skipped its committee meeting in three months: its meetings measure shows it
    expect(finance.meetings.missingPeriods).toBeGreaterThanOrEqual(3);
    expect(finance.meetings.rate).toBeLessThan(econ.meetings.rate);
    // one payer per branch stopped paying in June
    for (const row of [econ, finance]) {
      expect(row.dues.rate).toBeGreaterThan(0.5);
      expect(row.dues.rate).toBeLessThan(1);
      expect(row.score).toBeGreaterThan(0);
      expect(["good", "fair", "poor"]).toContain(row.band);
    }
    // the 党总支 answers for the branch under it: its row adds up that branch's counts
    const organs = r.items.find((i: Json) => i.kind === "general_branch");
    expect(organs).toMatchObject({
      rolledUp: [finance.branchId],
      partyMembers: finance.partyMembers,
      dues: finance.dues,
      meetings: { periodsJudged: finance.meetings.periodsJudged, periodsMet: finance.meetings.periodsMet },
    });
    // the scorecard's open findings are the audit's unresolved findings, branch by branch
    const findings = (await allFindings(demo.districtId, demo.keys.auditor)).filter(
      (f) => f.status !== "resolved",
    );
    for (const row of r.items) {
      const unit = [row.branchId, ...row.rolledUp];
      const mine = findings.filter((f) => unit.includes(f.branchId));
      expect(row.findings.info + row.findings.warning + row.findings.severe, row.branchName).toBe(
        mine.length,
      );
      expect(row.findings.severe, row.branchName).toBe(mine.filter((f) => f.severity === "severe").length);
    }
    expect(econ.pipeline.overdueSteps).toBe(
      findings.filter((f) => f.branchId === econ.branchId && f.rule === "application_talk_overdue").length,
    );
    expect(econ.pipeline.overdueSteps).toBeGreaterThanOrEqual(1);
  });

  it("gives the development funnel as the branches add up", async () => {
    const year = new Date().getFullYear();
    const r = await must("GET", `/v1/reports/development?districtId=${demo.districtId}&year=${year}`, {
      key: demo.keys.districtAdmin,
    });
    const [district] = r.districts;
    for (const stage of ["applied", "activists", "candidates", "admitted", "full"]) {
      expect(district.funnel[stage]).toBe(r.items.reduce((a: number, i: Json) => a + i.funnel[stage], 0));
    }
    expect(district.funnel.applied).toBeGreaterThan(0);
    expect(district.overdueSteps).toBeGreaterThanOrEqual(1);
    const econ = r.items.find((i: Json) => i.branchId === demo.keys.branches.econ!.branchId);
    expect(Object.values(econ.open).reduce((a: number, n) => a + (n as number), 0)).toBeGreaterThan(0);
  });

  it("counts study activity as the study worker's district leaderboard does", async () => {
    const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" })
      .format(new Date())
      .slice(0, 7);
    const r = await must("GET", `/v1/reports/study?districtId=${demo.districtId}&month=${month}`, {
      key: demo.keys.auditor,
    });
    const board = await must(
      "GET",
      `/v1/districts/${demo.districtId}/study/leaderboard?period=month&date=${month}-01&limit=200`,
      { key: demo.keys.auditor },
    );
    for (const b of board.items as Json[]) {
      const row = r.items.find((i: Json) => i.branchId === b.branchId);
      expect(row.activeMembers, row.branchName).toBe(b.activeMembers);
      expect(row.points, row.branchName).toBe(b.points);
    }
    expect(r.items.some((i: Json) => i.activeMembers > 0)).toBe(true);
  });

  it("answers UTF-8 CSV with a BOM and a header row, streamed", async () => {
    const res = await fetch(`${base()}/v1/reports/compliance?districtId=${demo.districtId}`, {
      headers: { authorization: `Bearer ${demo.keys.auditor}`, accept: "text/csv" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-length")).toBeNull();
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n").filter(Boolean);
    expect(lines[0]!.split(",").slice(0, 3)).toEqual(["区县", "组织名称", "组织编号"]);
    expect(lines).toHaveLength(7);
    expect(lines.some((l) => l.startsWith("赣榆区,经济信息中心党支部,"))).toBe(true);
  });
});

describe("reports across shards", () => {
  it("merges a platform-wide report from both shards, and keeps each key in its scope", async () => {
    const other = await tenant(1);
    const all = await must("GET", "/v1/reports/compliance");
    const shards = new Map(all.districts.map((d: Json) => [d.id, d.shard]));
    expect(shards.get(demo.districtId)).toBe(0);
    expect(shards.get(other.district.id)).toBe(1);
    expect(all.items.some((i: Json) => i.branchId === other.branch.id)).toBe(true);
    expect(all.items.some((i: Json) => i.branchId === demo.keys.branches.econ!.branchId)).toBe(true);

    const mine = await must("GET", "/v1/reports/compliance", { key: other.districtKey });
    expect(mine.items.map((i: Json) => i.branchId)).toEqual([other.branch.id]);
    const res = await fetch(`${base()}/v1/reports/compliance?districtId=${demo.districtId}`, {
      headers: { authorization: `Bearer ${other.districtKey}` },
    });
    expect(res.status).toBe(404);
  });

  it("sends a repeated report as kept, gzip-compressed to a client that accepts it, and anew after a write", async () => {
    const t = await tenant(0);
    const url = `/v1/reports/compliance?districtId=${t.district.id}`;
    const plain = await must("GET", url, { key: t.districtKey });
    // the bytes as they travel (fetch would decompress them on its own)
    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const req = request(
        `${base()}${url}`,
        { headers: { authorization: `Bearer ${t.districtKey}`, "accept-encoding": "gzip" } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(raw.headers["content-encoding"]).toBe("gzip");
    expect(raw.headers.vary).toContain("Accept-Encoding");
    // the kept answer itself: the same generatedAt as the first request's
    expect(JSON.parse(gunzipSync(raw.body).toString("utf8"))).toEqual(plain);

    // a member joins the roll: the next report counts them
    expect(plain.items[0].partyMembers).toBe(0);
    await must("POST", `/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      body: { name: "赵新", gender: "male", birthDate: "1980-01-01", status: "full", joinedOn: "2005-07-01" },
    });
    const after = await must("GET", url, { key: t.districtKey });
    expect(after.items[0].partyMembers).toBe(1);
    expect(after.generatedAt > plain.generatedAt).toBe(true);
  });
});
