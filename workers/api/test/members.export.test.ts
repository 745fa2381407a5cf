import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { asCsv, call, idNumberFor, newBranch, newMember, newTenant } from "./harness";

/** The export's rows as a spreadsheet reads them: past the BOM it opens with, one array per line. */
function rowsOf(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  return parse(text.slice(1));
}

describe("the roll as a spreadsheet (花名册)", () => {
  it("writes every current member with the roll's words and masked numbers, and no one else's", async () => {
    const t = await newTenant();
    const idNumber = idNumberFor("1979-05-04", 41);
    const zhang = await newMember(t.branch.id, t.branchKey, {
      name: "张建国",
      birthDate: "1979-05-04",
      idNumber,
      phone: "13912345678",
    });
    await newMember(t.branch.id, t.branchKey, {
      name: "李红",
      gender: "female",
      status: "activist",
      joinedOn: null,
      education: null,
      phone: null,
    });
    // a sibling branch's member never appears
    const sibling = await newBranch(t.district.id, t.districtKey);
    await newMember(sibling.id, t.districtKey, { name: "赵外支" });

    const r = await asCsv(`/v1/branches/${t.branch.id}/members/export`, t.branchKey);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const branch = await call(`/v1/branches/${t.branch.id}`, { key: t.branchKey });
    expect(r.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent(`花名册-${branch.body.name}-`)}`,
    );
    const [header, ...rows] = rowsOf(r.body);
    expect(header).toEqual([
      "姓名",
      "性别",
      "出生日期",
      "人员类别",
      "入党日期",
      "转入本支部日期",
      "身份证号",
      "手机号",
      "学历",
    ]);
    expect(rows).toEqual([
      [
        "张建国",
        "男",
        "1979-05-04",
        "正式党员",
        "2010-07-01",
        "2010-07-01",
        `**************${idNumber.slice(-4)}`,
        "139****5678",
        "大学本科",
      ],
      [
        "李红",
        "女",
        "1985-03-12",
        "入党积极分子",
        "",
        "2010-07-01",
        expect.stringMatching(/^\*{14}/),
        "",
        "",
      ],
    ]);
    // the file holds what the roll's list holds, and never a full number
    const listed = await call(`/v1/branches/${t.branch.id}/members`, { key: t.branchKey });
    expect(rows.map((row) => row[0])).toEqual(listed.body.items.map((m: { name: string }) => m.name));
    expect(r.body).not.toContain(idNumber);
    expect(r.body).not.toContain("13912345678");
    expect(zhang.idNumber).toBe(rows[0]![6]);
  });

  it("adds who left and why when asked, filters by status, and speaks English on request", async () => {
    const t = await newTenant();
    const other = await newBranch(t.district.id, t.districtKey);
    const leaving = await newMember(t.branch.id, t.branchKey, { name: "周转出" });
    await newMember(t.branch.id, t.branchKey, { name: "吴预备", status: "probationary" });
    const letter = await call(`/v1/branches/${t.branch.id}/members/${leaving.id}/transfers`, {
      key: t.branchKey,
      body: { toBranchId: other.id },
    });
    expect(
      (await call(`/v1/transfers/${letter.body.id}/accept`, { method: "POST", key: t.districtKey })).status,
    ).toBe(200);

    const current = rowsOf((await asCsv(`/v1/branches/${t.branch.id}/members/export`, t.branchKey)).body);
    expect(current.slice(1).map((row) => row[0])).toEqual(["吴预备"]);

    const all = rowsOf(
      (await asCsv(`/v1/branches/${t.branch.id}/members/export?includeLeft=true`, t.districtKey)).body,
    );
    expect(all[0]!.slice(-2)).toEqual(["转出日期", "转出原因"]);
    const left = all.find((row) => row[0] === "周转出")!;
    expect(left.at(-2)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(left.at(-1)).not.toBe("");
    expect(all.find((row) => row[0] === "吴预备")!.slice(-2)).toEqual(["", ""]);

    const probationary = rowsOf(
      (await asCsv(`/v1/branches/${t.branch.id}/members/export?status=probationary`, t.branchKey, "en")).body,
    );
    expect(probationary[0]!.slice(0, 4)).toEqual(["name", "gender", "birthDate", "status"]);
    expect(probationary.slice(1).map((row) => [row[0], row[3]])).toEqual([["吴预备", "probationary"]]);
  });

  it("gives an auditor the file without birth dates, and refuses a bad filter", async () => {
    const t = await newTenant();
    await newMember(t.branch.id, t.branchKey, { birthDate: "1975-04-18" });
    const audited = rowsOf((await asCsv(`/v1/branches/${t.branch.id}/members/export`, t.auditorKey)).body);
    expect(audited[1]![2]).toBe("");
    expect(JSON.stringify(audited)).not.toContain("1975-04-18");

    const bad = await call(`/v1/branches/${t.branch.id}/members/export?status=chairman`, {
      key: t.branchKey,
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.body.errors[0].path).toBe("status");
  });
});
