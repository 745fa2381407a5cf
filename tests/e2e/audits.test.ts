import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SKIPPING_BRANCH, skippedCommitteeMonths } from "../../scripts/seed/study.mjs";
import { auditDistrict, waitForRun } from "../support/audits";
import { demoDistrict } from "../support/demo";
import { base, http, must, putCommittee, tenant } from "../support/http";

/** Fires the daily audit the way the platform does, through wrangler's scheduled endpoint. */
async function cronRun() {
  const before = (await must("GET", "/v1/audits/runs?limit=1")).items[0]?.id;
  const res = await fetch(`${base()}/__scheduled?cron=${encodeURIComponent("0 18 * * *")}`);
  expect(res.status).toBe(200);
  for (let i = 0; i < 100; i++) {
    const newest = (await must("GET", "/v1/audits/runs?limit=1")).items[0];
    if (newest && newest.id !== before) return waitForRun(newest.id);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the cron started no run");
}

async function branchFindings(branchId: string, key: string) {
  const page = await must("GET", `/v1/branches/${branchId}/findings?limit=200`, { key });
  return page.items as {
    id: string;
    rule: string;
    severity: string;
    status: string;
    period: string;
    subject: { id: string };
  }[];
}

describe("the daily audit on the local stack", () => {
  it("finds what is wrong in the demo district, and a second run changes nothing", async () => {
    const demo = await demoDistrict();
    const first = await cronRun();
    expect(first.status).toBe("done");
    expect(first.branchesDone).toBe(first.branchesTotal);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const lastMonth = previousMonth(today.slice(0, 7));
    const byBranch = new Map<string, Awaited<ReturnType<typeof branchFindings>>>();
    for (const b of Object.values(demo.keys.branches))
      byBranch.set(b.branchId, await branchFindings(b.branchId, b.branchAdmin));

    // dues: exactly the members whose dues page shows 3 or more unpaid months in a row up to last month
    for (const b of Object.values(demo.keys.branches)) {
      const dues = await must("GET", `/v1/branches/${b.branchId}/dues?month=${lastMonth}&limit=200`, {
        key: b.branchAdmin,
      });
      const owing = dues.items
        .filter((d: { consecutiveUnpaid: number }) => d.consecutiveUnpaid >= 3)
        .map((d: { memberId: string }) => d.memberId);
      const flagged = byBranch
        .get(b.branchId)!
        .filter((f) => f.rule === "dues_arrears")
        .map((f) => f.subject.id);
      expect(flagged.sort(), b.name).toEqual(owing.sort());
      expect(owing.length, b.name).toBeGreaterThanOrEqual(1);
    }
    // meetings: the branch that skipped committee meetings, exactly for the months it skipped
    const skipping = demo.keys.branches[SKIPPING_BRANCH]!;
    const gaps = byBranch
      .get(skipping.branchId)!
      .filter((f) => f.rule === "meeting_cadence_gap" && f.period.startsWith("committee_monthly:"))
      .map((f) => f.period.slice("committee_monthly:".length));
    expect(gaps.sort()).toEqual(
      skippedCommitteeMonths(today)
        .filter((m) => m < today.slice(0, 7))
        .sort(),
    );
    for (const [branchId, list] of byBranch) {
      if (branchId === skipping.branchId) continue;
      expect(
        list.filter((f) => f.period.startsWith("committee_monthly:")),
        branchId,
      ).toEqual([]);
    }
    // the development case the seed left overdue for its talk, and last month's overdue duty tasks
    const all = [...byBranch.values()].flat();
    expect(all.some((f) => f.rule === "application_talk_overdue")).toBe(true);
    expect(all.filter((f) => f.rule === "duty_task_overdue").length).toBeGreaterThanOrEqual(2);

    const second = await cronRun();
    expect(second.findingsOpened).toBe(0);
    for (const b of Object.values(demo.keys.branches)) {
      expect(await branchFindings(b.branchId, b.branchAdmin)).toEqual(byBranch.get(b.branchId));
    }
    const district = await must("GET", `/v1/districts/${demo.districtId}/findings?status=open&limit=200`, {
      key: demo.keys.auditor,
    });
    expect(district.items.length).toBeGreaterThanOrEqual(4);
  });
});

function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

describe("each district's own rules", () => {
  /** A branch with a committee and three full members, on its own district. */
  async function committeeBranch() {
    const t = await tenant(0);
    const ids: string[] = [];
    for (const name of ["甲", "乙", "丙"]) {
      const m = await must("POST", `/v1/branches/${t.branch.id}/members`, {
        key: t.branchKey,
        body: { name, gender: "male", birthDate: "1980-01-01", status: "full", joinedOn: "2005-07-01" },
      });
      ids.push(m.id);
    }
    await putCommittee(t.branch.id, t.branchKey, ids);
    return t;
  }
  const committeeGaps = async (t: Awaited<ReturnType<typeof committeeBranch>>) => {
    await auditDistrict(t.district.id);
    return (await branchFindings(t.branch.id, t.branchKey)).filter(
      (f) => f.rule === "meeting_cadence_gap" && f.period.startsWith("committee_monthly:"),
    );
  };

  it("judges meetings by the cadence the district published, not the national default", async () => {
    const national = await committeeBranch();
    const own = await committeeBranch();
    const {
      districtId: _d,
      createdAt: _c,
      ...rules
    } = await must("GET", `/v1/districts/${own.district.id}/study/rules`, { key: own.districtKey });
    await must("PUT", `/v1/districts/${own.district.id}/study/rules`, {
      key: own.districtKey,
      body: {
        ...rules,
        meetings: rules.meetings.filter((m: { code: string }) => m.code !== "committee_monthly"),
      },
    });
    expect((await committeeGaps(national)).length).toBeGreaterThan(0);
    expect(await committeeGaps(own)).toEqual([]);
  });
});

describe("signed webhooks", () => {
  let server: Server;
  let port = 0;
  const received: { id: string; event: string; ok: boolean; signatureValid: boolean }[] = [];
  const processed = new Set<string>();
  const SECRET = "a-branch-webhook-secret-0001";

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (d) => {
        body += d;
      });
      req.on("end", () => {
        const id = String(req.headers["x-vanguard-delivery"]);
        const expected = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
        // the receiver is down for its first two requests
        const ok = received.length >= 2;
        received.push({
          id,
          event: String(req.headers["x-vanguard-event"]),
          ok,
          signatureValid: req.headers["x-vanguard-signature"] === expected,
        });
        if (ok) processed.add(id); // idempotent by delivery id: a repeat is a no-op
        res.writeHead(ok ? 200 : 503).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("delivers each finding to a receiver that fails twice, exactly once in effect", async () => {
    const t = await tenant(1);
    const put = await http("PUT", `/v1/branches/${t.branch.id}/webhook`, {
      key: t.branchKey,
      body: { url: `http://127.0.0.1:${port}/vanguard`, secret: SECRET },
    });
    expect(put.status).toBe(200);
    expect(JSON.stringify(put.body)).not.toContain(SECRET);
    // one full member: too few to be a branch, which the audit will flag
    await must("POST", `/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      body: {
        name: "孤雁",
        gender: "female",
        birthDate: "1982-02-02",
        status: "full",
        joinedOn: "2008-07-01",
      },
    });
    const started = await must("POST", "/v1/audits/runs", { body: { districtId: t.district.id } }, [202]);
    const run = await waitForRun(started.id);
    expect(run.findingsOpened).toBeGreaterThanOrEqual(1);
    const opened = await branchFindings(t.branch.id, t.branchKey);

    let deliveries: { id: string; status: string; attempts: number }[] = [];
    for (let i = 0; i < 600; i++) {
      deliveries = (await must("GET", `/v1/branches/${t.branch.id}/webhook/deliveries`, { key: t.branchKey }))
        .items;
      if (deliveries.length === opened.length && deliveries.every((d) => d.status === "delivered")) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(deliveries).toHaveLength(opened.length);
    expect(deliveries.every((d) => d.status === "delivered")).toBe(true);
    expect(received.filter((r) => !r.ok)).toHaveLength(2);
    expect(received.every((r) => r.signatureValid && r.event === "finding.opened")).toBe(true);
    expect(processed).toEqual(new Set(deliveries.map((d) => d.id)));
    // the failed attempts were retries of the same deliveries, not new ones
    expect(new Set(received.map((r) => r.id))).toEqual(processed);

    // a second run announces nothing new
    await waitForRun(
      (await must("POST", "/v1/audits/runs", { body: { districtId: t.district.id } }, [202])).id,
    );
    expect(
      (await must("GET", `/v1/branches/${t.branch.id}/webhook/deliveries`, { key: t.branchKey })).items,
    ).toHaveLength(deliveries.length);
  });
});
