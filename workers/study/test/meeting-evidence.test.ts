import { exports } from "cloudflare:workers";
import { signContext } from "@vanguard/platform";
import { docxText, pdf, png, sha256, upload } from "@vanguard/testing/evidence-files";
import { principalFor, TEST_INTERNAL_SECRET } from "@vanguard/testing/module-harness";
import { describe, expect, it } from "vitest";
import { as, moduleCall, studyBranch } from "./harness";

async function meeting() {
  const b = await studyBranch({ size: 4 });
  const [a, x, y, z] = b.members;
  const r = await moduleCall(`/v1/branches/${b.ref.branchId}/meetings`, {
    ...as(b.ref, "branch_admin"),
    body: {
      kind: "general_assembly",
      heldOn: "2025-06-28",
      topic: "讨论接收预备党员",
      attendeeIds: [a!.id, x!.id, y!.id],
      absentees: [{ memberId: z!.id, reason: "出差" }],
      hours: 2,
      minutes: "会议记录",
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return {
    ...b,
    id: r.body.id as string,
    path: `/v1/branches/${b.ref.branchId}/meetings/${r.body.id}/attachments`,
  };
}

describe("evidence of a meeting", () => {
  it("attaches a sign-in sheet and photos, read like the meeting", async () => {
    const m = await meeting();
    const sheet = await moduleCall(m.path, {
      ...as(m.ref, "branch_admin"),
      raw: upload(pdf("签到"), "签到表.pdf", { document: "sign_in_sheet" }),
    });
    expect(sheet.status, JSON.stringify(sheet.body)).toBe(201);
    expect(sheet.body).toMatchObject({
      targetType: "meeting",
      document: "sign_in_sheet",
      documentLabel: "签到表",
    });
    const photo = await moduleCall(m.path, {
      ...as(m.ref, "branch_admin"),
      raw: upload(png(7), "会场.png", { document: "photo" }),
      lang: "en",
    });
    expect(photo.body).toMatchObject({
      contentType: "image/png",
      documentLabel: "photo",
      sha256: await sha256(png(7)),
    });
    const listed = await moduleCall(m.path, as(m.ref, "auditor"));
    expect(listed.body.items.map((a: { document: string }) => a.document)).toEqual([
      "sign_in_sheet",
      "photo",
    ]);
    // a member key does not read the branch's meetings, nor their files; an auditor does not attach
    expect((await moduleCall(m.path, as(m.ref, "member", m.members[0]!.id))).status).toBe(403);
    expect((await moduleCall(m.path, { ...as(m.ref, "auditor"), raw: upload(pdf(), "a.pdf") })).status).toBe(
      403,
    );
    expect(
      (
        await moduleCall(
          `/v1/branches/${m.ref.branchId}/meetings/mt_missing/attachments`,
          as(m.ref, "branch_admin"),
        )
      ).status,
    ).toBe(404);
    const other = await studyBranch({ shard: 1 });
    expect(
      (await moduleCall(m.path.replace(m.ref.branchId, other.ref.branchId), as(other.ref, "branch_admin")))
        .status,
    ).toBe(404);
  });
});

describe("the meeting's record as a Word document", () => {
  it("fills 会议记录 with the topic, the date, who came and who did not and why", async () => {
    const m = await meeting();
    const path = `/v1/branches/${m.ref.branchId}/meetings/${m.id}/documents/minutes.docx`;
    const res = await exports.default.fetch(
      new Request(`https://module.internal${path}`, {
        headers: {
          "x-vanguard-context": await signContext(TEST_INTERNAL_SECRET, {
            principal: principalFor("auditor", m.ref),
            requestId: "req_test_minutes",
            lang: "zh-CN",
            tenant: m.ref,
          }),
        },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(
      encodeURIComponent("2025-06-28-讨论接收预备党员-会议记录.docx"),
    );
    const text = docxText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain("会议类型：支部党员大会　　时间：2025年6月28日　　时长：2 学时");
    expect(text).toContain("主题：讨论接收预备党员");
    expect(text).toContain("应到4人，实到3人");
    expect(text).toContain(`${m.members[3]!.name}（出差）`);
  });
});
