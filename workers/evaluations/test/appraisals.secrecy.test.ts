import { moduleCall, principalFor } from "@vanguard/testing/module-harness";
import { describe, expect, it } from "vitest";
import { branchWithCommittee, thisYear } from "./harness";

describe("民主评议 mutual votes are secret ballots", () => {
  it("an auditor watching every vote cannot attribute one: who voted is recorded apart from what", async () => {
    const t = await branchWithCommittee({ others: 3 });
    const [x, y, ratee] = t.others as [string, string, string];
    const a = await t.call(`${t.b}/appraisals`, { body: { year: thisYear() - 1 } });
    expect(a.status).toBe(201);
    const appraisal = `${t.b}/appraisals/${a.body.id}`;
    // each voter has a principal of their own, as their own key would
    const voter = (memberId: string) => ({
      ...principalFor("member", t.ref, memberId),
      id: `pr_${memberId}`,
    });
    const auditorSees = async () => {
      const view = await t.call(appraisal, { role: "auditor" });
      const { results: events } = await t.tc.shard.d1
        .prepare(
          "SELECT seq, actor, action, subject_id, before, after, at FROM events WHERE scope_id = ? ORDER BY seq",
        )
        .bind(t.ref.branchId)
        .all<{ actor: string; action: string; before: string | null; after: string | null }>();
      return { view: view.body, events };
    };
    const ballots: [string, string][] = [
      [x, "excellent"],
      [y, "qualified"],
      [t.secretary, "basically_qualified"],
    ];
    const seen = [await auditorSees()];
    for (const [rater, grade] of ballots) {
      const cast = await moduleCall(`${appraisal}/grades/${ratee}`, {
        ref: t.ref,
        principal: voter(rater),
        method: "PUT",
        body: { grade },
      });
      expect(cast.status).toBe(200);
      // the receipt does not repeat the ballot
      expect(cast.body).toMatchObject({ by: "mutual", memberId: ratee, grade: null });
      seen.push(await auditorSees());
    }
    for (const s of seen) {
      // no tally while the appraisal is open, for anyone
      expect(s.view.grades.every((g: { mutual: unknown }) => g.mutual === null)).toBe(true);
      // the log says that a member voted, on whom, never how
      for (const e of s.events.filter((e) => e.action === "appraisal.vote_cast")) {
        expect(e.before).toBeNull();
        expect(JSON.parse(e.after!)).toEqual({ memberId: ratee });
      }
    }
    // between two votes the auditor's view changed by the new vote_cast event only
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.view).toEqual(seen[0]!.view);
      expect(seen[i]!.events.slice(0, -1)).toEqual(seen[i - 1]!.events);
    }
    // the committee cannot read the box either
    const committee = await t.call(appraisal);
    expect(committee.body.grades.every((g: { mutual: unknown }) => g.mutual === null)).toBe(true);
    // a ballot is final: nothing links it to its voter, so nobody can take it back
    const again = await moduleCall(`${appraisal}/grades/${ratee}`, {
      ref: t.ref,
      principal: voter(x),
      method: "PUT",
      body: { grade: "unqualified" },
    });
    expect(again.status).toBe(422);
    expect(again.body.errors[0]).toMatchObject({ rule: "appraisal_vote_cast" });

    // nowhere in the shard does a voter stand beside a grade
    const tables = await t.tc.shard.d1
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'appraisal%'")
      .all<{ name: string }>();
    const voters: unknown[] = [x, y, t.secretary];
    for (const { name } of tables.results) {
      const { results } = await t.tc.shard.d1.prepare(`SELECT * FROM ${name}`).all<Record<string, unknown>>();
      for (const row of results) {
        // a member's own line on the roll (member_id) is theirs as a ratee, not as a voter
        const namesVoter = Object.entries(row).some(
          ([k, v]) => voters.includes(v) && !(name === "appraisal_grades" && k === "member_id"),
        );
        if (namesVoter) expect(Object.keys(row).filter((k) => /grade|mutual|ballot/.test(k))).toEqual([]);
      }
    }
    // once finalized, the tallies are shown, only as totals
    for (const m of [t.secretary, t.organization, t.propaganda, x, y, ratee]) {
      await t.call(`${appraisal}/grades/${m}`, { method: "PUT", body: { grade: "qualified" } });
    }
    const done = await t.call(`${appraisal}/finalize`, { body: {} });
    expect(done.status).toBe(200);
    const line = (await t.call(appraisal, { role: "auditor" })).body.grades.find(
      (g: { memberId: string }) => g.memberId === ratee,
    );
    expect(line.mutual).toEqual({ excellent: 1, qualified: 1, basically_qualified: 1, unqualified: 0 });
  });
});
