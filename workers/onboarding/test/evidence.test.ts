import { env, exports } from "cloudflare:workers";
import { insertRules, listEvents, verifyBranchChain } from "@vanguard/db";
import { DEFAULT_PIPELINE_RULES, EVIDENCE_RULES_KIND } from "@vanguard/domain";
import { signContext } from "@vanguard/platform";
import { exe, ooxml, pdf, png, sha256, upload } from "@vanguard/testing/evidence-files";
import { principalFor, TEST_INTERNAL_SECRET } from "@vanguard/testing/module-harness";
import { describe, expect, it } from "vitest";
import { type World, walk, world } from "./harness";

const bucket = () => (env as unknown as { EVIDENCE: R2Bucket }).EVIDENCE;

async function stored(branchId: string): Promise<number> {
  return (await bucket().list({ prefix: `branches/${branchId}/` })).objects.length;
}

/** The bytes of a download, as a browser would get them. */
async function download(w: World, path: string, role: Parameters<typeof principalFor>[0] = "branch_admin") {
  const res = await exports.default.fetch(
    new Request(`https://module.internal${path}`, {
      headers: {
        "x-vanguard-context": await signContext(TEST_INTERNAL_SECRET, {
          principal: principalFor(role, w.ref),
          requestId: "req_test_download",
          lang: "zh-CN",
          tenant: path.includes(w.ref.branchId) ? w.ref : undefined,
        }),
      },
    }),
  );
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function opened(w: World) {
  const { caseId, memberId } = await walk(w, []);
  return { caseId, memberId, step: `${w.cases}/${caseId}/steps/application/attachments` };
}

describe("evidence on a development step", () => {
  it("stores a file by its hash, chains the hash into the log and serves it back", async () => {
    const w = await world();
    const { step } = await opened(w);
    const bytes = pdf();
    const r = await w.call(step, {
      raw: upload(bytes, "陈思远 入党申请书.pdf", { document: "application_letter" }),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const hash = await sha256(bytes);
    expect(r.body).toMatchObject({
      targetType: "development_step",
      document: "application_letter",
      documentLabel: "入党申请书",
      filename: "陈思远 入党申请书.pdf",
      contentType: "application/pdf",
      size: bytes.byteLength,
      sha256: hash,
      supersededBy: null,
    });
    const object = await bucket().get(`branches/${w.ref.branchId}/${hash}`);
    expect(await sha256(await object!.arrayBuffer())).toBe(hash);

    const [ev] = await listEvents(w.tc, { limit: 5, subjectId: r.body.id });
    expect(ev!.action).toBe("evidence.attached");
    expect(JSON.parse(ev!.after!)).toMatchObject({ sha256: hash, document: "application_letter" });
    expect((await verifyBranchChain(w.tc)).ok).toBe(true);

    const listed = await w.call(step);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([r.body.id]);

    const got = await download(w, r.body.url);
    expect(got.status).toBe(200);
    expect(await sha256(got.bytes.buffer as ArrayBuffer)).toBe(hash);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-disposition")).toBe(
      `attachment; filename="___ _____.pdf"; filename*=UTF-8''${encodeURIComponent("陈思远 入党申请书.pdf")}`,
    );
  });

  it("judges files by their bytes: executables, empty files and other zips are refused and nothing is stored", async () => {
    const w = await world();
    const { step } = await opened(w);
    const before = (await verifyBranchChain(w.tc)).length;
    const exeAsPdf = await w.call(step, { raw: upload(exe(), "申请书.pdf") });
    expect(exeAsPdf.status).toBe(415);
    expect(exeAsPdf.body.code).toBe("unsupported_media_type");
    expect(exeAsPdf.body.detail).toContain("PDF、JPEG");
    const en = await w.call(step, { raw: upload(exe(), "a.pdf"), lang: "en" });
    expect(en.body.detail).toContain("not an allowed type");
    expect((await w.call(step, { raw: upload(ooxml("pptx"), "a.docx") })).status).toBe(415);
    const empty = await w.call(step, { raw: upload(new Uint8Array(), "a.pdf") });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0]).toMatchObject({ path: "file" });
    const kind = await w.call(step, { raw: upload(pdf(), "a.pdf", { document: "passport" }) });
    expect(kind.status).toBe(400);
    expect(kind.body.errors[0].path).toBe("document");
    const json = await w.call(step, { body: { file: "x" } });
    expect(json.status).toBe(415);
    expect(await stored(w.ref.branchId)).toBe(0);
    expect((await verifyBranchChain(w.tc)).length).toBe(before);
    expect((await w.call(step)).body.items).toEqual([]);
    // the right content under any name is accepted: a workbook, an image
    expect((await w.call(step, { raw: upload(ooxml("xlsx"), "名单.xlsx") })).body.contentType).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect((await w.call(step, { raw: upload(png(), "scan.pdf") })).body.contentType).toBe("image/png");
  });

  it("supersedes with a reason, keeps the old file readable, and replaces a file only once", async () => {
    const w = await world();
    const { step } = await opened(w);
    const first = await w.call(step, {
      raw: upload(pdf("v1"), "v1.pdf", { document: "application_letter" }),
    });
    const noReason = await w.call(step, { raw: upload(pdf("v2"), "v2.pdf", { supersedes: first.body.id }) });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe("reason");
    const second = await w.call(step, {
      raw: upload(pdf("v2"), "v2.pdf", {
        document: "application_letter",
        supersedes: first.body.id,
        reason: "原件扫描不清",
      }),
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ supersedes: first.body.id, reason: "原件扫描不清" });
    const again = await w.call(step, {
      raw: upload(pdf("v3"), "v3.pdf", { supersedes: first.body.id, reason: "再换一次" }),
    });
    expect(again.status).toBe(409);
    const items = (await w.call(step, { role: "auditor" })).body.items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ id: first.body.id, supersededBy: second.body.id });
    const old = await download(w, first.body.url, "auditor");
    expect(old.status).toBe(200);
    expect(await sha256(old.bytes.buffer as ArrayBuffer)).toBe(first.body.sha256);
  });

  it("keeps to the branch's quota, counting a file stored twice once", async () => {
    const w = await world();
    const { step } = await opened(w);
    await w.plane.directory.d1.batch([
      insertRules(w.plane, EVIDENCE_RULES_KIND, {
        districtId: w.ref.districtId,
        version: 1,
        rules: { branchQuotaMb: 600 / (1024 * 1024) },
        createdAt: new Date().toISOString(),
        createdBy: "test",
      }),
    ]);
    const a = new Uint8Array(400);
    a.set(pdf());
    expect((await w.call(step, { raw: upload(a, "a.pdf") })).status).toBe(201);
    expect((await w.call(step, { raw: upload(a, "a-again.pdf") })).status).toBe(201);
    const b = new Uint8Array(300);
    b.set(pdf("b"));
    const over = await w.call(step, { raw: upload(b, "b.pdf") });
    expect(over.status).toBe(422);
    expect(over.body.errors[0]).toMatchObject({ rule: "evidence_quota_exceeded", facts: { usedBytes: 400 } });
    expect(await stored(w.ref.branchId)).toBe(1);
  });

  it("is read like the case: a member sees only its own, an auditor cannot attach, another branch finds nothing", async () => {
    const w = await world();
    const { step, memberId } = await opened(w);
    const a = await w.call(step, { raw: upload(pdf(), "a.pdf") });
    expect((await w.call(step, { role: "auditor", raw: upload(pdf("x"), "x.pdf") })).status).toBe(403);
    expect((await w.call(step, { principal: principalFor("member", w.ref, memberId) })).status).toBe(200);
    expect((await w.call(step, { principal: principalFor("member", w.ref, "mb_someone_else") })).status).toBe(
      404,
    );
    const other = await world({ shard: 1 });
    const foreign = step.replace(w.ref.branchId, other.ref.branchId);
    expect((await other.call(foreign)).status).toBe(404);
    expect((await download(other, a.body.url.replace(w.ref.branchId, other.ref.branchId))).status).toBe(404);
    expect((await w.call(`${w.cases}/dc_nope/steps/application/attachments`)).status).toBe(404);
    expect((await w.call(step.replace("application", "not_a_step"))).status).toBe(400);
  });
});

describe("required evidence", () => {
  async function publish(w: World, evidence: unknown) {
    const r = await w.call(`/v1/districts/${w.ref.districtId}/development/rules`, {
      role: "district_admin",
      method: "PUT",
      body: { rules: { ...DEFAULT_PIPELINE_RULES, evidence }, version: 0 },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }

  it("refuses a step without the documents the district requires, naming them, and records it once they are attached", async () => {
    const w = await world();
    await publish(w, { enforcement: "refuse", required: { application_talk: ["talk_record", "photo"] } });
    const { caseId } = await opened(w);
    const talk = w.path[1]!;
    const before = (await verifyBranchChain(w.tc)).length;
    const refused = await w.call(`${w.cases}/${caseId}/steps`, { body: talk });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        rule: "step_evidence_missing",
        facts: { step: "application_talk", missing: ["talk_record", "photo"] },
      }),
    ]);
    expect(refused.body.detail).toContain("谈话记录、照片");
    expect((await verifyBranchChain(w.tc)).length).toBe(before);
    // the case says what the next step requires and what is missing, before anything is recorded
    const view = await w.call(`${w.cases}/${caseId}`);
    expect(view.body.evidence).toEqual({
      enforcement: "refuse",
      steps: [
        {
          step: "application_talk",
          label: "党组织派人谈话",
          recorded: false,
          required: [
            { code: "talk_record", label: "谈话记录" },
            { code: "photo", label: "照片" },
          ],
          missing: [
            { code: "talk_record", label: "谈话记录" },
            { code: "photo", label: "照片" },
          ],
        },
      ],
    });
    expect(view.body.forms).toEqual([]);
    const attach = `${w.cases}/${caseId}/steps/application_talk/attachments`;
    await w.call(attach, { raw: upload(pdf("谈话"), "谈话记录.pdf", { document: "talk_record" }) });
    const half = await w.call(`${w.cases}/${caseId}`, { lang: "en" });
    expect(half.body.evidence.steps[0].missing).toEqual([{ code: "photo", label: "photo" }]);
    const still = await w.call(`${w.cases}/${caseId}/steps`, { body: talk, lang: "en" });
    expect(still.body.errors[0].facts.missing).toEqual(["photo"]);
    expect(still.body.detail).toContain("photo");
    await w.call(attach, { raw: upload(png(1), "谈话.png", { document: "photo" }) });
    const ok = await w.call(`${w.cases}/${caseId}/steps`, { body: talk });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.warnings).toEqual([]);
    const after = await w.call(`${w.cases}/${caseId}`);
    expect(after.body.evidence.steps).toEqual([
      expect.objectContaining({ step: "application_talk", recorded: true, missing: [] }),
    ]);
  });

  it("warns by default, and asks for the application letter at the case's next step", async () => {
    const w = await world();
    await publish(w, { enforcement: "warn", required: { application: ["application_letter"] } });
    const { caseId } = await opened(w);
    const r = await w.call(`${w.cases}/${caseId}/steps`, { body: w.path[1]! });
    expect(r.status).toBe(201);
    expect(r.body.warnings).toEqual([
      expect.objectContaining({
        rule: "step_evidence_missing",
        severity: "warning",
        facts: { step: "application", missing: ["application_letter"] },
      }),
    ]);
  });
});
