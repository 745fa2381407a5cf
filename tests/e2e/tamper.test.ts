import { describe, expect, it } from "vitest";
import { auditDistrict } from "../support/audits";
import { must, tenant } from "../support/http";
import { sqlOnShard } from "../support/shard-sql";

describe("tamper evidence", () => {
  it("verifies an intact log and names the first row someone altered in the database", async () => {
    const t = await tenant(1);
    for (const name of ["甲", "乙", "丙"]) {
      await must("POST", `/v1/branches/${t.branch.id}/members`, {
        key: t.branchKey,
        body: { name, gender: "male", birthDate: "1980-01-01", status: "applicant" },
      });
    }
    expect(
      await must("GET", `/v1/branches/${t.branch.id}/events/verify`, { key: t.districtKey }),
    ).toMatchObject({ ok: true, length: 3 });
    sqlOnShard(
      1,
      `UPDATE events SET after = replace(after, '乙', '丁') WHERE scope_id = '${t.branch.id}' AND seq = 2`,
    );
    const verdict = await must("GET", `/v1/branches/${t.branch.id}/events/verify`, { key: t.districtKey });
    expect(verdict).toMatchObject({ ok: false, brokenAt: 2, length: 1 });
  });

  it("catches a log cut at its end against the head the daily audit witnessed", async () => {
    const t = await tenant(0);
    const verify = () => must("GET", `/v1/branches/${t.branch.id}/events/verify`, { key: t.districtKey });
    for (const name of ["甲", "乙", "丙"]) {
      await must("POST", `/v1/branches/${t.branch.id}/members`, {
        key: t.branchKey,
        body: { name, gender: "female", birthDate: "1985-01-01", status: "applicant" },
      });
    }
    expect(await verify()).toEqual({ ok: true, length: 3, head: expect.any(String), verifiedFrom: 1 });
    await auditDistrict(t.district.id);
    // the audit witnessed seq 3, then chained its own findings after it
    const witnessed = await verify();
    expect(witnessed).toMatchObject({ ok: true, anchor: { seq: 3, holds: true } });
    expect(witnessed.length).toBeGreaterThan(3);

    // a cut that leaves a chain consistent in itself
    sqlOnShard(0, `DELETE FROM events WHERE scope_id = '${t.branch.id}' AND seq >= 3`);
    expect(await verify()).toMatchObject({
      ok: false,
      length: 2,
      brokenAt: 3,
      anchor: { seq: 3, hash: witnessed.anchor.hash, holds: false },
    });
    await auditDistrict(t.district.id);
    const findings = await must("GET", `/v1/branches/${t.branch.id}/findings?status=open&limit=200`, {
      key: t.branchKey,
    });
    expect(findings.items.filter((f: { rule: string }) => f.rule === "event_chain_broken")).toMatchObject([
      { severity: "severe" },
    ]);
  });
});
