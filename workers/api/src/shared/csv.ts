import { z } from "@hono/zod-openapi";
import type { Lang } from "@vanguard/platform";
import { contentDisposition, log } from "@vanguard/platform";
import { stringify } from "csv-stringify/sync";

/** A column of a CSV report: its header in both languages and how a row fills it. */
export interface Column<T> {
  zh: string;
  en: string;
  value: (row: T, lang: Lang) => string | number | null;
}

/** Spreadsheet programs read a UTF-8 file as UTF-8 (and the Chinese as Chinese) when it opens with a BOM. */
export const BOM = "\uFEFF";

/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed with an
 * apostrophe, the OWASP advice for CSV exports; numbers are written as numbers.
 */
function cell(v: string | number | null): string | number {
  if (v === null) return "";
  if (typeof v === "number") return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function csvLines<T>(columns: readonly Column<T>[], rows: readonly T[], lang: Lang = "zh-CN"): string {
  if (!rows.length) return "";
  return stringify(
    rows.map((r) => columns.map((c) => cell(c.value(r, lang)))),
    // CRLF records; a line break inside a cell (CR or LF alone) is quoted too, or spreadsheets split the row
    { record_delimiter: "windows", quoted_match: /[\r\n]/ },
  );
}

export function csvHeader<T>(columns: readonly Column<T>[], lang: Lang): string {
  return stringify([columns.map((c) => (lang === "en" ? c.en : c.zh))], { record_delimiter: "windows" });
}

/** CSV when asked by `Accept: text/csv` or, for a link or a spreadsheet's "from web", by `?format=csv`. */
export function wantsCsv(accept: string | undefined, format?: string): boolean {
  return format === "csv" || /\btext\/csv\b/i.test(accept ?? "");
}

/** The `format` query parameter every CSV-capable report takes. */
export const FormatQuery = z.enum(["json", "csv"]).optional().openapi({
  description: "`csv` answers like `Accept: text/csv` (for links and spreadsheets); default json",
});

/**
 * A CSV report as a stream: the BOM and the header row at once, then each batch of rows as it
 * arrives. A failure after the first byte cannot change the status any more, so the stream is
 * aborted and the client sees a broken transfer rather than a file that looks complete.
 */
export function csvResponse<T>(
  opts: { filename: string; lang: Lang; columns: readonly Column<T>[]; requestId: string },
  /** batches as shards answer, or rows read whole beforehand (`[rows]`) */
  batches: AsyncIterable<readonly T[]> | Iterable<readonly T[]>,
): Response {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const encoder = new TextEncoder();
  const pump = async () => {
    try {
      await writer.write(encoder.encode(BOM + csvHeader(opts.columns, opts.lang)));
      for await (const rows of batches) {
        const text = csvLines(opts.columns, rows, opts.lang);
        if (text) await writer.write(encoder.encode(text));
      }
      await writer.close();
    } catch (err) {
      log("error", "csv report failed mid-stream", { requestId: opts.requestId, error: String(err) });
      await writer.abort(err).catch(() => {});
    }
  };
  void pump();
  return new Response(readable, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      // the name may be Chinese (花名册): an ASCII fallback, and the real name as RFC 8187 filename*
      "content-disposition": contentDisposition(opts.filename),
      "cache-control": "no-store",
    },
  });
}
