import { describe, expect, it } from "vitest";
import { http, must, tenant, unique } from "../support/http";

// The stack runs with the default AUTH_CACHE_SECONDS: what the api worker remembers about a key and
// a branch must save directory round trips without ever outliving a change made through it.
describe("the api worker's memory of keys and branches", () => {
  const queries = (r: { headers: Headers }) => Number(r.headers.get("x-d1-queries"));

  it("resolves a key and its branch once, then reads only the shard", async () => {
    const t = await tenant(1);
    const path = `/v1/branches/${t.branch.id}/members?limit=`;
    const first = await http("GET", `${path}50`, { key: t.branchKey });
    // another page size, so the list is read again rather than kept (docs/architecture.md)
    const second = await http("GET", `${path}49`, { key: t.branchKey });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    // the key and branch lookup is one statement each; the district's write count and the list are the rest
    expect(queries(second)).toBe(queries(first) - 2);
    expect(queries(second)).toBe(2);
  });

  it("resolves a district once for the district's routes", async () => {
    // the platform key is checked without the directory, so only the district's lookup is counted
    const district = await must("POST", "/v1/districts", { body: { code: unique("cache"), name: "缓存区" } });
    const path = `/v1/districts/${district.id}/branches`;
    const first = await http("GET", path);
    const second = await http("GET", path);
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(queries(second)).toBe(queries(first) - 1);
    // and for the module routes the api worker forwards
    const board = `/v1/districts/${district.id}/study/leaderboard?period=month`;
    expect((await http("GET", board)).status).toBe(200);
    // warm, the district is not looked up again: the district's write counts (directory and shard),
    // which the api worker keeps the answer under, and the study worker's standings query (its
    // branch names are remembered too)
    expect(queries(await http("GET", board))).toBe(3);
    // and asked again, the kept answer after the shard's count (the directory's is remembered)
    expect(queries(await http("GET", board))).toBe(1);
  });

  it("stops a revoked key at once", async () => {
    const t = await tenant(0);
    const issued = await must("POST", `/v1/branches/${t.branch.id}/keys`, {
      key: t.districtKey,
      body: { role: "branch_admin", label: "组织委员" },
    });
    const path = `/v1/branches/${t.branch.id}/members`;
    expect((await http("GET", path, { key: issued.key })).status).toBe(200);
    expect((await http("GET", path, { key: issued.key })).status).toBe(200);
    expect((await http("DELETE", `/v1/keys/${issued.id}`, { key: t.branchKey })).status).toBe(204);
    const after = await http("GET", path, { key: issued.key });
    expect(after.status).toBe(401);
    expect(after.headers.get("content-type")).toContain("application/problem+json");
  });

  it("shows a renamed branch and its new version at once", async () => {
    const t = await tenant(0);
    const path = `/v1/branches/${t.branch.id}`;
    const before = await must("GET", path, { key: t.branchKey });
    const name = unique("改名支部").replace(/-/g, "");
    const patched = await http("PATCH", path, {
      key: t.districtKey,
      body: { name, version: before.version },
    });
    expect(patched.status).toBe(200);
    const after = await must("GET", path, { key: t.branchKey });
    expect(after).toMatchObject({ name, version: before.version + 1 });
    // a second rename with the version just read succeeds: nothing stale was handed out
    const again = await http("PATCH", path, {
      key: t.branchKey,
      body: { name: `${name}二`, version: after.version },
    });
    expect(again.status).toBe(200);
  });
});
