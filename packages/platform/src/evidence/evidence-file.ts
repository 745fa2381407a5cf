import {
  EVIDENCE_TYPES,
  type EvidenceType,
  MAX_EVIDENCE_BYTES,
  NOT_EVIDENCE,
  ooxmlType,
  sniffType,
} from "@vanguard/domain";
import { unzipSync } from "fflate";
import { invalid, ProblemError } from "../errors/problem";
import type { UploadRoute } from "../http/body-limit";
import { sha256Hex } from "./bucket";

/** What an upload became once its bytes were checked: the type they are, their hash and size. */
export interface EvidenceFile {
  bytes: Uint8Array<ArrayBuffer>;
  type: EvidenceType;
  contentType: string;
  sha256: string;
  size: number;
  filename: string;
}

const MiB = 1024 * 1024;
export const EVIDENCE_TOO_LARGE = {
  zh: `单个文件不能超过 ${MAX_EVIDENCE_BYTES / MiB} MiB`,
  en: `A file may be at most ${MAX_EVIDENCE_BYTES / MiB} MiB`,
};

/** An attachment route for the body limit: the multipart envelope gets a little room over the file's own limit. */
export function evidenceUpload(path: RegExp, method: UploadRoute["method"] = "POST"): UploadRoute {
  return { method, path, maxSize: MAX_EVIDENCE_BYTES + 64 * 1024, tooLarge: EVIDENCE_TOO_LARGE };
}

/** The zip's declared content types decide between a Word document, a workbook and anything else. */
function officeType(bytes: Uint8Array): EvidenceType | null {
  try {
    const parts = unzipSync(bytes, {
      filter: (f) => f.name === "[Content_Types].xml" && f.originalSize < MiB,
    });
    const xml = parts["[Content_Types].xml"];
    return xml ? ooxmlType(new TextDecoder().decode(xml)) : null;
  } catch {
    return null;
  }
}

/** The type of the bytes, or null: names and declared types are never trusted. */
export function evidenceType(bytes: Uint8Array): EvidenceType | null {
  const sniffed = sniffType(bytes);
  return sniffed === "zip" ? officeType(bytes) : sniffed;
}

// characters that break a header or a file system; control characters are dropped by code point below
const UNSAFE = /["\\/<>|:*?]/g;
const isControl = (ch: string) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f;

/** A file name as people gave it, without paths or characters that break a header or a file system. */
export function cleanFilename(name: string | undefined, ext: string): string {
  const last = (name ?? "").split(/[\\/]/).pop() ?? "";
  const base = [...last.replace(UNSAFE, "")]
    .filter((ch) => !isControl(ch))
    .join("")
    .trim()
    .slice(0, 120);
  if (!base) return `file.${ext}`;
  return base;
}

/** Checks a file's bytes: not empty, within the limit, one of the allowed types by content. */
export async function checkEvidence(
  bytes: Uint8Array<ArrayBuffer>,
  name: string | undefined,
  field = "file",
): Promise<EvidenceFile> {
  if (bytes.byteLength === 0) {
    throw invalid(field, { zh: "文件为空（0 字节）", en: "The file is empty (0 bytes)" });
  }
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) throw new ProblemError("payload_too_large", EVIDENCE_TOO_LARGE);
  const type = evidenceType(bytes);
  if (!type)
    throw new ProblemError("unsupported_media_type", NOT_EVIDENCE, [{ path: field, message: NOT_EVIDENCE }]);
  return {
    bytes,
    type,
    contentType: EVIDENCE_TYPES[type],
    sha256: await sha256Hex(bytes),
    size: bytes.byteLength,
    filename: cleanFilename(name, type === "jpeg" ? "jpg" : type),
  };
}

export interface UploadForm {
  file: File;
  fields: Record<string, string>;
}

/**
 * A multipart/form-data body with one `file` part and text fields. Read from the bytes Hono already
 * holds, so the Idempotency-Key fingerprint reads the same body afterwards.
 */
export async function readUploadForm(req: {
  header(name: string): string | undefined;
  arrayBuffer(): Promise<ArrayBuffer>;
}): Promise<UploadForm> {
  const contentType = req.header("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new ProblemError("unsupported_media_type", {
      zh: "请以 multipart/form-data 上传，文件放在 file 字段",
      en: "Send multipart/form-data with the file in the `file` field",
    });
  }
  if (Number(req.header("content-length") ?? "0") > MAX_EVIDENCE_BYTES + 64 * 1024) {
    throw new ProblemError("payload_too_large", EVIDENCE_TOO_LARGE);
  }
  const body = await req.arrayBuffer();
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw invalid("body", { zh: "无法解析 multipart 请求体", en: "The multipart body cannot be read" });
  }
  const file = form.get("file");
  if (!(file instanceof File)) {
    throw invalid("file", { zh: "缺少 file 字段（文件）", en: "The `file` part is missing" });
  }
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") fields[k] = v;
  return { file, fields };
}

/**
 * `Content-Disposition` for a download: an ASCII fallback and the real (often Chinese) name as
 * RFC 6266 / RFC 8187 `filename*`, which every current browser prefers.
 */
export function contentDisposition(
  filename: string,
  disposition: "attachment" | "inline" = "attachment",
): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The headers every stored file is served with: its type, its name, and no sniffing by the browser. */
export function fileHeaders(f: { contentType: string; filename: string; size: number; sha256?: string }) {
  return {
    "Content-Type": f.contentType,
    "Content-Length": String(f.size),
    "Content-Disposition": contentDisposition(f.filename),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    ...(f.sha256 ? { ETag: `"${f.sha256}"` } : {}),
  };
}
