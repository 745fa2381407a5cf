import { describe, expect, it } from "vitest";
import { type FindingDraft, findingKey } from "./finding";
import { auditBranch, reconcile } from "./reconcile";
import { DEFAULT_AUDIT_RULES, PLATFORM_AUDIT_RULES } from "./rules";
import type { BranchSnapshot } from "./snapshot";

const healthy: BranchSnapshot = {
  branchId: "br_1",
  districtId: "dt_1",
  branchName: "经济信息中心党支部",
  kind: "branch",
  today: "2026-11-27",
  members: { applicant: 1, activist: 1, candidate: 1, probationary: 2, full: 9 },
  committee: { termStart: "2024-03-15", termEnd: "2027-03-15", size: 3 },
  lastActivityOn: "2026-11-20",
  duesArrears: [],
  expiredTransfers: [],
};

const run = (s: Partial<BranchSnapshot>) =>
  auditBranch({ ...healthy, ...s }, PLATFORM_AUDIT_RULES, DEFAULT_AUDIT_RULES);
const rules = (s: Partial<BranchSnapshot>) => run(s).map((f) => `${f.rule}/${f.severity}`);

describe("audit rules", () => {
  it("finds nothing in a healthy branch", () => {
    expect(run({})).toEqual([]);
  });

  it("flags an event log that no longer holds at the head an earlier audit witnessed", () => {
    const witnessed = { anchoredSeq: 40, anchoredHash: "ab".repeat(32), anchoredAt: "2026-11-20T18:00:00Z" };
    expect(rules({ chain: { ...witnessed, length: 45, holds: true } })).toEqual([]);
    const cut = run({ chain: { ...witnessed, length: 38, holds: false } });
    expect(cut).toMatchObject([
      { rule: "event_chain_broken", severity: "severe", period: "40", subjectType: "branch" },
    ]);
    expect(cut[0]!.message.en).toContain("has 38 entries; 40 were witnessed");
    const rewritten = run({ chain: { ...witnessed, length: 45, holds: false } });
    expect(rewritten[0]!.message.en).toContain("Entry 40 of the event log differs");
  });

  it("flags 30 days without activity, and a branch that never had any", () => {
    expect(rules({ lastActivityOn: "2026-10-29" })).toEqual([]);
    expect(rules({ lastActivityOn: "2026-10-28" })).toEqual(["branch_inactive/warning"]);
    expect(run({ lastActivityOn: null })[0]).toMatchObject({ rule: "branch_inactive", period: "never" });
  });

  it("warns at 3 months of dues arrears and is severe at 6", () => {
    const arrears = (consecutive: number) => [
      { memberId: "mb_1", name: "张三", firstUnpaid: "2026-05", consecutive },
    ];
    expect(rules({ duesArrears: arrears(2) })).toEqual([]);
    expect(rules({ duesArrears: arrears(3) })).toEqual(["dues_arrears/warning"]);
    expect(rules({ duesArrears: arrears(6) })).toEqual(["dues_arrears/severe"]);
  });

  it("checks the branch's size and committee", () => {
    expect(rules({ members: { ...healthy.members, full: 2 }, committee: null })).toEqual([
      "branch_too_few_full_members/warning",
    ]);
    expect(rules({ committee: null })).toEqual(["branch_needs_committee/warning"]);
    expect(rules({ members: { ...healthy.members, full: 51 } })).toEqual(["branch_too_large/info"]);
    expect(
      rules({ kind: "general_branch", members: { ...healthy.members, full: 0 }, lastActivityOn: null }),
    ).toEqual([]);
  });

  it("flags an expired committee term, severe after half a year", () => {
    expect(rules({ committee: { ...healthy.committee!, termEnd: "2026-10-01" } })).toEqual([
      "committee_term_expired/warning",
    ]);
    expect(rules({ committee: { ...healthy.committee!, termEnd: "2026-01-01" } })).toEqual([
      "committee_term_expired/severe",
    ]);
  });

  it("flags pocket members on expired letters", () => {
    const t = {
      transferId: "tr_1",
      memberId: "mb_2",
      memberName: "李四",
      toBranchId: "br_9",
      expiresOn: "2026-11-01",
    };
    expect(run({ expiredTransfers: [t] })[0]).toMatchObject({
      rule: "pocket_member",
      subjectId: "tr_1",
      period: "2026-11-01",
    });
  });

  it("tells the sending branch of a letter whose accept is stuck half way", () => {
    const t = {
      transferId: "tr_2",
      memberId: "mb_3",
      memberName: "王五",
      toBranchId: "br_8",
      claimedAt: "2026-11-20T03:04:05.000Z",
    };
    expect(run({ stuckTransfers: [t] })).toEqual([
      expect.objectContaining({
        rule: "transfer_stuck",
        subjectType: "transfer",
        subjectId: "tr_2",
        severity: "warning",
        period: "2026-11-20",
        facts: { memberId: "mb_3", toBranchId: "br_8", claimedAt: "2026-11-20T03:04:05.000Z" },
      }),
    ]);
    expect(run({ stuckTransfers: [] })).toEqual([]);
  });
});

describe("reconciling findings", () => {
  const draft = (rule: string, subjectId: string, period: string): FindingDraft => ({
    rule,
    subjectType: "member",
    subjectId,
    severity: "warning",
    period,
    message: { zh: "", en: "" },
    facts: {},
  });

  it("opens new keys, refreshes known ones and clears what no longer holds", () => {
    const a = draft("dues_arrears", "mb_1", "2026-05");
    const b = draft("dues_arrears", "mb_2", "2026-06");
    const stored = [
      { key: findingKey(a), rule: "dues_arrears", status: "open" as const },
      { key: "dues_arrears:mb_3:2026-01", rule: "dues_arrears", status: "acknowledged" as const },
      { key: "study_below_threshold:mb_4:2026-10", rule: "study_below_threshold", status: "open" as const },
    ];
    const r = reconcile([a, b, b], stored, PLATFORM_AUDIT_RULES);
    expect(r.open).toEqual([b]);
    expect(r.seen).toEqual([a]);
    // a rule the catalog did not evaluate is left alone
    expect(r.cleared.map((f) => f.key)).toEqual(["dues_arrears:mb_3:2026-01"]);
  });

  it("does not reopen a resolved finding while its period is the same", () => {
    const a = draft("dues_arrears", "mb_1", "2026-05");
    const r = reconcile(
      [a],
      [{ key: findingKey(a), rule: "dues_arrears", status: "resolved" }],
      PLATFORM_AUDIT_RULES,
    );
    expect(r.open).toEqual([]);
    expect(r.cleared).toEqual([]);
  });
});
