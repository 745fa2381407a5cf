import { addDays, monthOf } from "@vanguard/domain";
import { ooxml, pdf, upload } from "@vanguard/testing/evidence-files";
import { moduleCall, principalFor } from "@vanguard/testing/module-harness";
import { describe, expect, it } from "vitest";
import { branchWithCommittee, lastQuarter, templateIn, today } from "./harness";

type T = Awaited<ReturnType<typeof branchWithCommittee>>;

const send = (t: T, path: string, raw: FormData, role: "branch_admin" | "auditor" = "branch_admin") =>
  moduleCall(path, { ref: t.ref, role, raw });

describe("evidence of evaluations", () => {
  it("attaches to a 写实 record and to an inspection item; another branch finds neither", async () => {
    const t = await branchWithCommittee();
    const rec = await t.call(`${t.b}/records`, {
      body: { kind: "work", occurredOn: addDays(today(), -1), content: "开展主题党日活动" },
    });
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    const recPath = `${t.b}/records/${rec.body.id}/attachments`;
    const a = await send(t, recPath, upload(ooxml("docx"), "活动记录.docx", { document: "minutes" }));
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({
      targetType: "record",
      targetId: rec.body.id,
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect((await moduleCall(recPath, { ref: t.ref, role: "auditor" })).body.items).toHaveLength(1);

    const tpl = await templateIn(t);
    const ins = await t.call(`${t.b}/inspections`, { body: { templateId: tpl.id, period: lastQuarter() } });
    const itemPath = `${t.b}/inspections/${ins.body.id}/items/meetings/attachments`;
    const b = await send(t, itemPath, upload(pdf("台账"), "三会一课台账.pdf"));
    expect(b.body).toMatchObject({ targetType: "inspection_item", targetId: `${ins.body.id}/meetings` });
    expect(
      (await send(t, `${t.b}/inspections/${ins.body.id}/items/nope/attachments`, upload(pdf(), "a.pdf")))
        .status,
    ).toBe(404);

    const other = await branchWithCommittee({ shard: 1 });
    const foreign = recPath.replace(t.ref.branchId, other.ref.branchId);
    expect((await moduleCall(foreign, { ref: other.ref, role: "branch_admin" })).status).toBe(404);
  });

  it("lets a duty task's assignee attach to their own task, and no one else's", async () => {
    const t = await branchWithCommittee();
    const month = monthOf(today());
    const task = await t.call(`${t.b}/duty-tasks`, {
      body: { assigneeId: t.organization, month, title: "组织主题党日", dueOn: `${month}-28` },
    });
    const path = `${t.b}/duty-tasks/${task.body.id}/attachments`;
    const own = await moduleCall(path, {
      ref: t.ref,
      principal: principalFor("member", t.ref, t.organization),
      raw: upload(pdf("照片"), "主题党日.pdf", { document: "photo" }),
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const theirs = await moduleCall(path, {
      ref: t.ref,
      principal: principalFor("member", t.ref, t.propaganda),
      raw: upload(pdf("x"), "x.pdf"),
    });
    expect(theirs.status).toBe(404);
    expect((await send(t, path, upload(pdf("y"), "y.pdf"), "auditor")).status).toBe(403);
  });
});
