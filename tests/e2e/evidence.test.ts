import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { docxText, exe, pdf, upload } from "@vanguard/testing/evidence-files";
import { describe, expect, inject, it } from "vitest";
import { demoDistrict } from "../support/demo";
import { base, http, must, tenant } from "../support/http";

/** Every file under `dir` (the local R2 store keeps each object's bytes as one blob file). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** The blob holding exactly these bytes in wrangler's local R2 persistence (`<state>/v3/r2/<bucket>/blobs`). */
function blobOf(bytes: Uint8Array): string {
  const root = join(inject("statePath"), "v3", "r2", "vanguard-evidence");
  const hits = filesUnder(root).filter((p) => {
    const b = readFileSync(p);
    return b.length === bytes.length && Buffer.compare(b, Buffer.from(bytes)) === 0;
  });
  expect(hits, "one blob holds the uploaded bytes").toHaveLength(1);
  return hits[0]!;
}

/** A stored file as the API serves it to `key`: its status and its bytes. */
async function download(url: string, key: string) {
  const res = await fetch(`${base()}${url}`, { headers: { authorization: `Bearer ${key}` } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe("evidence over HTTP", () => {
  it("attaches a file to a step, serves it back, and reports it once its bytes are altered in the store", async () => {
    const t = await tenant(0);
    const opened = await must("POST", `/v1/branches/${t.branch.id}/development/cases`, {
      key: t.branchKey,
      body: { person: { name: "周明", gender: "male", birthDate: "1999-05-01" }, appliedOn: "2025-09-01" },
    });
    const step = `/v1/branches/${t.branch.id}/development/cases/${opened.id}/steps/application/attachments`;
    const bytes = pdf(`周明的入党申请书 ${t.branch.id}`);
    const attached = await http("POST", step, {
      key: t.branchKey,
      raw: upload(bytes, "周明 入党申请书.pdf", { document: "application_letter" }),
    });
    expect(attached.status, JSON.stringify(attached.body)).toBe(201);

    // the download, with the headers a browser must not second-guess
    const { res, bytes: served } = await download(attached.body.url, t.districtKey);
    expect(res.status).toBe(200);
    expect(served.equals(Buffer.from(bytes))).toBe(true);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("周明 入党申请书.pdf")}`,
    );

    // another tenant's key finds nothing
    const other = await tenant(1);
    expect((await http("GET", attached.body.url, { key: other.branchKey })).status).toBe(404);
    expect((await http("GET", step, { key: null })).status).toBe(401);

    const check = `/v1/branches/${t.branch.id}/attachments/verify`;
    expect(await must("GET", check, { key: t.districtKey })).toEqual({
      checked: 1,
      ok: true,
      problems: [],
      nextCursor: null,
    });

    // someone with access to the store changes one byte
    const blob = blobOf(bytes);
    const altered = Buffer.from(bytes);
    altered[altered.length - 3] = "X".charCodeAt(0);
    writeFileSync(blob, altered);

    const verdict = await must("GET", check, { key: t.districtKey });
    expect(verdict).toMatchObject({
      checked: 1,
      ok: false,
      problems: [
        {
          id: attached.body.id,
          status: "altered",
          expectedSha256: attached.body.sha256,
          targetType: "development_step",
        },
      ],
    });
    expect(verdict.problems[0].actualSha256).not.toBe(attached.body.sha256);
    // the log itself is intact: it is what still holds the true hash
    expect(
      await must("GET", `/v1/branches/${t.branch.id}/events/verify?full=true`, { key: t.districtKey }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("sends a case's files with its person on a transfer across shards: listed, served and vouched for by the receiving chain", async () => {
    const from = await tenant(0);
    const to = await tenant(1);
    const opened = await must("POST", `/v1/branches/${from.branch.id}/development/cases`, {
      key: from.branchKey,
      body: {
        person: { name: "调动申请人", gender: "female", birthDate: "1997-02-01" },
        appliedOn: "2025-09-01",
      },
    });
    const stepOf = (t: { branch: { id: string } }, step: string) =>
      `/v1/branches/${t.branch.id}/development/cases/${opened.id}/steps/${step}/attachments`;
    const bytes = pdf(`调动申请人的入党申请书 ${from.branch.id}`);
    const attached = await http("POST", stepOf(from, "application"), {
      key: from.branchKey,
      raw: upload(bytes, "入党申请书.pdf", { document: "application_letter" }),
    });
    expect(attached.status, JSON.stringify(attached.body)).toBe(201);

    const letter = await must("POST", `/v1/branches/${from.branch.id}/members/${opened.memberId}/transfers`, {
      key: from.branchKey,
      body: { toBranchId: to.branch.id },
    });
    expect((await must("POST", `/v1/transfers/${letter.id}/accept`, { key: to.branchKey })).status).toBe(
      "accepted",
    );

    // the receiving branch lists the file on the same step and serves the same bytes
    const there = await must("GET", stepOf(to, "application"), { key: to.branchKey });
    expect(there.items.map((a: { id: string; sha256: string }) => [a.id, a.sha256])).toEqual([
      [attached.body.id, attached.body.sha256],
    ]);
    const moved = await download(there.items[0].url, to.branchKey);
    expect(moved.res.status).toBe(200);
    expect(moved.bytes.equals(Buffer.from(bytes))).toBe(true);
    // its chain vouches for it: an event names the file with its hash, and the check finds it whole
    const received = await must("GET", `/v1/branches/${to.branch.id}/events?limit=50`, {
      key: to.districtKey,
    });
    expect(
      received.items
        .filter((e: { action: string }) => e.action === "evidence.received")
        .map((e: { subjectId: string; after: { sha256: string } }) => [e.subjectId, e.after.sha256]),
    ).toEqual([[attached.body.id, attached.body.sha256]]);
    expect(
      await must("GET", `/v1/branches/${to.branch.id}/attachments/verify`, { key: to.districtKey }),
    ).toEqual({
      checked: 1,
      ok: true,
      problems: [],
      nextCursor: null,
    });
    expect(
      await must("GET", `/v1/branches/${to.branch.id}/events/verify?full=true`, { key: to.districtKey }),
    ).toMatchObject({ ok: true });

    // the same bytes attached again there reuse the stored object, and are served
    const again = await http("POST", stepOf(to, "application_talk"), {
      key: to.branchKey,
      raw: upload(bytes, "入党申请书（复印件）.pdf", { document: "other" }),
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const copy = await download(again.body.url, to.branchKey);
    expect(copy.res.status).toBe(200);
    expect(copy.bytes.equals(Buffer.from(bytes))).toBe(true);

    // the sending branch keeps its closed copy of the case, its file listed as before
    const kept = await must("GET", stepOf(from, "application"), { key: from.branchKey });
    expect(kept.items.map((a: { id: string }) => a.id)).toEqual([attached.body.id]);
  });

  it("refuses an executable named .pdf, in Chinese and in English, and a body over 20 MiB at the door", async () => {
    const t = await tenant(1);
    const opened = await must("POST", `/v1/branches/${t.branch.id}/development/cases`, {
      key: t.branchKey,
      body: { person: { name: "吴刚", gender: "male", birthDate: "1998-03-01" }, appliedOn: "2025-09-01" },
    });
    const step = `/v1/branches/${t.branch.id}/development/cases/${opened.id}/steps/application/attachments`;
    const mz = exe();
    const zh = await http("POST", step, { key: t.branchKey, raw: upload(mz, "申请书.pdf") });
    expect(zh.status).toBe(415);
    expect(zh.headers.get("content-type")).toContain("application/problem+json");
    expect(zh.body.detail).toContain("文件内容不是允许的类型");
    const en = await http("POST", step, {
      key: t.branchKey,
      raw: upload(mz, "a.pdf"),
      headers: { "accept-language": "en" },
    });
    expect(en.body.detail).toContain("not an allowed type");
    const big = new Uint8Array(21 * 1024 * 1024);
    big.set(pdf("big"));
    const tooBig = await http("POST", step, { key: t.branchKey, raw: upload(big, "big.pdf") });
    expect(tooBig.status).toBe(413);
    expect((await must("GET", step, { key: t.branchKey })).items).toEqual([]);
  });

  it("seeds the demo with evidence on steps and meetings, and fills the demo's 支部大会决议 from its case", async () => {
    const demo = await demoDistrict();
    const econ = demo.keys.branches.econ!;
    const b = `/v1/branches/${econ.branchId}`;
    const verdict = await must("GET", `${b}/attachments/verify?limit=100`, { key: demo.keys.auditor });
    expect(verdict.ok).toBe(true);
    expect(verdict.checked).toBeGreaterThanOrEqual(7);
    const meetings = (await must("GET", `${b}/meetings?limit=20`, { key: econ.branchAdmin })).items;
    const onMeeting = await must("GET", `${b}/meetings/${meetings[0].id}/attachments`, {
      key: econ.branchAdmin,
    });
    expect(onMeeting.items.map((a: { document: string }) => a.document).sort()).toEqual([
      "photo",
      "sign_in_sheet",
    ]);

    const cases = (await must("GET", `${b}/development/cases?limit=200`, { key: econ.branchAdmin })).items;
    const admitted = cases.find((c: { stage: string }) => c.stage === "probationary");
    const res = await fetch(
      `${base()}${b}/development/cases/${admitted.id}/documents/admission_resolution.docx`,
      {
        headers: { authorization: `Bearer ${econ.branchAdmin}` },
      },
    );
    expect(res.status).toBe(200);
    const text = docxText(new Uint8Array(await res.arrayBuffer()));
    const timeline = await must("GET", `${b}/development/cases/${admitted.id}/timeline?limit=200`, {
      key: econ.branchAdmin,
    });
    const vote = timeline.items.find((e: { step?: string }) => e.step === "admission_vote");
    const [y, m, d] = vote.on.split("-").map(Number);
    expect(text).toContain(
      `${y}年${m}月${d}日，中共经济信息中心党支部召开支部党员大会，讨论${admitted.memberName}同志的入党问题`,
    );
    expect(text).toContain(`赞成${vote.data.for}票，反对${vote.data.against}票，弃权${vote.data.abstain}票`);
  });
});
