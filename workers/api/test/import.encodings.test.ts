import { excelSerial, GB18030_ROLL, XLSX, xlsxOf } from "@vanguard/testing/spreadsheets";
import { describe, expect, it } from "vitest";
import { call, idNumberFor, newTenant } from "./harness";

/** Rolls as clerks save them: GB18030 from Excel on Chinese Windows, xlsx, quoted line breaks. */
describe("importing a roll saved by a spreadsheet program", () => {
  const names = async (t: Awaited<ReturnType<typeof newTenant>>) =>
    (await call(`/v1/branches/${t.branch.id}/members`, { key: t.branchKey })).body.items.map(
      (m: { name: string; joinedBranchOn: string }) => `${m.name} ${m.joinedBranchOn}`,
    );

  it("detects GB18030 and keeps the Chinese names (and the day each came onto the roll)", async () => {
    const t = await newTenant();
    const r = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      raw: GB18030_ROLL,
      headers: { "content-type": "text/csv" },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ created: 2, rejected: [] });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await names(t)).sort()).toEqual([`张三丰 ${today}`, "欧阳娜娜 2026-09-01"].sort());
  });

  it("follows charset=gbk when the client declares it, and refuses a charset it does not know", async () => {
    const t = await newTenant();
    const declared = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      raw: GB18030_ROLL,
      headers: { "content-type": "text/csv; charset=GBK" },
    });
    expect(declared.body.created).toBe(2);
    const unknown = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      raw: GB18030_ROLL,
      headers: { "content-type": "text/csv; charset=x-unknown", "accept-language": "en" },
    });
    expect(unknown.status).toBe(415);
    expect(unknown.body.detail).toContain("x-unknown");
  });

  it("reads the first sheet of an xlsx, Excel date serials included, and reports rows by sheet row", async () => {
    const t = await newTenant();
    const file = xlsxOf([
      ["姓名", "性别", "出生日期", "状态", "入党日期", "身份证号"],
      [
        "司马光",
        "男",
        excelSerial("1980-02-03"),
        "正式党员",
        excelSerial("2005-07-01"),
        idNumberFor("1980-02-03"),
      ],
      [],
      ["诸葛亮", "不详", "1981-04-05", "正式党员", "2006-07-01", null],
    ]);
    const r = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      raw: file,
      headers: { "content-type": XLSX },
    });
    expect(r.status).toBe(200);
    expect(r.body.created).toBe(1);
    expect(r.body.rejected).toMatchObject([{ line: 4, errors: [{ path: "gender" }] }]);
    const [m] = (await call(`/v1/branches/${t.branch.id}/members`, { key: t.branchKey })).body.items;
    expect(m).toMatchObject({ name: "司马光", birthDate: "1980-02-03", joinedOn: "2005-07-01" });
  });

  it("reports a rejected row after a quoted line break at the line it starts on", async () => {
    const t = await newTenant();
    const file =
      "姓名,性别,出生日期,状态,学历\r\n" +
      '王五,男,1985-03-12,入党申请人,"大学\r\n本科"\r\n' +
      "赵六,男,1985-13-40,入党申请人,\r\n";
    const r = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      raw: file,
      headers: { "content-type": "text/csv" },
    });
    // a line break is not allowed inside 学历: that row is refused at line 2, where it starts, and the
    // impossible date after it at line 4, where a clerk finds it
    expect(r.body.created).toBe(0);
    expect(r.body.rejected.map((x: { line: number }) => x.line)).toEqual([2, 4]);
  });
});
