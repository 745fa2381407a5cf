import { env } from "cloudflare:workers";
import { reportPeriod } from "@vanguard/domain";
import { describe, expect, it } from "vitest";
import { newId } from "../ids";
import { type DataEnv, DataPlane } from "../shards";
import { branchSetContext } from "../tenant/context";
import { complianceQuery, type RollupProbes, rolledUpComplianceFacts } from "./rollups";

describe("a report's rollup probes", () => {
  it("reads one district's rollups once for all the sets its branches were split into", async () => {
    const districtId = newId("district");
    const branches = Array.from({ length: 4 }, () => ({ branchId: newId("branch"), districtId }));
    const period = reportPeriod("2025-Q3", "2026-01-15");
    const query = complianceQuery(
      period,
      branches.map((b) => ({ id: b.branchId })),
    );
    const halves = [branches.slice(0, 2), branches.slice(2)];
    // the first report computes and stores every branch's rollup
    const cold = new DataPlane(env as unknown as DataEnv);
    for (const half of halves) {
      const r = await rolledUpComplianceFacts(branchSetContext(cold, 0, half), period.key, query);
      expect(r.recomputed).toBe(2);
    }
    // a warm report of the same two sets: one probe between them, every branch found
    const warm = new DataPlane(env as unknown as DataEnv);
    const probes: RollupProbes = new Map();
    const found = await Promise.all(
      halves.map((half) =>
        rolledUpComplianceFacts(branchSetContext(warm, 0, half), period.key, query, undefined, probes),
      ),
    );
    expect(found.map((r) => r.recomputed)).toEqual([0, 0]);
    expect(found.map((r) => [...r.facts.keys()])).toEqual(halves.map((h) => h.map((b) => b.branchId)));
    expect(warm.counter.roundTrips).toBe(1);
    // without a shared memo each set probes on its own
    const apart = new DataPlane(env as unknown as DataEnv);
    for (const half of halves)
      await rolledUpComplianceFacts(branchSetContext(apart, 0, half), period.key, query);
    expect(apart.counter.roundTrips).toBe(2);
  });
});
