import { describe, expect, it } from "vitest";
import { call, newBranch, newTenant, PLATFORM_KEY } from "./harness";

describe("districts", () => {
  it("creates a district on the shard asked for and lists it", async () => {
    const created = await call("/v1/districts", { body: { code: "ganyu-t1", name: "赣榆区", shard: 1 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: "ganyu-t1",
      name: "赣榆区",
      shard: 1,
      timeZone: "Asia/Shanghai",
      version: 1,
    });
    expect(created.body.id).toMatch(/^dt_[0-9A-Z]{26}$/);
    const got = await call(`/v1/districts/${created.body.id}`);
    expect(got.body.name).toBe("赣榆区");
    const listed = await call("/v1/districts?limit=200");
    expect(listed.body.items.map((d: { id: string }) => d.id)).toContain(created.body.id);
  });

  it("refuses a duplicate code with 409 and an unknown time zone with 400", async () => {
    await call("/v1/districts", { body: { code: "dup-code", name: "甲" } });
    const again = await call("/v1/districts", { body: { code: "dup-code", name: "乙" } });
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toContain("application/problem+json");
    expect(again.body.code).toBe("conflict");
    const tz = await call("/v1/districts", {
      body: { code: "tz-bad", name: "丙", timeZone: "Mars/Olympus" },
    });
    expect(tz.status).toBe(400);
    expect(tz.body.errors[0].path).toBe("timeZone");
  });

  it("places districts on the least-loaded shard when not told", async () => {
    const a = await call("/v1/districts", { body: { code: "place-a", name: "甲" } });
    const b = await call("/v1/districts", { body: { code: "place-b", name: "乙" } });
    expect(new Set([a.body.shard, b.body.shard])).toEqual(new Set([0, 1]));
  });

  it("pages with a cursor", async () => {
    for (let i = 0; i < 3; i++) await call("/v1/districts", { body: { code: `page-${i}`, name: `区${i}` } });
    const first = await call("/v1/districts?limit=2");
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call(`/v1/districts?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id > first.body.items[1].id).toBe(true);
    const bad = await call("/v1/districts?cursor=not-a-cursor");
    expect(bad.status).toBe(400);
  });
});

describe("branches", () => {
  it("builds the org tree as a materialized path and checks what may contain what", async () => {
    const t = await newTenant();
    const general = await call(`/v1/districts/${t.district.id}/branches`, {
      key: t.districtKey,
      body: { name: "机关党总支", kind: "general_branch", foundedOn: "2001-07-01" },
    });
    expect(general.status).toBe(201);
    const child = await call(`/v1/districts/${t.district.id}/branches`, {
      key: t.districtKey,
      body: {
        name: "经济信息中心党支部",
        kind: "branch",
        parentId: general.body.id,
        foundedOn: "2005-07-01",
      },
    });
    expect(child.body.path).toBe(`/${general.body.id}/${child.body.id}/`);
    const nested = await call(`/v1/districts/${t.district.id}/branches`, {
      key: t.districtKey,
      body: { name: "不可嵌套", kind: "general_branch", parentId: child.body.id, foundedOn: "2005-07-01" },
    });
    expect(nested.status).toBe(422);
    expect(nested.body.errors[0].rule).toBe("parent_kind");
  });

  it("patches with the current version and answers 409 for a stale one", async () => {
    const t = await newTenant();
    const renamed = await call(`/v1/branches/${t.branch.id}`, {
      method: "PATCH",
      key: t.branchKey,
      body: { version: 1, name: "新名称党支部" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "新名称党支部", version: 2 });
    const stale = await call(`/v1/branches/${t.branch.id}`, {
      method: "PATCH",
      key: t.branchKey,
      body: { version: 1, name: "旧" },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
    expect((await call(`/v1/branches/${t.branch.id}`, { key: t.branchKey })).body.name).toBe("新名称党支部");
  });
});

describe("keys", () => {
  it("shows a key once, stores only its hash, and a revoked key stops at once", async () => {
    const t = await newTenant();
    const issued = await call(`/v1/branches/${t.branch.id}/keys`, {
      key: t.districtKey,
      body: { role: "branch_admin", label: "副书记" },
    });
    expect(issued.status).toBe(201);
    expect(issued.body.key).toMatch(/^vgk_[A-Za-z0-9_-]{43}$/);
    const listed = await call(`/v1/branches/${t.branch.id}/keys`, { key: t.branchKey });
    const row = listed.body.items.find((k: { id: string }) => k.id === issued.body.id);
    expect(row).toMatchObject({ prefix: issued.body.key.slice(0, 10), revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.key);

    expect((await call(`/v1/branches/${t.branch.id}`, { key: issued.body.key })).status).toBe(200);
    expect((await call(`/v1/keys/${issued.body.id}`, { method: "DELETE", key: t.branchKey })).status).toBe(
      204,
    );
    const after = await call(`/v1/branches/${t.branch.id}`, { key: issued.body.key });
    expect(after.status).toBe(401);
    expect(after.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("replays a retried key issue without creating a second key or revealing the first", async () => {
    const t = await newTenant();
    const send = () =>
      call(`/v1/branches/${t.branch.id}/keys`, {
        key: t.districtKey,
        headers: { "Idempotency-Key": "issue-1" },
        body: { role: "branch_admin", label: "组织委员" },
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.key).toBeNull();
    const listed = await call(`/v1/branches/${t.branch.id}/keys`, { key: t.branchKey });
    expect(listed.body.items.filter((k: { label: string }) => k.label === "组织委员")).toHaveLength(1);
  });

  it("scopes an auditor key issued over chosen districts", async () => {
    const a = await newTenant();
    const b = await newTenant();
    const auditor = await call("/v1/keys", {
      body: { role: "auditor", label: "市委巡察", districtIds: [a.district.id] },
    });
    expect(auditor.status).toBe(201);
    expect((await call(`/v1/districts/${a.district.id}`, { key: auditor.body.key })).status).toBe(200);
    expect((await call(`/v1/districts/${b.district.id}`, { key: auditor.body.key })).status).toBe(404);
    const listed = await call("/v1/districts", { key: auditor.body.key });
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([a.district.id]);
  });

  it("answers 401 without a key and with a malformed header", async () => {
    expect((await call("/v1/districts", { key: null })).status).toBe(401);
    expect((await call("/v1/districts", { key: null, headers: { authorization: "Basic abc" } })).status).toBe(
      401,
    );
    expect((await call("/v1/districts", { key: "vgk_not_a_real_key_000" })).status).toBe(401);
    expect((await call("/v1/districts", { key: PLATFORM_KEY })).status).toBe(200);
  });

  it("lets a district admin provision branches only in its own district", async () => {
    const a = await newTenant();
    const b = await newTenant();
    const other = await call(`/v1/districts/${b.district.id}/branches`, {
      key: a.districtKey,
      body: { name: "越权支部", kind: "branch", foundedOn: "2020-01-01" },
    });
    expect(other.status).toBe(404);
    const own = await newBranch(a.district.id, a.districtKey);
    expect(own.districtId).toBe(a.district.id);
  });
});

describe("working calendar", () => {
  it("serves the bundled official days and lets a platform admin enter a new year", async () => {
    const t = await newTenant();
    const y2026 = await call("/v1/calendar/2026", { key: t.branchKey });
    expect(y2026.body.days).toContainEqual({
      date: "2026-10-10",
      kind: "workday",
      name: "国庆节",
      source: "bundled",
    });
    const put = await call("/v1/calendar/2027", {
      method: "PUT",
      body: { days: [{ date: "2027-01-01", kind: "holiday", name: "元旦" }] },
    });
    expect(put.status).toBe(200);
    expect(put.body.days).toContainEqual({
      date: "2027-01-01",
      kind: "holiday",
      name: "元旦",
      source: "entered",
    });
    const forbidden = await call("/v1/calendar/2027", {
      method: "PUT",
      key: t.districtKey,
      body: { days: [] },
    });
    expect(forbidden.status).toBe(403);
  });
});
