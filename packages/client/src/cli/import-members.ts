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
}

interface Chunk {
  text: string;
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
    out.push({ text: [header.raw, ...slice.map((r) => r.raw)].join("\n"), lines, rows: slice.length });
  }
  return out;
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
  const text = readFileSync(opts.file, "utf8");
  const digest = createHash("sha256").update(text).digest("hex").slice(0, 16);
  const chunks = chunkCsv(text, opts.chunkSize);
  const total = chunks.reduce((n, c) => n + c.rows, 0);
  const bar = opts.progress
    ? new SingleBar({
        format: "导入 import {bar} {value}/{total} rows | {created} created",
        hideCursor: true,
      })
    : null;
  bar?.start(total, 0, { created: 0 });
  const outcome: ImportOutcome = { created: 0, unchanged: [], conflicts: [], rejected: [] };
  let done = 0;
  for (const [i, chunk] of chunks.entries()) {
    const res = await fetch(`${opts.url.replace(/\/$/, "")}/v1/branches/${opts.branchId}/members/import`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${opts.key}`,
        "content-type": "text/csv; charset=utf-8",
        "accept-language": opts.lang,
        "idempotency-key": `import-${digest}-${opts.chunkSize}-${i}`,
      },
      body: chunk.text,
    });
    const body = (await res.json()) as ImportOutcome & { detail?: string; code?: string };
    if (!res.ok) {
      bar?.stop();
      throw new Error(
        `chunk ${i + 1}/${chunks.length} (rows ${done + 1}–${done + chunk.rows}) failed: ${res.status} ${body.code ?? ""} ${body.detail ?? ""}`,
      );
    }
    outcome.created += body.created;
    const inFile = <T extends { line: number }>(r: T): T => ({
      ...r,
      line: chunk.lines.get(r.line) ?? r.line,
    });
    outcome.unchanged.push(...(body.unchanged ?? []).map(inFile));
    outcome.conflicts.push(...(body.conflicts ?? []).map(inFile));
    outcome.rejected.push(...body.rejected.map((r) => ({ ...r, line: chunk.lines.get(r.line) ?? r.line })));
    done += chunk.rows;
    bar?.update(done, { created: outcome.created });
    if (!bar) process.stderr.write(`imported ${done}/${total} rows (${outcome.created} created)\n`);
  }
  bar?.stop();
  return outcome;
}
