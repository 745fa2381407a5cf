import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import {
  anchorsOf,
  type DataEnv,
  DataPlane,
  insertPayment,
  insertRuleSet,
  insertTransfer,
  newId,
  replaceCommittee,
  upsertDuesBasis,
} from "@vanguard/db";
import {
  addMonthsToMonth,
  DEFAULT_STUDY_RULES,
  lastEndedQuarter,
  monthOf,
  PLATFORM_AUDIT_RULES,
  todayIn,
} from "@vanguard/domain";
import { memberFixture, tenantFixture } from "@vanguard/testing/fixtures";
import { moduleCall } from "@vanguard/testing/module-harness";
import { describe, expect, it } from "vitest";
import worker from "../src/index";
import type { AuditMessage } from "../src/queue/messages";

const today = todayIn("Asia/Shanghai");
const admin = (ref: Parameters<typeof moduleCall>[1]["ref"]) => ({ ref, role: "platform_admin" as const });

async function runAudit(ref: Parameters<typeof moduleCall>[1]["ref"], districtId?: string) {
  const started = await moduleCall("/v1/audits/runs", {
    ...admin(ref),
    body: { districtId: districtId ?? ref.districtId },
  });
  expect(started.status).toBe(202);
  for (let i = 0; i < 200; i++) {
    const run = await moduleCall(`/v1/audits/runs/${started.body.id}`, admin(ref));
    if (run.body.status === "done" || run.body.status === "failed") return run.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the run did not finish");
}

type Finding = {
  id: string;
  rule: string;
  severity: string;
  status: string;
  period: string;
  subject: { id: string };
  resolution: string | null;
};

async function allFindings(ref: Parameters<typeof moduleCall>[1]["ref"], status?: string) {
  const r = await moduleCall(
    `/v1/branches/${ref.branchId}/findings?limit=200${status ? `&status=${status}` : ""}`,
    {
      ref,
      role: "branch_admin",
    },
  );
  expect(r.status).toBe(200);
  return r.body.items as Finding[];
}

const PLATFORM_RULES = new Set(PLATFORM_AUDIT_RULES.flatMap((r) => r.emits));

/** The findings of the platform rules (the module rules' are checked on their own below). */
async function findings(ref: Parameters<typeof moduleCall>[1]["ref"], status?: string) {
  return (await allFindings(ref, status)).filter((f) => PLATFORM_RULES.has(f.rule));
}

/** A branch with something wrong on every count the platform rules check. */
async function troubledBranch(shard: number) {
  const { ref, tc, plane } = await tenantFixture({ shard });
  const a = await memberFixture(tc, { name: "甲" });
  const b = await memberFixture(tc, { name: "乙" });
  // dues: the branch records dues; 甲 last paid 4 months ago, 乙 paid last month
  const year = Number(today.slice(0, 4));
  await tc.shard.d1.batch([
    upsertDuesBasis(tc, {
      memberId: a.id,
      year,
      category: "employed",
      monthlyIncomeFen: 500000,
      fixedFen: null,
      monthlyDueFen: 5000,
      setAt: today,
    }),
    insertPayment(tc, {
      id: newId("payment"),
      memberId: a.id,
      month: addMonthsToMonth(monthOf(today), -5),
      amountFen: 5000,
      paidOn: today,
      recordedAt: today,
      recordedBy: "t",
    }),
    insertPayment(tc, {
      id: newId("payment"),
      memberId: b.id,
      month: addMonthsToMonth(monthOf(today), -1),
      amountFen: 5000,
      paidOn: today,
      recordedAt: today,
      recordedBy: "t",
    }),
    ...replaceCommittee(
      tc,
      { termStart: "2020-01-01", termEnd: "2023-01-01", updatedAt: today, version: 1 },
      [],
    ),
  ]);
  await plane.directory.d1.batch([
    insertTransfer(plane, {
      id: newId("transfer"),
      memberId: a.id,
      memberName: "甲",
      fromDistrictId: ref.districtId,
      fromBranchId: ref.branchId,
      toDistrictId: ref.districtId,
      toBranchId: "br_elsewhere",
      status: "pending",
      issuedOn: "2026-01-01",
      expiresOn: "2026-01-11",
      createdAt: today,
      createdBy: "t",
    }),
    // an accept that died half way two hours ago and was never resumed or withdrawn
    insertTransfer(plane, {
      id: newId("transfer"),
      memberId: b.id,
      memberName: "乙",
      fromDistrictId: ref.districtId,
      fromBranchId: ref.branchId,
      toDistrictId: ref.districtId,
      toBranchId: "br_elsewhere",
      status: "accepting",
      issuedOn: today,
      expiresOn: "2099-01-01",
      claimId: "req_dead",
      claimedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      createdAt: today,
      createdBy: "t",
    }),
  ]);
  return { ref, tc, plane, a };
}

describe("the audit run", () => {
  it("finds each platform rule's condition and opens one finding per key", async () => {
    const { ref, a } = await troubledBranch(1);
    const run = await runAudit(ref);
    expect(run).toMatchObject({ status: "done", branchesTotal: 1, branchesDone: 1 });
    const open = await findings(ref, "open");
    expect(open.map((f) => f.rule).sort()).toEqual([
      "branch_inactive",
      "branch_too_few_full_members",
      "committee_term_expired",
      "dues_arrears",
      "pocket_member",
      "transfer_stuck",
    ]);
    expect(open.find((f) => f.rule === "dues_arrears")).toMatchObject({
      subject: { id: a.id },
      severity: "warning",
    });
  });

  it("gives the same findings when run twice, and never reopens what a person resolved", async () => {
    const { ref } = await troubledBranch(0);
    await runAudit(ref);
    const first = await findings(ref);
    const again = await runAudit(ref);
    expect(again.findingsOpened).toBe(0);
    expect(await findings(ref)).toEqual(
      first.map((f) => expect.objectContaining({ id: f.id, status: f.status })),
    );
    const target = first.find((f) => f.rule === "pocket_member")!;
    const resolved = await moduleCall(`/v1/branches/${ref.branchId}/findings/${target.id}/resolve`, {
      ref,
      role: "branch_admin",
      body: { note: "已联系接收支部" },
    });
    expect(resolved.body).toMatchObject({ status: "resolved", resolution: "manual", note: "已联系接收支部" });
    await runAudit(ref);
    const after = await findings(ref);
    expect(after.find((f) => f.id === target.id)?.status).toBe("resolved");
    expect(after).toHaveLength(first.length);
  });

  it("closes a finding by itself when its condition is gone", async () => {
    const { ref, tc } = await troubledBranch(0);
    await runAudit(ref);
    await tc.shard.d1.batch(
      replaceCommittee(tc, { termStart: today, termEnd: "2030-01-01", updatedAt: today, version: 2 }, []),
    );
    const run = await runAudit(ref);
    expect(run.findingsResolved).toBe(1);
    const term = (await findings(ref)).find((f) => f.rule === "committee_term_expired");
    expect(term).toMatchObject({ status: "resolved", resolution: "cleared" });
  });

  it("chains every finding change on the branch's event log", async () => {
    const { ref, tc } = await troubledBranch(1);
    await runAudit(ref);
    const rows = await tc.shard.d1
      .prepare("SELECT action, actor FROM events WHERE scope_id = ? ORDER BY seq")
      .bind(ref.branchId)
      .all();
    expect(rows.results).toHaveLength((await allFindings(ref)).length);
    expect(rows.results.every((r) => r.action === "finding.opened" && r.actor === "system:audit")).toBe(true);
    // the system's own writes do not count as the branch being active
    const activity = await tc.shard.d1
      .prepare("SELECT * FROM activity WHERE scope_id = ?")
      .bind(ref.branchId)
      .first();
    expect(activity).toBeNull();
  });
});

describe("the module rules", () => {
  it("flags missing meetings, members below the study bar and an unsubmitted inspection", async () => {
    const { ref } = await troubledBranch(0);
    await runAudit(ref);
    const list = await allFindings(ref, "open");
    const rules = new Set(list.map((f) => f.rule));
    expect(rules).toEqual(
      new Set(
        [...PLATFORM_RULES]
          .filter((r) => rules.has(r))
          .concat(["meeting_cadence_gap", "study_below_threshold", "inspection_not_submitted_in_time"]),
      ),
    );
    expect(list.filter((f) => f.rule === "study_below_threshold")).toHaveLength(2);
    const lastMonth = addMonthsToMonth(monthOf(today), -1);
    expect(
      list.find((f) => f.rule === "meeting_cadence_gap" && f.period === `committee_monthly:${lastMonth}`),
    ).toBeDefined();
    expect(list.find((f) => f.rule === "inspection_not_submitted_in_time")?.period).toBe(
      lastEndedQuarter(today),
    );
  });
});

describe("the event log's witness", () => {
  const anchorOf = async (plane: DataPlane, branchId: string) =>
    (await anchorsOf(plane, [branchId])).get(branchId);

  it("witnesses each branch's chain, moves the witness forward, and flags a chain cut behind it", async () => {
    const { ref, tc, plane } = await troubledBranch(0);
    await runAudit(ref);
    const first = await anchorOf(plane, ref.branchId);
    // the fixture wrote no events; the audit's own findings are the chain it witnessed next time
    expect(first).toBeUndefined();
    await runAudit(ref);
    const second = (await anchorOf(plane, ref.branchId))!;
    expect(second.seq).toBeGreaterThan(0);
    const head = await tc.shard.d1
      .prepare("SELECT seq, hash FROM events WHERE scope_id = ? AND seq = ?")
      .bind(ref.branchId, second.seq)
      .first<{ seq: number; hash: string }>();
    expect(head?.hash).toBe(second.hash);
    expect((await allFindings(ref)).map((f) => f.rule)).not.toContain("event_chain_broken");

    // someone with database access cuts the log behind the witness
    await tc.shard.d1
      .prepare("DELETE FROM events WHERE scope_id = ? AND seq >= ?")
      .bind(ref.branchId, second.seq)
      .run();
    await runAudit(ref);
    const broken = (await allFindings(ref, "open")).filter((f) => f.rule === "event_chain_broken");
    expect(broken).toMatchObject([{ severity: "severe", period: String(second.seq) }]);
    // the witness does not follow the cut chain
    expect(await anchorOf(plane, ref.branchId)).toEqual(second);
  });
});

describe("each district's own rules", () => {
  it("judges a branch by its district's latest rule sets, and others by the defaults", async () => {
    const { ref, plane } = await troubledBranch(1);
    const version = (n: number, module: string, body: unknown) =>
      insertRuleSet(plane, {
        districtId: ref.districtId,
        module,
        version: n,
        body: JSON.stringify(body),
        createdAt: `${today}T00:00:0${n}Z`,
        createdBy: "test",
      });
    const study = DEFAULT_STUDY_RULES;
    await plane.directory.d1.batch([
      // version 2 is the latest: no monthly committee meeting, a lower study bar
      version(1, "study", study),
      version(2, "study", {
        ...study,
        meetings: study.meetings.filter((m) => m.code !== "committee_monthly"),
      }),
      version(1, "audits", { studyMinPoints30Days: 0 }),
    ]);
    const other = await troubledBranch(1);
    await runAudit(ref);
    await runAudit(other.ref);
    const mine = (await allFindings(ref, "open")).map(
      (f) => f.rule + (f.period.startsWith("committee_monthly") ? ":committee" : ""),
    );
    const theirs = (await allFindings(other.ref, "open")).map(
      (f) => f.rule + (f.period.startsWith("committee_monthly") ? ":committee" : ""),
    );
    expect(theirs).toContain("meeting_cadence_gap:committee");
    expect(theirs).toContain("study_below_threshold");
    expect(mine).not.toContain("meeting_cadence_gap:committee");
    expect(mine).not.toContain("study_below_threshold");
    // what the district left alone still uses the defaults
    expect(mine).toContain("inspection_not_submitted_in_time");
  });
});

describe("the queue consumer", () => {
  it("treats a redelivered batch as already done", async () => {
    const { ref } = await troubledBranch(0);
    const run = await runAudit(ref);
    const body: AuditMessage = {
      type: "audit",
      runId: run.id,
      date: today,
      shard: 0,
      branches: [
        { id: ref.branchId, districtId: ref.districtId, name: "x", kind: "branch", foundedOn: "2010-07-01" },
      ],
    };
    const before = await findings(ref);
    const batch = createMessageBatch<AuditMessage>("vanguard-audits", [
      { id: "m1", timestamp: new Date(), attempts: 2, body },
      { id: "m2", timestamp: new Date(), attempts: 1, body },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env as never);
    await waitOnExecutionContext(ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["m1", "m2"]);
    expect(result.retryMessages).toEqual([]);
    expect(await findings(ref)).toEqual(before);
    const again = await moduleCall(`/v1/audits/runs/${run.id}`, admin(ref));
    expect(again.body.findingsOpened).toBe(run.findingsOpened);
  });

  it("evaluates a batch of many branches in a fixed number of D1 queries", async () => {
    const refs = [];
    for (let i = 0; i < 6; i++) {
      const { ref, tc } = await troubledBranch(1);
      for (let m = 0; m < i * 5; m++) await memberFixture(tc, { name: `成员${m}` });
      refs.push(ref);
    }
    const small = await runAudit(refs[0]!, refs[0]!.districtId);
    const plane = new DataPlane(env as unknown as DataEnv);
    const batches = await plane.directory.d1
      .prepare("SELECT queries, branches FROM audit_run_batches WHERE run_id = ?")
      .bind(small.id)
      .all();
    const perBatch = batches.results[0] as { queries: number };
    // the snapshot's reads (≤ 24), then the compliance rollups of the month, quarter and year the
    // run falls in: per period a probe, the facts' batch of 8 and an upsert (30)
    expect(perBatch.queries).toBeLessThanOrEqual(24 + 30);
    // the last tenant has 25 more members than the first; its batch costs the same
    const big = await runAudit(refs[5]!, refs[5]!.districtId);
    const bigBatch = await plane.directory.d1
      .prepare("SELECT queries FROM audit_run_batches WHERE run_id = ?")
      .bind(big.id)
      .first<{ queries: number }>();
    expect(bigBatch!.queries).toBe(perBatch.queries);
  });
});

describe("cron", () => {
  it("starts a run from the 02:00 Beijing trigger with one planner message per shard", async () => {
    const { ref } = await troubledBranch(0);
    const controller = createScheduledController({ scheduledTime: new Date(), cron: "0 18 * * *" });
    const ctx = createExecutionContext();
    worker.scheduled(controller, env as never, ctx);
    await waitOnExecutionContext(ctx);
    const plane = new DataPlane(env as unknown as DataEnv);
    const run = await plane.directory.d1
      .prepare("SELECT id, trigger, shard_count FROM audit_runs WHERE trigger = 'cron'")
      .first<{ id: string; shard_count: number }>();
    expect(run).toMatchObject({ shard_count: 2 });
    for (let i = 0; i < 200; i++) {
      const r = await moduleCall(`/v1/audits/runs/${run!.id}`, admin(ref));
      if (r.body.status === "done") break;
      await new Promise((res) => setTimeout(res, 50));
    }
    expect((await findings(ref)).length).toBeGreaterThan(0);
  });

  it("refuses the internal scheduler route without the scheduler's context", async () => {
    const { ref } = await troubledBranch(0);
    const r = await moduleCall("/internal/scheduled", {
      ref,
      role: "platform_admin",
      body: { cron: "0 18 * * *", scheduledTime: Date.now() },
    });
    expect(r.status).toBe(403);
    expect(
      (await exports.default.fetch("https://audits.internal/internal/scheduled", { method: "POST" })).status,
    ).toBe(403);
  });
});

describe("findings API", () => {
  it("lets the branch acknowledge, the district list, and forbids auditors from acting", async () => {
    const { ref } = await troubledBranch(1);
    await runAudit(ref);
    const [f] = await findings(ref, "open");
    const ack = await moduleCall(`/v1/branches/${ref.branchId}/findings/${f!.id}/acknowledge`, {
      ref,
      role: "branch_admin",
      body: {},
    });
    expect(ack.body.status).toBe("acknowledged");
    const auditor = await moduleCall(`/v1/branches/${ref.branchId}/findings/${f!.id}/resolve`, {
      ref,
      role: "auditor",
      body: {},
    });
    expect(auditor.status).toBe(403);
    const district = await moduleCall(`/v1/districts/${ref.districtId}/findings`, {
      ref,
      role: "district_admin",
    });
    expect(district.body.items.map((x: { id: string }) => x.id)).toContain(f!.id);
    const en = await moduleCall(`/v1/branches/${ref.branchId}/findings`, {
      ref,
      role: "branch_admin",
      lang: "en",
    });
    expect(en.body.items.find((x: { rule: string }) => x.rule === "pocket_member").message).toContain(
      "transfer letter expired",
    );
  });
});

describe("the audit and the reports' rollups", () => {
  it("leaves each audited branch's rollups for the running month, quarter and year, equal to the records", async () => {
    const t = await tenantFixture();
    const m = await memberFixture(t.tc, { status: "full", joinedOn: "2010-07-01" });
    const month = monthOf(today);
    await t.tc.shard.d1.batch([
      insertPayment(t.tc, {
        id: newId("payment"),
        memberId: m.id,
        month,
        amountFen: 100,
        paidOn: today,
        recordedAt: new Date().toISOString(),
        recordedBy: "test",
      }),
    ]);
    const run = await runAudit(t.ref);
    expect(run.status).toBe("done");
    const rows = await t.tc.shard.d1
      .prepare("SELECT period, facts FROM compliance_rollups WHERE branch_id = ? ORDER BY period")
      .bind(t.ref.branchId)
      .all<{ period: string; facts: string }>();
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    expect(rows.results.map((r) => r.period).sort()).toEqual([today.slice(0, 4), month, quarter].sort());
    // the month's own rollup counts the one party member and the payment for the month
    const facts = JSON.parse(rows.results.find((r) => r.period === month)!.facts);
    expect(facts.partyMembers).toBe(1);
    expect(facts.duesDue).toBe(1);
    expect(facts.duesPaid).toBe(1);
  });
});
