import type { Message } from "@vanguard/domain";
import { invalid, ProblemError } from "../errors/problem";
import type { UploadRoute } from "../http/body-limit";
import { csvRows, MalformedCsvError } from "./csv-table";
import { declaredCharset, decodeText, UnknownCharsetError } from "./decode-text";
import type { UploadTable } from "./table";
import { MalformedXlsxError, xlsxRows } from "./xlsx-table";

export const CSV_TYPE = "text/csv";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The largest spreadsheet an import takes in one request (a 10,000-line file is well under it). */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
/** Lines a history or roll file may hold in one request (the bench holds 10,000 to its time budget). */
export const MAX_UPLOAD_LINES = 10_000;

/** Refuses a file longer than one request may import, before anything of it is read further. */
export function checkLineLimit(table: UploadTable, max = MAX_UPLOAD_LINES): void {
  if (table.rows.length > max) {
    throw invalid("body", {
      zh: `一次最多导入 ${max} 行，本文件 ${table.rows.length} 行`,
      en: `At most ${max} lines per import; this file has ${table.rows.length}`,
    });
  }
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const TOO_LARGE: Message = {
  zh: `导入文件不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`,
  en: `Import files are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`,
};
const tooLarge = () => new ProblemError("payload_too_large", TOO_LARGE);

/** An import route as the body limit knows it: a file of up to MAX_UPLOAD_BYTES, read by `readUploadTable`. */
export function fileUpload(path: RegExp): UploadRoute {
  return { method: "POST", path, maxSize: MAX_UPLOAD_BYTES, tooLarge: TOO_LARGE };
}

/**
 * The request as Hono holds it (`c.req`): its body is read through Hono's cache, so the
 * Idempotency-Key fingerprint can still read the same bytes afterwards.
 */
export interface UploadRequest {
  header(name: string): string | undefined;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * An uploaded roll or history file as rows, whatever a clerk saved it as: CSV in UTF-8 (with or
 * without a BOM) or GB18030/GBK (detected, or declared with `charset=`), or the first sheet of an
 * `.xlsx` workbook. The one reader every import uses, so they all take the same files and report
 * lines the same way.
 */
export async function readUploadTable(req: UploadRequest): Promise<UploadTable> {
  const contentType = req.header("content-type") ?? "";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type !== CSV_TYPE && type !== XLSX_TYPE) {
    throw new ProblemError("unsupported_media_type", {
      zh: `请以 ${CSV_TYPE} 或 ${XLSX_TYPE} 上传`,
      en: `Send the file as ${CSV_TYPE} or ${XLSX_TYPE}`,
    });
  }
  if (Number(req.header("content-length") ?? "0") > MAX_UPLOAD_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw tooLarge();
  const sha256 = await sha256Hex(bytes);
  let rows: UploadTable["rows"];
  let encoding = "utf-8";
  try {
    if (type === XLSX_TYPE) rows = xlsxRows(bytes);
    else {
      const decoded = decodeText(bytes, declaredCharset(contentType));
      encoding = decoded.encoding;
      rows = csvRows(decoded.text);
    }
  } catch (err) {
    if (err instanceof UnknownCharsetError) {
      throw new ProblemError("unsupported_media_type", {
        zh: `不支持的字符集：${err.charset}（请用 UTF-8 或 GB18030）`,
        en: `Unsupported charset: ${err.charset} (use UTF-8 or GB18030)`,
      });
    }
    if (err instanceof MalformedCsvError) {
      throw invalid("body", {
        zh: `CSV 格式错误（第 ${err.line ?? "?"} 行）`,
        en: `Malformed CSV (line ${err.line ?? "?"})`,
      });
    }
    if (err instanceof MalformedXlsxError) {
      throw invalid("body", {
        zh: `无法读取 Excel 文件：${err.message}`,
        en: `Cannot read the workbook: ${err.message}`,
      });
    }
    if (err instanceof TypeError) {
      throw invalid("body", {
        zh: "文件不是声明的字符集编码",
        en: "The file is not in the charset it declares",
      });
    }
    throw err;
  }
  const [head, ...body] = rows;
  return {
    header: head?.cells ?? [],
    rows: body,
    format: type === XLSX_TYPE ? "xlsx" : "csv",
    encoding,
    sha256,
  };
}
