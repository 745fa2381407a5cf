import { excelSerialDate } from "@vanguard/domain";
import { strToU8, zipSync } from "fflate";
import { HonoRequest } from "hono/request";
import { describe, expect, it } from "vitest";
import { ProblemError } from "../errors/problem";
import { csvRows, recordStartLines } from "./csv-table";
import { declaredCharset, decodeText } from "./decode-text";
import { CSV_TYPE, readUploadTable, XLSX_TYPE } from "./read-upload";
import { xlsxRows } from "./xlsx-table";

/** "姓名,性别,出生日期 / 张三,男,… / "欧阳⏎娜娜",女,…" as Excel on Chinese Windows saves it (GB18030). */
const GB18030_ROLL = Uint8Array.from(
  "d0d5c3fb2cd0d4b1f02cb3f6c9fac8d5c6da0d0ad5c5c8fd2cc4d02c313938352d30332d31320d0a22c5b7d1f40d0ac4c8c4c8222cc5ae2c313939302d30312d30320d0a"
    .match(/../g)!
    .map((h) => Number.parseInt(h, 16)),
);

/** A minimal workbook as Excel writes one: shared strings, an inline string, numbers, a gap. */
function workbook(rows: string): Uint8Array {
  return zipSync({
    "xl/workbook.xml": strToU8(
      '<workbook xmlns:r="r"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/><sheet name="另一张" sheetId="2" r:id="rId2"/></sheets></workbook>',
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<Relationships><Relationship Id="rId2" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    "xl/sharedStrings.xml": strToU8(
      '<sst><si><t>姓名</t></si><si><t>出生日期</t></si><si><r><t>张</t></r><r><t xml:space="preserve">三</t></r></si><si><t>A&amp;B</t></si></sst>',
    ),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
    "xl/worksheets/sheet2.xml": strToU8(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>9</v></c></row></sheetData></worksheet>',
    ),
  });
}

describe("decoding uploaded text", () => {
  it("reads UTF-8 with or without a BOM, and GB18030 when the bytes are not UTF-8", () => {
    const utf8 = new TextEncoder().encode("姓名\n张三\n");
    expect(decodeText(utf8)).toEqual({ text: "姓名\n张三\n", encoding: "utf-8" });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])).text).toBe("姓名\n张三\n");
    const gb = decodeText(GB18030_ROLL);
    expect(gb.encoding).toBe("gb18030");
    expect(gb.text.startsWith("姓名,性别,出生日期")).toBe(true);
  });

  it("follows a declared charset, and refuses one it does not know", () => {
    expect(declaredCharset("text/csv; charset=GBK")).toBe("gbk");
    expect(declaredCharset("text/csv")).toBeNull();
    expect(decodeText(GB18030_ROLL, "gbk").text).toContain("张三");
    expect(() => decodeText(GB18030_ROLL, "x-klingon")).toThrow(/unknown charset/);
  });
});

describe("CSV rows", () => {
  it("report the line each record starts on, quoted line breaks and blank lines included", () => {
    const text = 'name,note\r\n张三,"第一行\r\n第二行"\r\n\r\n李四,x\r\n"王\n五",y\r\n赵六,z';
    expect(recordStartLines(text)).toEqual([1, 2, 5, 6, 8]);
    expect(csvRows(text).map((r) => [r.line, r.cells[0]])).toEqual([
      [1, "name"],
      [2, "张三"],
      [5, "李四"],
      [6, "王\n五"],
      [8, "赵六"],
    ]);
  });
});

describe("xlsx rows", () => {
  it("read the first sheet's values with their sheet row numbers", () => {
    const rows = xlsxRows(
      workbook(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
          '<row r="2"/>' +
          '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="inlineStr"><is><t>备注</t></is></c><c r="C3"><v>31118</v></c></row>' +
          '<row r="4"><c r="A4" t="s"><v>3</v></c><c r="C4" t="str"><f>X</f><v>1990-01-02</v></c></row>',
      ),
    );
    expect(rows).toEqual([
      { line: 1, cells: ["姓名", "", "出生日期"] },
      { line: 3, cells: ["张三", "备注", "31118"] },
      { line: 4, cells: ["A&B", "", "1990-01-02"] },
    ]);
    expect(excelSerialDate("31118")).toBe("1985-03-12");
    expect(excelSerialDate("1985-03-12")).toBeNull();
  });

  it("refuse what is not a workbook", () => {
    expect(() => xlsxRows(new TextEncoder().encode("name,gender"))).toThrow(/zip/);
  });
});

describe("reading an upload", () => {
  const upload = (body: BodyInit, type: string) =>
    readUploadTable(
      new HonoRequest(
        new Request("https://x/import", { method: "POST", headers: { "content-type": type }, body }),
      ),
    );

  it("takes CSV and xlsx alike, and names the file by its SHA-256", async () => {
    const csv = await upload(GB18030_ROLL, CSV_TYPE);
    expect(csv).toMatchObject({ format: "csv", encoding: "gb18030", header: ["姓名", "性别", "出生日期"] });
    expect(csv.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, "张三"],
      [3, "欧阳\r\n娜娜"],
    ]);
    expect(csv.sha256).toMatch(/^[0-9a-f]{64}$/);
    const xlsx = await upload(
      workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c></row>'),
      XLSX_TYPE,
    );
    expect(xlsx).toMatchObject({ format: "xlsx", header: ["姓名"], rows: [{ line: 2, cells: ["张三"] }] });
  });

  it("refuses other content types with 415", async () => {
    const err = await upload("x", "application/json").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).status).toBe(415);
  });
});
