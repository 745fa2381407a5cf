import { strToU8, zipSync } from "fflate";

/**
 * Files as clerks save them, for tests of every import: a GB18030 CSV as Excel on Chinese Windows
 * writes it, and xlsx workbooks built the way Excel lays them out (shared strings, numbers).
 */

const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((x) => Number.parseInt(x, 16)));

/**
 * The GB18030 bytes of:
 * 姓名,性别,出生日期,状态,入党日期,转入日期 / 欧阳娜娜,女,1990-01-02,正式党员,2015-07-01,2026-09-01 /
 * "张三丰",男,1985-03-12,入党积极分子,,
 */
export const GB18030_ROLL = hex(
  "d0d5c3fb2cd0d4b1f02cb3f6c9fac8d5c6da2cd7b4ccac2cc8ebb5b3c8d5c6da2cd7aac8ebc8d5c6da0d0ac5b7d1f4c4c8c4c82cc5ae2c313939302d30312d30322cd5fdcabdb5b3d4b12c323031352d30372d30312c323032362d30392d30310d0a22d5c5c8fdb7e1222cc4d02c313938352d30332d31322cc8ebb5b3bbfdbcabb7d6d7d32c2c0d0a",
);

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function column(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * An xlsx whose first sheet holds `rows` (row 1 first). Text goes to shared strings, numbers stay
 * numbers (pass a number for a date cell to store it as Excel's serial, as Excel does).
 */
export function xlsxOf(rows: (string | number | null)[][]): Uint8Array<ArrayBuffer> {
  const shared: string[] = [];
  const index = new Map<string, number>();
  const sheetRows = rows
    .map((cells, r) => {
      const xml = cells
        .map((v, c) => {
          if (v === null || v === "") return "";
          const ref = `${column(c)}${r + 1}`;
          if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
          if (!index.has(v)) index.set(v, shared.push(v) - 1);
          return `<c r="${ref}" t="s"><v>${index.get(v)}</v></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join("");
  const zip = zipSync({
    "[Content_Types].xml": strToU8('<?xml version="1.0" encoding="UTF-8"?><Types/>'),
    "xl/workbook.xml": strToU8(
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    "xl/sharedStrings.xml": strToU8(
      `<sst>${shared.map((s) => `<si><t>${xmlEscape(s)}</t></si>`).join("")}</sst>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${sheetRows}</sheetData></worksheet>`),
  });
  return new Uint8Array(zip);
}

/** Excel's serial number of a date (days since 1899-12-30). */
export function excelSerial(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
