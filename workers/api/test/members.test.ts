import { env } from "cloudflare:workers";
import { DataPlane, listMembers, tenantContext } from "@vanguard/db";
import { decryptField, personalDataKeys } from "@vanguard/platform";
import { describe, expect, it } from "vitest";
import { call, eventCount, idNumberFor, memberKey, newMember, newTenant } from "./harness";

describe("members", () => {
  it("stores identity numbers and phones encrypted and shows them masked", async () => {
    const t = await newTenant({ shard: 1 });
    const idNumber = idNumberFor("1985-03-12", 17);
    const m = await newMember(t.branch.id, t.branchKey, { idNumber, phone: "13812345678" });
    expect(m.idNumber).toBe(`**************${idNumber.slice(-4)}`);
    expect(m.phone).toBe("138****5678");

    const row = await env
      .SHARD_1!.prepare("SELECT * FROM members WHERE id = ?")
      .bind(m.id)
      .first<Record<string, string>>();
    expect(row).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(idNumber);
    expect(JSON.stringify(row)).not.toContain("13812345678");
    const keys = await personalDataKeys(env);
    expect(await decryptField(keys, row!.id_number_enc!)).toBe(idNumber);
    expect(await decryptField(keys, row!.phone_enc!)).toBe("13812345678");

    const events = await call(`/v1/branches/${t.branch.id}/events`, { key: t.branchKey });
    expect(JSON.stringify(events.body)).not.toContain(idNumber);
  });

  it("reads a page of the roll without the sealed numbers or their HMAC", async () => {
    const t = await newTenant({ shard: 1 });
    const idNumber = idNumberFor("1985-03-12", 23);
    await newMember(t.branch.id, t.branchKey, { idNumber, phone: "13812345678" });
    const tc = tenantContext(new DataPlane(env), {
      districtId: t.district.id,
      branchId: t.branch.id,
      timeZone: "Asia/Shanghai",
      shard: 1,
    });
    const [row] = await listMembers(tc, { limit: 10 });
    expect(row).toMatchObject({
      idNumberMasked: `**************${idNumber.slice(-4)}`,
      phoneMasked: "138****5678",
    });
    expect(Object.keys(row!)).not.toContain("idNumberEnc");
    expect(Object.keys(row!)).not.toContain("idNumberHash");
    expect(Object.keys(row!)).not.toContain("phoneEnc");
  });

  it("never shows a masked number beside a full birth date to an auditor, in the roll or the log", async () => {
    const t = await newTenant();
    const idNumber = idNumberFor("1975-04-18", 17);
    const m = await newMember(t.branch.id, t.branchKey, { idNumber, birthDate: "1975-04-18" });
    // the roll's keepers see the birth date, and never more than the last 4 characters of the number
    const kept = await call(`/v1/branches/${t.branch.id}/members/${m.id}`, { key: t.districtKey });
    expect(kept.body).toMatchObject({
      birthDate: "1975-04-18",
      idNumber: `**************${idNumber.slice(-4)}`,
    });
    // an auditor sees no birth date, in the list or in the event log
    const listed = await call(`/v1/branches/${t.branch.id}/members`, { key: t.auditorKey });
    expect(listed.body.items[0]).toMatchObject({
      birthDate: null,
      idNumber: `**************${idNumber.slice(-4)}`,
    });
    const logged = await call(`/v1/branches/${t.branch.id}/events`, { key: t.auditorKey });
    const text = JSON.stringify(logged.body);
    expect(text).not.toContain("1975-04-18");
    expect(text).toContain('"birthDate":null');
    expect(text).not.toContain(`${idNumber.slice(0, 3)}*`);
    // the log itself is untouched: it still verifies
    expect((await call(`/v1/branches/${t.branch.id}/events/verify`, { key: t.auditorKey })).body.ok).toBe(
      true,
    );
  });

  it("lists with status and name filters and pages", async () => {
    const t = await newTenant();
    await newMember(t.branch.id, t.branchKey, { name: "张建国" });
    await newMember(t.branch.id, t.branchKey, { name: "李红", status: "activist", joinedOn: null });
    await newMember(t.branch.id, t.branchKey, {
      name: "张卫东",
      status: "probationary",
      joinedOn: "2026-06-01",
    });
    const zhang = await call(`/v1/branches/${t.branch.id}/members?q=张`, { key: t.branchKey });
    expect(zhang.body.items.map((m: { name: string }) => m.name).sort()).toEqual(["张卫东", "张建国"]);
    const activists = await call(`/v1/branches/${t.branch.id}/members?status=activist`, { key: t.branchKey });
    expect(activists.body.items.map((m: { name: string }) => m.name)).toEqual(["李红"]);
    const p1 = await call(`/v1/branches/${t.branch.id}/members?limit=2`, { key: t.branchKey });
    const p2 = await call(`/v1/branches/${t.branch.id}/members?limit=2&cursor=${p1.body.nextCursor}`, {
      key: t.branchKey,
    });
    expect([...p1.body.items, ...p2.body.items]).toHaveLength(3);
    expect(p2.body.nextCursor).toBeNull();
    // LIKE wildcards are text, not patterns
    expect(
      (await call(`/v1/branches/${t.branch.id}/members?q=%25`, { key: t.branchKey })).body.items,
    ).toHaveLength(0);
  });

  it("refuses inconsistent records with the rules they break", async () => {
    const t = await newTenant();
    const r = await call(`/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      body: {
        name: "赵六",
        gender: "female",
        birthDate: "2000-05-01",
        status: "full",
        joinedOn: "2017-05-01",
        idNumber: idNumberFor("2000-05-02"),
      },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: { rule: string }) => e.rule).sort()).toEqual([
      "birth_date_matches_id_number",
      "joined_under_18",
    ]);
    expect(r.body.errors[0].facts).toEqual(expect.any(Object));
    expect(await eventCount(t.branch.id, t.branchKey)).toBe(0);
  });

  it("answers 409 for a second person with the same identity number", async () => {
    const t = await newTenant();
    const idNumber = idNumberFor("1985-03-12", 42);
    await newMember(t.branch.id, t.branchKey, { idNumber });
    const dup = await call(`/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      body: {
        name: "重复",
        gender: "male",
        birthDate: "1985-03-12",
        status: "applicant",
        idNumber: idNumber.toLowerCase(),
      },
    });
    expect(dup.status).toBe(409);
  });

  it("patches with optimistic concurrency: of two writers with the same version, one wins", async () => {
    const t = await newTenant();
    const m = await newMember(t.branch.id, t.branchKey);
    const send = (name: string) =>
      call(`/v1/branches/${t.branch.id}/members/${m.id}`, {
        method: "PATCH",
        key: t.branchKey,
        body: { version: 1, name },
      });
    const [a, b] = await Promise.all([send("甲"), send("乙")]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const now = await call(`/v1/branches/${t.branch.id}/members/${m.id}`, { key: t.branchKey });
    expect(now.body.version).toBe(2);
    expect(now.body.name).toBe(a.status === 200 ? "甲" : "乙");
    const log = await call(`/v1/branches/${t.branch.id}/events?subjectId=${m.id}`, { key: t.branchKey });
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
      "member.created",
      "member.updated",
    ]);
  });

  it("does not change status outside the development pipeline", async () => {
    const t = await newTenant();
    const m = await newMember(t.branch.id, t.branchKey, { status: "activist", joinedOn: null });
    const r = await call(`/v1/branches/${t.branch.id}/members/${m.id}`, {
      method: "PATCH",
      key: t.branchKey,
      body: { version: 1, status: "full" },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].message).toContain("status");
  });

  it("creates one member for a retried POST with the same Idempotency-Key, even concurrently", async () => {
    const t = await newTenant();
    const send = () =>
      call(`/v1/branches/${t.branch.id}/members`, {
        key: t.branchKey,
        headers: { "Idempotency-Key": "create-wang-1" },
        body: { name: "王五", gender: "male", birthDate: "1990-01-01", status: "applicant" },
      });
    const replies = await Promise.all([send(), send(), send()]);
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    const listed = await call(`/v1/branches/${t.branch.id}/members?q=王五`, { key: t.branchKey });
    expect(listed.body.items).toHaveLength(1);
    const reused = await call(`/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      headers: { "Idempotency-Key": "create-wang-1" },
      body: { name: "别人", gender: "female", birthDate: "1990-01-01", status: "applicant" },
    });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe("idempotency_key_reused");
  });

  it("keeps every write of concurrent creators in one unbroken chain", async () => {
    const t = await newTenant();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        newMember(t.branch.id, t.branchKey, { name: `并发${i}`, idNumber: null }),
      ),
    );
    const verdict = await call(`/v1/branches/${t.branch.id}/events/verify`, { key: t.branchKey });
    expect(verdict.body).toMatchObject({ ok: true, length: 8 });
  });

  it("lets a member read their own record and nobody else's", async () => {
    const t = await newTenant();
    const me = await newMember(t.branch.id, t.branchKey, { name: "本人" });
    const other = await newMember(t.branch.id, t.branchKey, { name: "他人", idNumber: null });
    const key = await memberKey(t.branch.id, me.id, t.branchKey);
    expect((await call(`/v1/branches/${t.branch.id}/members/${me.id}`, { key })).status).toBe(200);
    expect((await call(`/v1/branches/${t.branch.id}/members/${other.id}`, { key })).status).toBe(404);
    expect((await call(`/v1/branches/${t.branch.id}/members`, { key })).status).toBe(403);
  });

  it("answers in English when asked", async () => {
    const t = await newTenant();
    const zh = await call(`/v1/branches/${t.branch.id}/members/mb_nope`, { key: t.branchKey });
    expect(zh.body.title).toBe("资源不存在");
    const en = await call(`/v1/branches/${t.branch.id}/members/mb_nope`, {
      key: t.branchKey,
      headers: { "accept-language": "en-US,en;q=0.9,zh;q=0.5" },
    });
    expect(en.body.title).toBe("Not found");
    expect(en.headers.get("content-language")).toBe("en");
  });
});
