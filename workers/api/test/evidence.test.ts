import { env, exports } from "cloudflare:workers";
import { DEFAULT_PIPELINE_RULES } from "@vanguard/domain";
import { docxText, pdf, png, rewriteDocx, upload } from "@vanguard/testing/evidence-files";
import { describe, expect, it } from "vitest";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

import { call, newMember, newTenant } from "./harness";

const bucket = () => (env as unknown as { EVIDENCE: R2Bucket }).EVIDENCE;

async function stepOf(t: Awaited<ReturnType<typeof newTenant>>) {
  const opened = await call(`/v1/branches/${t.branch.id}/development/cases`, {
    key: t.branchKey,
    body: { person: { name: "陈思远", gender: "male", birthDate: "1998-05-04" }, appliedOn: "2025-09-01" },
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  return `/v1/branches/${t.branch.id}/development/cases/${opened.body.id}/steps/application/attachments`;
}

describe("the attachments check", () => {
  it("passes intact files and names the altered, the missing and the ones whose row left the chain, page by page", async () => {
    const t = await newTenant();
    const step = await stepOf(t);
    const files = [pdf("一"), pdf("二"), png(3), pdf("四")];
    const ids: string[] = [];
    for (const [i, f] of files.entries()) {
      const r = await call(step, { key: t.branchKey, raw: upload(f, `材料${i}.pdf`) });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids.push(r.body.id);
    }
    const check = `/v1/branches/${t.branch.id}/attachments/verify`;
    const clean = await call(check, { key: t.auditorKey });
    expect(clean.body).toEqual({ checked: 4, ok: true, problems: [], nextCursor: null });

    // bytes replaced under the same key, a file removed, a row's hash rewritten in the database
    const keyOf = (sha: string) => `branches/${t.branch.id}/${sha}`;
    const shaOf = async (id: string) =>
      (await call(step, { key: t.branchKey })).body.items.find((x: { id: string }) => x.id === id).sha256;
    await bucket().put(keyOf(await shaOf(ids[0]!)), pdf("篡改"));
    await bucket().delete(keyOf(await shaOf(ids[1]!)));
    const shard = (env as unknown as Record<string, D1Database>)[`SHARD_${t.district.shard}`]!;
    await shard.prepare("UPDATE attachments SET sha256 = ? WHERE id = ?").bind("0".repeat(64), ids[2]).run();

    const first = await call(`${check}?limit=2`, { key: t.districtKey });
    expect(first.body).toMatchObject({ checked: 2, ok: false });
    expect(first.body.problems.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
      [ids[0], "altered"],
      [ids[1], "missing"],
    ]);
    const second = await call(`${check}?limit=2&cursor=${first.body.nextCursor}`, { key: t.districtKey });
    expect(second.body).toMatchObject({ checked: 2, ok: false, nextCursor: null });
    // the bytes still match the chain: it is the row that was rewritten
    expect(second.body.problems).toEqual([
      expect.objectContaining({ id: ids[2], status: "unchained", actualSha256: "0".repeat(64) }),
    ]);
  });

  it("is for the branch's readers only: 401 without a key, 404 for another district's keys, 400 past the page limit", async () => {
    const t = await newTenant();
    const other = await newTenant({ shard: 1 });
    const check = `/v1/branches/${t.branch.id}/attachments/verify`;
    expect((await call(check, { key: null })).status).toBe(401);
    expect((await call(check, { key: other.districtKey })).status).toBe(404);
    expect((await call(check, { key: other.branchKey })).status).toBe(404);
    expect((await call(`${check}?limit=101`, { key: t.districtKey })).status).toBe(400);
  });

  it("keeps the district's quota as a versioned setting", async () => {
    const t = await newTenant();
    const rules = `/v1/districts/${t.district.id}/evidence/rules`;
    expect((await call(rules, { key: t.auditorKey })).body).toEqual({
      districtId: t.district.id,
      version: 0,
      rules: { branchQuotaMb: 1024 },
    });
    const put = await call(rules, {
      method: "PUT",
      key: t.districtKey,
      body: { rules: { branchQuotaMb: 200 }, version: 0 },
    });
    expect(put.body).toMatchObject({ version: 1, rules: { branchQuotaMb: 200 } });
    const stale = await call(rules, {
      method: "PUT",
      key: t.districtKey,
      body: { rules: { branchQuotaMb: 300 }, version: 0 },
    });
    expect(stale.status).toBe(409);
    expect(
      (
        await call(rules, {
          method: "PUT",
          key: t.auditorKey,
          body: { rules: { branchQuotaMb: 300 }, version: 1 },
        })
      ).status,
    ).toBe(403);
    const bad = await call(rules, {
      method: "PUT",
      key: t.districtKey,
      body: { rules: { branchQuotaMb: 0 }, version: 1 },
    });
    expect(bad.status).toBe(400);
  });
});

describe("the development report and evidence", () => {
  it("counts the year's steps that lack the documents their district requires, until they are attached", async () => {
    const t = await newTenant();
    const rules = await call(`/v1/districts/${t.district.id}/development/rules`, {
      method: "PUT",
      key: t.districtKey,
      body: {
        rules: {
          ...DEFAULT_PIPELINE_RULES,
          evidence: { enforcement: "warn", required: { application_talk: ["talk_record"] } },
        },
        version: 0,
      },
    });
    expect(rules.status, JSON.stringify(rules.body)).toBe(200);
    const secretary = await newMember(t.branch.id, t.branchKey, { status: "full", joinedOn: "2008-07-01" });
    const opened = await call(`/v1/branches/${t.branch.id}/development/cases`, {
      key: t.branchKey,
      body: { person: { name: "陈思远", gender: "male", birthDate: "1998-05-04" }, appliedOn: "2025-03-01" },
    });
    const steps = `/v1/branches/${t.branch.id}/development/cases/${opened.body.id}/steps`;
    const talk = await call(steps, {
      key: t.branchKey,
      body: { step: "application_talk", occurredOn: "2025-03-10", data: { talkerIds: [secretary.id] } },
    });
    expect(talk.status, JSON.stringify(talk.body)).toBe(201);
    expect(talk.body.warnings.map((w: { rule: string }) => w.rule)).toEqual(["step_evidence_missing"]);
    const report = async () =>
      (await call(`/v1/reports/development?districtId=${t.district.id}&year=2025`, { key: t.auditorKey }))
        .body;
    const before = await report();
    expect(before.items[0].stepsMissingEvidence).toBe(1);
    expect(before.districts[0].stepsMissingEvidence).toBe(1);
    const attached = await call(`${steps}/application_talk/attachments`, {
      key: t.branchKey,
      raw: upload(pdf("谈话记录"), "谈话记录.pdf", { document: "talk_record" }),
    });
    expect(attached.status).toBe(201);
    expect((await report()).items[0].stepsMissingEvidence).toBe(0);
    const csv = await call(`/v1/reports/development?districtId=${t.district.id}&year=2025`, {
      key: t.auditorKey,
      headers: { accept: "text/csv" },
    });
    expect(String(csv.body)).toContain("缺少材料的环节");
  });
});

describe("a district's own templates", () => {
  it("validates, versions and uses an uploaded template; refuses unknown placeholders, other files and broken zips", async () => {
    const t = await newTenant();
    const base = `/v1/districts/${t.district.id}/document-templates`;
    const listed = await call(base, { key: t.auditorKey });
    expect(listed.body.items).toHaveLength(6);
    expect(listed.body.items.every((i: { version: number }) => i.version === 0)).toBe(true);
    const res = await exports.default.fetch(
      new Request(`https://vanguard.test${base}/meeting_minutes`, {
        headers: { authorization: `Bearer ${t.districtKey}` },
      }),
    );
    expect(res.headers.get("x-template-version")).toBe("0");
    const shipped = new Uint8Array(await res.arrayBuffer());
    expect(docxText(shipped)).toContain("{topic}");

    const put = (raw: BodyInit, key = t.districtKey) =>
      call(`${base}/meeting_minutes`, { method: "PUT", key, raw, headers: { "content-type": DOCX } });
    const unknown = await put(rewriteDocx(shipped, (x) => x.replace("{topic}", "{topic}{secretNote}")));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({
      rule: "template_unknown_placeholder",
      facts: { unknown: ["secretNote"] },
    });
    expect(unknown.body.detail).toContain("{secretNote}");
    const malformed = await put(rewriteDocx(shipped, (x) => x.replace("{topic}", "{topic")));
    expect(malformed.status).toBe(400);
    const broken = new Uint8Array(shipped.slice(0, 200));
    expect((await put(broken)).status).toBe(415);
    expect((await put(pdf())).status).toBe(415);
    expect((await put(shipped, t.auditorKey)).status).toBe(403);
    expect((await call(base, { key: t.branchKey })).status).toBe(404);
    expect(
      (await call(base, { key: t.auditorKey })).body.items.find(
        (i: { kind: string }) => i.kind === "meeting_minutes",
      ).version,
    ).toBe(0);

    const own = rewriteDocx(shipped, (x) => x.replace("会议记录", "赣榆区会议记录（新版）"));
    const saved = await put(own);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ kind: "meeting_minutes", version: 1 });

    // a meeting's record is now made from it
    const people = [];
    for (const name of ["甲", "乙"])
      people.push(
        await newMember(t.branch.id, t.branchKey, { name, status: "full", joinedOn: "2008-07-01" }),
      );
    const meeting = await call(`/v1/branches/${t.branch.id}/meetings`, {
      key: t.branchKey,
      body: {
        kind: "theme_day",
        heldOn: "2025-06-03",
        topic: "研究发展党员工作",
        attendeeIds: people.map((p) => p.id),
        hours: 1,
      },
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    const minutes = await exports.default.fetch(
      new Request(
        `https://vanguard.test/v1/branches/${t.branch.id}/meetings/${meeting.body.id}/documents/minutes.docx`,
        {
          headers: { authorization: `Bearer ${t.branchKey}` },
        },
      ),
    );
    expect(minutes.headers.get("x-template-version")).toBe("1");
    const text = docxText(new Uint8Array(await minutes.arrayBuffer()));
    expect(text).toContain("赣榆区会议记录（新版）");
    expect(text).toContain("主题：研究发展党员工作");
  });
});
