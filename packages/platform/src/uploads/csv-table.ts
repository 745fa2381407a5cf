import { parse } from "csv-parse/sync";
import type { TableRow } from "./table";

/**
 * Where each record of a CSV text starts, by a quote-aware scan: a line break inside quotes belongs
 * to the record, empty lines are skipped (as the parser skips them). csv-parse's own line counter
 * drifts on quoted CRLF breaks, and a rejected row must be reported at the line a clerk sees.
 */
export function recordStartLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (atStart && ch !== "\r" && ch !== "\n") {
      starts.push(line);
      atStart = false;
    }
    if (ch === '"') quoted = !quoted;
    else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      line++;
      if (!quoted) atStart = true;
    }
  }
  return starts;
}

export class MalformedCsvError extends Error {
  constructor(readonly line: number | null) {
    super(`malformed CSV at line ${line ?? "?"}`);
  }
}

/** Every non-empty record of a CSV text (quotes, embedded commas and line breaks), with its line. */
export function csvRows(text: string): TableRow[] {
  let records: string[][];
  try {
    records = parse(text, {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    throw new MalformedCsvError((err as { lines?: number }).lines ?? null);
  }
  const starts = recordStartLines(text);
  return records.map((cells, i) => ({ line: starts[i] ?? i + 1, cells }));
}
