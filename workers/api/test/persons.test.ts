import { env } from "cloudflare:workers";
import { lookupHash } from "@vanguard/platform";
import { describe, expect, it } from "vitest";
import { call, idNumberFor, newBranch, newMember, newTenant } from "./harness";

/** One person, one current place on a roll, whichever branch, district or shard tries to add them. */
describe("the person register", () => {
  it("refuses a person who is a current member of a branch in another district, without naming it", async () => {
    const a = await newTenant({ shard: 0 });
    const b = await newTenant({ shard: 1 });
    const idNumber = idNumberFor("1975-04-18", 17);
    await newMember(a.branch.id, a.branchKey, { idNumber, name: "肖长青", birthDate: "1975-04-18" });
    const again = await call(`/v1/branches/${b.branch.id}/members`, {
      key: b.branchKey,
      body: {
        name: "肖长青",
        gender: "male",
        birthDate: "1975-04-18",
        status: "full",
        joinedOn: "1998-07-01",
        idNumber,
      },
    });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].rule).toBe("person_on_another_roll");
    expect(again.body.errors[0].facts).toEqual({});
    expect(again.body.detail).not.toContain(a.branch.id);
    const roll = await call(`/v1/branches/${b.branch.id}/members`, { key: b.branchKey });
    expect(roll.body.items).toHaveLength(0);
  });

  it("names the branch that holds the person to a district admin who can see it", async () => {
    const t = await newTenant();
    const sibling = await newBranch(t.district.id, t.districtKey, "第二党支部");
    const idNumber = idNumberFor("1982-06-01", 3);
    await call(`/v1/branches/${sibling.id}/members`, {
      key: t.districtKey,
      body: { name: "李四", gender: "male", birthDate: "1982-06-01", status: "applicant", idNumber },
    });
    const r = await call(`/v1/branches/${t.branch.id}/members`, {
      key: t.districtKey,
      body: { name: "李四", gender: "male", birthDate: "1982-06-01", status: "applicant", idNumber },
    });
    expect(r.status).toBe(422);
    expect(r.body.detail).toContain("第二党支部");
    expect(r.body.errors[0].facts.branchId).toBe(sibling.id);
  });

  it("lets exactly one of two branches that add the same person at the same moment have them", async () => {
    const a = await newTenant({ shard: 0 });
    const b = await newTenant({ shard: 1 });
    const idNumber = idNumberFor("1990-09-09", 42);
    const add = (branchId: string, key: string) =>
      call(`/v1/branches/${branchId}/members`, {
        key,
        body: { name: "并发", gender: "female", birthDate: "1990-09-09", status: "applicant", idNumber },
      });
    const results = await Promise.all([add(a.branch.id, a.branchKey), add(b.branch.id, b.branchKey)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
  });

  it("honours a claim still landing, and takes over one whose member never reached a roll", async () => {
    const t = await newTenant();
    const ghost = await newTenant();
    const idNumber = idNumberFor("1988-08-08", 8);
    const hash = await lookupHash(env.MEMBER_DATA_KEY, idNumber);
    const claim = (claimedAt: Date) =>
      env.DIRECTORY.prepare(
        "INSERT OR REPLACE INTO persons (id_hash, member_id, district_id, branch_id, claimed_at) VALUES (?, 'mb_never_landed', ?, ?, ?)",
      )
        .bind(hash, ghost.district.id, ghost.branch.id, claimedAt.toISOString())
        .run();
    const add = () =>
      call(`/v1/branches/${t.branch.id}/members`, {
        key: t.branchKey,
        body: { name: "王晓明", gender: "male", birthDate: "1988-08-08", status: "applicant", idNumber },
      });
    // a write that claimed the person a moment ago may still be landing in its shard
    await claim(new Date());
    expect((await add()).status).toBe(422);
    // an hour later nothing landed: the claim was abandoned
    await claim(new Date(Date.now() - 3_600_000));
    const added = await add();
    expect(added.status).toBe(201);
    const holder = await env.DIRECTORY.prepare("SELECT member_id, branch_id FROM persons WHERE id_hash = ?")
      .bind(hash)
      .first<{ member_id: string; branch_id: string }>();
    expect(holder).toEqual({ member_id: added.body.id, branch_id: t.branch.id });
  });

  it("rejects import rows of people on another roll by line and lands the rest", async () => {
    const a = await newTenant();
    const b = await newTenant();
    const held = idNumberFor("1970-01-01", 5);
    await newMember(a.branch.id, a.branchKey, { idNumber: held, birthDate: "1970-01-01" });
    const file = [
      "name,gender,birthDate,status,joinedOn,idNumber",
      `王晓明,male,1970-01-01,full,2010-07-01,${held}`,
      `新人,female,1991-01-01,applicant,,${idNumberFor("1991-01-01", 6)}`,
    ].join("\n");
    const r = await call(`/v1/branches/${b.branch.id}/members/import`, {
      key: b.branchKey,
      raw: file,
      headers: { "content-type": "text/csv" },
    });
    expect(r.status).toBe(200);
    expect(r.body.created).toBe(1);
    expect(r.body.rejected).toEqual([
      { line: 2, errors: [expect.objectContaining({ path: "idNumber", rule: "person_on_another_roll" })] },
    ]);
  });

  it("refuses a development case for a new person who is on another roll", async () => {
    const a = await newTenant();
    const b = await newTenant();
    const idNumber = idNumberFor("2000-02-02", 7);
    await newMember(a.branch.id, a.branchKey, {
      idNumber,
      birthDate: "2000-02-02",
      status: "applicant",
      joinedOn: null,
    });
    const r = await call(`/v1/branches/${b.branch.id}/development/cases`, {
      key: b.branchKey,
      body: {
        appliedOn: "2026-01-05",
        person: { name: "赵六", gender: "male", birthDate: "2000-02-02", idNumber },
      },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].rule).toBe("person_on_another_roll");
    expect((await call(`/v1/branches/${b.branch.id}/members`, { key: b.branchKey })).body.items).toHaveLength(
      0,
    );
  });

  it("moves with a changed ID number: the new one is checked, the old one freed", async () => {
    const a = await newTenant();
    const b = await newTenant();
    const heldByB = idNumberFor("1979-07-07", 1);
    const oldNumber = idNumberFor("1979-07-07", 2);
    const fresh = idNumberFor("1979-07-07", 3);
    await newMember(b.branch.id, b.branchKey, { idNumber: heldByB, birthDate: "1979-07-07" });
    const m = await newMember(a.branch.id, a.branchKey, { idNumber: oldNumber, birthDate: "1979-07-07" });
    const taken = await call(`/v1/branches/${a.branch.id}/members/${m.id}`, {
      method: "PATCH",
      key: a.branchKey,
      body: { version: m.version, idNumber: heldByB },
    });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0].rule).toBe("person_on_another_roll");
    const moved = await call(`/v1/branches/${a.branch.id}/members/${m.id}`, {
      method: "PATCH",
      key: a.branchKey,
      body: { version: m.version, idNumber: fresh },
    });
    expect(moved.status).toBe(200);
    // the number a corrected no longer names anyone: b may add that person
    const freed = await call(`/v1/branches/${b.branch.id}/members`, {
      key: b.branchKey,
      body: {
        name: "另一人",
        gender: "female",
        birthDate: "1979-07-07",
        status: "full",
        joinedOn: "2001-07-01",
        idNumber: oldNumber,
      },
    });
    expect(freed.status).toBe(201);
  });
});
