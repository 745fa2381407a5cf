import { XLSX, xlsxOf } from "@vanguard/testing/spreadsheets";
import { describe, expect, it } from "vitest";
import { as, moduleCall, studyBranch } from "./harness";

const nextYear = new Date().getUTCFullYear() + 1;

describe("importing a branch's past meetings", () => {
  it("groups lines into meetings, rejects bad lines with reasons, previews, and never creates twice", async () => {
    const { ref, members, activist } = await studyBranch({ size: 3 });
    const [a, b, c] = members;
    // every member fixture is 测试党员-like with the same birth date: name them apart
    const file = [
      "会议类型,日期,主题,学时,姓名,出生日期,出席情况,缺席原因",
      `支委会,2025-03-05,研究发展党员工作,2,${a!.name},1985-03-12,出席,`, // 2
      `支委会,2025/3/5,研究发展党员工作,2,${b!.name},1985-03-12,缺席,出差`, // 3
      `党课,2025-03-20,学习党章,4,${a!.name},1985-03-12,,`, // 4
      `党课,2025-03-20,学习党章,4,${c!.name},1985-03-12,出席,`, // 5
      `团日活动,2025-03-21,植树,1,${a!.name},1985-03-12,出席,`, // 6: unknown kind
      `党课,${nextYear}-01-10,未来党课,4,${a!.name},1985-03-12,出席,`, // 7: after today
      "党课,2025-03-20,学习党章,4,不在册,1985-03-12,出席,", // 8: not on the roll
      `党课,2025-03-20,学习党章,4,${c!.name},1985-03-12,出席,`, // 9: repeats line 5
      `党课,2025-03-20,学习党章,4,${activist.name},1985-03-12,出席,`, // 10: activists attend lectures too
    ].join("\n");
    const path = `/v1/branches/${ref.branchId}/meetings/import`;
    const send = (q = "", lang?: "en") =>
      moduleCall(`${path}${q}`, {
        ...as(ref, "branch_admin"),
        raw: file,
        headers: { "content-type": "text/csv" },
        lang,
      });

    const preview = await send("?dryRun=true");
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, created: 5, meetingsCreated: 2, unchanged: 0 });
    const none = await moduleCall(
      `/v1/branches/${ref.branchId}/meetings?from=2025-01-01&to=2025-12-31`,
      as(ref, "branch_admin"),
    );
    expect(none.body.items).toEqual([]);

    const r = await send("", "en");
    expect(r.body).toMatchObject({ dryRun: false, created: 5, meetingsCreated: 2, unchanged: 0 });
    expect(
      r.body.rejected.map((x: { line: number; errors: { rule?: string }[] }) => [x.line, x.errors[0]!.rule]),
    ).toEqual([
      [6, "meeting_kind_unknown"],
      [7, "history_in_future"],
      [8, "person_not_on_roll"],
      [9, "duplicate_line"],
    ]);
    expect(r.body.rejected[0].errors[0].message).toContain("Unknown meeting kind");
    const listed = await moduleCall(
      `/v1/branches/${ref.branchId}/meetings?from=2025-01-01&to=2025-12-31`,
      as(ref, "branch_admin"),
    );
    const byKind = Object.fromEntries(listed.body.items.map((m: { kind: string }) => [m.kind, m]));
    expect(byKind.committee).toMatchObject({
      heldOn: "2025-03-05",
      present: 1,
      absent: 1,
      importedFrom: r.body.sha256,
    });
    expect(byKind.lecture).toMatchObject({ present: 3, absent: 0, hours: 4 });

    const again = await send();
    expect(again.body).toMatchObject({ created: 0, unchanged: 5, meetingsCreated: 0 });
    // a corrected file that adds a forgotten attendee adds only that line, and the head count follows
    const more = await moduleCall(path, {
      ...as(ref, "branch_admin"),
      raw: xlsxOf([
        ["会议类型", "日期", "主题", "学时", "姓名", "出生日期"],
        ["支委会", "2025-03-05", "研究发展党员工作", 2, c!.name, "1985-03-12"],
        ["支委会", "2025-03-05", "研究发展党员工作", 2, a!.name, "1985-03-12"],
      ]),
      headers: { "content-type": XLSX },
    });
    expect(more.body).toMatchObject({ created: 1, unchanged: 1, meetingsCreated: 0 });
    const committee = await moduleCall(
      `/v1/branches/${ref.branchId}/meetings/${byKind.committee.id}`,
      as(ref, "branch_admin"),
    );
    expect(committee.body).toMatchObject({ present: 2, absent: 1 });
    expect(committee.body.absentees).toMatchObject([{ memberId: b!.id, reason: "出差" }]);
  });

  it("is for the branch's admins: an auditor is refused", async () => {
    const { ref } = await studyBranch({ size: 1 });
    const r = await moduleCall(`/v1/branches/${ref.branchId}/meetings/import`, {
      ...as(ref, "auditor"),
      raw: "会议类型,日期,主题\n",
      headers: { "content-type": "text/csv" },
    });
    expect(r.status).toBe(403);
  });
});
