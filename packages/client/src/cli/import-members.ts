import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { SingleBar } from "cli-progress";
import { parse } from "csv-parse/sync";

export interface ImportOutcome {
  created: number;
  /** rows that are a current member already (a rerun, or a fixed-up file): nothing was written */
  unchanged: { line: number; memberId: string }[];
  /** rows that are a current member already but say something else: nothing was overwritten */
  conflicts: { line: number; memberId: string; fields: string[] }[];
  rejected: { line: number; errors: { path?: string; rule?: string; message: string }[] }[];
  /** chunks this very file sent before: the server answered them as it did then and wrote nothing */
  replayedChunks: number;
}

interface Chunk {
  text: string | Uint8Array;
  contentType: string;
  /** line in the chunk text → line in the original file */
  lines: Map<number, number>;
  rows: number;
}

/**
 * Splits a CSV file into chunks of whole records (quoted newlines included), each with the header
 * row, remembering where every record started in the original file.
 */
export function chunkCsv(text: string, size: number): Chunk[] {
  const records = parse(text, {
    bom: true,
    raw: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as unknown as {
    raw: string;
    info: { lines: number };
  }[];
  const [header, ...rows] = records;
  if (!header) return [];
  const out: Chunk[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const slice = rows.slice(i, i + size);
    const lines = new Map<number, number>();
    let line = 1 + header.raw.split("\n").length;
    for (const r of slice) {
      lines.set(line, r.info.lines);
      line += r.raw.split("\n").length;
    }
    out.push({
      text: [header.raw, ...slice.map((r) => r.raw)].join("\n"),
      contentType: "text/csv; charset=utf-8",
      lines,
      rows: slice.length,
    });
  }
  return out;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An xlsx is a zip: known by its first bytes, not by its name. */
export function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * A CSV as clerks save it: UTF-8 (with or without a BOM), else GB18030 — what Excel writes on Chinese
 * Windows. Decoded here so that chunks split whole characters and travel as UTF-8.
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** A workbook goes whole: the server reads its first sheet; its rows are counted from the answer. */
function wholeWorkbook(bytes: Uint8Array): Chunk {
  return { text: bytes, contentType: XLSX, lines: new Map(), rows: 0 };
}

/**
 * Imports a CSV file into a branch chunk by chunk (each chunk one request, one transaction), with a
 * progress bar. Each chunk carries an Idempotency-Key made from the file and the chunk, and the server
 * matches every row against the roll, so running an import again — interrupted, re-chunked or after
 * fixing rejected rows — creates nobody twice: rows already on the roll come back `unchanged`.
 */
export async function importMembers(opts: {
  url: string;
  key: string;
  branchId: string;
  file: string;
  chunkSize: number;
  lang: string;
  progress: boolean;
}): Promise<ImportOutcome> {
  const bytes = readFileSync(opts.file);
  const digest = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  const chunks = isXlsx(bytes) ? [wholeWorkbook(bytes)] : chunkCsv(decodeCsv(bytes), opts.chunkSize);
  const total = chunks.reduce((n, c) => n + c.rows, 0);
  const bar = opts.progress
    ? new SingleBar({
        format: "导入 import {bar} {value}/{total} rows | {created} created",
        hideCursor: true,
      })
    : null;
  bar?.start(total, 0, { created: 0 });
  const outcome: ImportOutcome = {
    created: 0,
    unchanged: [],
    conflicts: [],
    rejected: [],
    replayedChunks: 0,
  };
  let done = 0;
  for (const [i, chunk] of chunks.entries()) {
    const res = await fetch(`${opts.url.replace(/\/$/, "")}/v1/branches/${opts.branchId}/members/import`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${opts.key}`,
        "content-type": chunk.contentType,
        "accept-language": opts.lang,
        "idempotency-key": `import-${digest}-${opts.chunkSize}-${i}`,
      },
      body: chunk.text as BodyInit,
    });
    const body = (await res.json()) as ImportOutcome & { detail?: string; code?: string };
    if (!res.ok) {
      bar?.stop();
      const where =
        opts.lang === "zh-CN"
          ? `第 ${i + 1}/${chunks.length} 批（第 ${done + 1}–${done + chunk.rows} 行）失败，之前的批次已导入，重新运行即可续上`
          : `chunk ${i + 1}/${chunks.length} (rows ${done + 1}–${done + chunk.rows}) failed; earlier chunks are in, run again to go on`;
      throw new Error(`${where}: ${res.status} ${body.code ?? ""} ${body.detail ?? ""}`);
    }
    if (res.headers.get("idempotent-replayed") === "true") outcome.replayedChunks++;
    outcome.created += body.created;
    const inFile = <T extends { line: number }>(r: T): T => ({
      ...r,
      line: chunk.lines.get(r.line) ?? r.line,
    });
    outcome.unchanged.push(...(body.unchanged ?? []).map(inFile));
    outcome.conflicts.push(...(body.conflicts ?? []).map(inFile));
    outcome.rejected.push(...body.rejected.map((r) => ({ ...r, line: chunk.lines.get(r.line) ?? r.line })));
    done +=
      chunk.rows ||
      body.created + (body.unchanged?.length ?? 0) + (body.conflicts?.length ?? 0) + body.rejected.length;
    bar?.update(done, { created: outcome.created });
    if (!bar) {
      process.stderr.write(
        opts.lang === "zh-CN"
          ? `已导入 ${done}/${total} 行（新建 ${outcome.created}）\n`
          : `imported ${done}/${total} rows (${outcome.created} created)\n`,
      );
    }
  }
  bar?.stop();
  return outcome;
}
