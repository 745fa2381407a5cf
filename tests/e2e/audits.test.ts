import { createServer, type Server } from "node:http";
import { Webhook } from "standardwebhooks";
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
      // the home page's card counts as the audit does: this month, still under way, is not late yet,
      // so a member on the card owes the months in a row up to last month
      const day = await must("GET", `/v1/branches/${b.branchId}/today`, { key: b.branchAdmin });
      const upToLastMonth = new Map<string, number>(
        dues.items.map((d: { memberId: string; consecutiveUnpaid: number }) => [
          d.memberId,
          d.consecutiveUnpaid,
        ]),
      );
      expect(day.arrears.length, b.name).toBeGreaterThanOrEqual(1);
      for (const a of day.arrears as { memberId: string; consecutiveUnpaid: number }[])
        expect(a.consecutiveUnpaid, b.name).toBe(upToLastMonth.get(a.memberId));
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
    const { version, rules } = await must("GET", `/v1/districts/${own.district.id}/study/rules`, {
      key: own.districtKey,
    });
    await must("PUT", `/v1/districts/${own.district.id}/study/rules`, {
      key: own.districtKey,
      body: {
        version,
        rules: {
          ...rules,
          meetings: rules.meetings.filter((m: { code: string }) => m.code !== "committee_monthly"),
        },
      },
    });
    expect((await committeeGaps(national)).length).toBeGreaterThan(0);
    expect(await committeeGaps(own)).toEqual([]);
  });
});

describe("signed webhooks", () => {
  let server: Server;
  let port = 0;
  const received: { id: string; event: string; ok: boolean; signatureValid: boolean; skew: number }[] = [];
  const captured: { body: string; headers: Record<string, string> }[] = [];
  const processed = new Set<string>();
  const redirected: string[] = [];
  const SECRET = `whsec_${Buffer.from("a-branch-webhook-secret-0001-xyz").toString("base64")}`;
  const receiver = new Webhook(SECRET);

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (d) => {
        body += d;
      });
      req.on("end", () => {
        if (req.url === "/moved") {
          // a receiver that points elsewhere: the delivery must not follow
          return res.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
        }
        if (req.url === "/elsewhere") {
          redirected.push(body);
          return res.writeHead(200).end();
        }
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        let signatureValid = true;
        try {
          receiver.verify(body, headers);
        } catch {
          signatureValid = false;
        }
        const id = headers["webhook-id"]!;
        // the receiver is down for its first two requests
        const ok = received.length >= 2;
        received.push({
          id,
          event: String(req.headers["x-vanguard-event"]),
          ok,
          signatureValid: signatureValid && headers["x-vanguard-delivery"] === id,
          skew: Math.abs(Date.now() / 1000 - Number(headers["webhook-timestamp"])),
        });
        captured.push({ body, headers });
        if (ok) processed.add(id); // idempotent by delivery id: a repeat is a no-op
        res.writeHead(ok ? 200 : 503).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  async function deliveriesOf(
    t: { branch: { id: string }; branchKey: string },
    until: (d: Delivery[]) => boolean,
  ) {
    let deliveries: Delivery[] = [];
    for (let i = 0; i < 600; i++) {
      deliveries = (await must("GET", `/v1/branches/${t.branch.id}/webhook/deliveries`, { key: t.branchKey }))
        .items;
      if (until(deliveries)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    return deliveries;
  }

  type Delivery = { id: string; status: string; attempts: number; lastResult: string | null };

  /** A branch with one full member: too few to be a branch, which the audit will flag. */
  async function flaggedBranch() {
    const t = await tenant(1);
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
    return t;
  }

  it("delivers each finding to a receiver that fails twice, exactly once in effect, signed the Standard Webhooks way", async () => {
    const t = await flaggedBranch();
    const put = await http("PUT", `/v1/branches/${t.branch.id}/webhook`, {
      key: t.branchKey,
      body: { url: `http://127.0.0.1:${port}/vanguard`, secret: SECRET },
    });
    expect(put.status).toBe(200);
    expect(JSON.stringify(put.body)).not.toContain(SECRET);
    const started = await must("POST", "/v1/audits/runs", { body: { districtId: t.district.id } }, [202]);
    const run = await waitForRun(started.id);
    expect(run.findingsOpened).toBeGreaterThanOrEqual(1);
    const opened = await branchFindings(t.branch.id, t.branchKey);

    const deliveries = await deliveriesOf(
      t,
      (d) => d.length === opened.length && d.every((x) => x.status === "delivered"),
    );
    expect(deliveries).toHaveLength(opened.length);
    expect(deliveries.every((d) => d.status === "delivered" && d.lastResult === "2xx")).toBe(true);
    expect(received.filter((r) => !r.ok)).toHaveLength(2);
    expect(received.every((r) => r.signatureValid && r.event === "finding.opened")).toBe(true);
    // each attempt is signed at the time it is sent
    expect(received.every((r) => r.skew < 120)).toBe(true);
    expect(processed).toEqual(new Set(deliveries.map((d) => d.id)));
    // the failed attempts were retries of the same deliveries, not new ones
    expect(new Set(received.map((r) => r.id))).toEqual(processed);

    // a captured delivery cannot be passed off as a new one: its signature binds its id and time
    const { body, headers } = captured[0]!;
    const later = { ...headers, "webhook-timestamp": String(Math.floor(Date.now() / 1000) + 60) };
    expect(() => receiver.verify(body, later)).toThrow();
    expect(() => receiver.verify(body, { ...headers, "webhook-id": "whd_other" })).toThrow();

    // a second run announces nothing new
    await waitForRun(
      (await must("POST", "/v1/audits/runs", { body: { districtId: t.district.id } }, [202])).id,
    );
    expect(
      (await must("GET", `/v1/branches/${t.branch.id}/webhook/deliveries`, { key: t.branchKey })).items,
    ).toHaveLength(deliveries.length);
  });

  it("never follows a redirect: a 3xx is a failed delivery, shown only as its class", async () => {
    const t = await flaggedBranch();
    expect(
      (
        await http("PUT", `/v1/branches/${t.branch.id}/webhook`, {
          key: t.branchKey,
          body: { url: `http://127.0.0.1:${port}/moved`, secret: SECRET },
        })
      ).status,
    ).toBe(200);
    await waitForRun(
      (await must("POST", "/v1/audits/runs", { body: { districtId: t.district.id } }, [202])).id,
    );
    const deliveries = await deliveriesOf(t, (d) => d.length > 0 && d.every((x) => x.attempts > 0));
    expect(deliveries.length).toBeGreaterThan(0);
    for (const d of deliveries) {
      expect(d).toMatchObject({ status: "pending", lastResult: "3xx" });
      expect(Object.keys(d)).not.toContain("lastError");
    }
    expect(redirected).toEqual([]);
    // an auditor reads the same outbox: the class, nothing of what the receiver said
    const auditorKey = (
      await must("POST", `/v1/districts/${t.district.id}/keys`, { body: { role: "auditor", label: "审计" } })
    ).key;
    const auditorView = await must("GET", `/v1/branches/${t.branch.id}/webhook/deliveries`, {
      key: auditorKey,
    });
    expect(JSON.stringify(auditorView)).not.toMatch(/HTTP \d|ECONN|refused|moved/i);
  });
});
