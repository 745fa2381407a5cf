import { unzipSync } from "fflate";
import type { TableRow } from "./table";

/**
 * The first sheet of an `.xlsx` workbook as rows of text, read with fflate (pure JavaScript, no Node
 * built-ins, so it runs in workerd) and a reader of the few SpreadsheetML elements a sheet of values
 * uses: shared and inline strings, numbers, booleans. Formulas count by their cached value. Each row
 * keeps its sheet row number, which is what a clerk sees at the left of the sheet.
 */
export class MalformedXlsxError extends Error {}

/** No part of a roll or a history file comes near this unpacked; a larger part is refused (zip bombs). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function xmlText(s: string): string {
  return s
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === "#") {
        const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The text of a string item: every `<t>` run, leaving out phonetic hints (`<rPh>`). */
function runsText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of plain.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) out += xmlText(m[1] ?? "");
  return out;
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? m[1]! : null;
}

/** `B7` → 1 (zero-based column). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function firstSheetPath(files: Record<string, Uint8Array>): string {
  const text = (name: string) => (files[name] ? new TextDecoder().decode(files[name]) : null);
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  const sheet = workbook ? /<sheet\b([^>]*)\/?>/.exec(workbook) : null;
  const rid = sheet ? attr(sheet[1]!, "r:id") : null;
  if (rels && rid) {
    for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      if (attr(m[1]!, "Id") !== rid) continue;
      const target = attr(m[1]!, "Target") ?? "";
      return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    }
  }
  return "xl/worksheets/sheet1.xml";
}

export function xlsxRows(bytes: Uint8Array): TableRow[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > MAX_PART_BYTES) throw new MalformedXlsxError(`${f.name} is too large`);
        return (f.name.startsWith("xl/") && f.name.endsWith(".xml")) || f.name.endsWith(".rels");
      },
    });
  } catch (err) {
    if (err instanceof MalformedXlsxError) throw err;
    throw new MalformedXlsxError("not a zip archive");
  }
  const path = firstSheetPath(files);
  const sheetBytes = files[path];
  if (!sheetBytes) throw new MalformedXlsxError("the workbook has no sheet");
  const decoder = new TextDecoder();
  const shared: string[] = [];
  const sst = files["xl/sharedStrings.xml"];
  if (sst)
    for (const m of decoder.decode(sst).matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(runsText(m[1]!));

  const out: TableRow[] = [];
  const xml = decoder.decode(sheetBytes);
  let nextRow = 1;
  for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = attr(row[1]!, "r");
    const line = r ? Number(r) : nextRow;
    nextRow = line + 1;
    const cells: string[] = [];
    let nextCol = 0;
    for (const c of (row[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const ref = attr(attrs, "r");
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const inner = c[2] ?? "";
      const type = attr(attrs, "t");
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value = "";
      if (type === "s") value = shared[Number(v)] ?? "";
      else if (type === "inlineStr") value = runsText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "");
      else if (type === "b") value = v === "1" ? "TRUE" : v === "0" ? "FALSE" : "";
      else value = v === undefined ? "" : xmlText(v);
      while (cells.length < col) cells.push("");
      cells[col] = value.trim();
    }
    if (cells.some((x) => x !== "")) out.push({ line, cells });
  }
  return out;
}
