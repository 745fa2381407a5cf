/**
 * What a file is, judged by its bytes and never by its name or declared type (docs/domain.md
 * §Evidence): the allow-list is PDF, JPEG, PNG, WebP, and the two Office Open XML formats, which are
 * zips told apart by the content types their `[Content_Types].xml` declares. Anything else — an
 * executable renamed `.pdf`, an HTML page, an empty file — is not evidence.
 */
export const EVIDENCE_TYPES = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export type EvidenceType = keyof typeof EVIDENCE_TYPES;

export const EVIDENCE_EXTENSIONS: Record<EvidenceType, string> = {
  pdf: "pdf",
  jpeg: "jpg",
  png: "png",
  webp: "webp",
  docx: "docx",
  xlsx: "xlsx",
};

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

/** The zip's main-part content type decides: a workbook is not a document, a zip of anything else is neither. */
const OOXML_MAIN: Record<string, EvidenceType> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
};

/** A zip is recognised by its local-file header; its content-types part is read by the caller (needs unzipping). */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
}

/** The Office Open XML type a `[Content_Types].xml` declares for its main part, if any. */
export function ooxmlType(contentTypesXml: string): EvidenceType | null {
  for (const m of contentTypesXml.matchAll(/ContentType="([^"]+)"/g)) {
    const t = OOXML_MAIN[m[1]!];
    if (t) return t;
  }
  return null;
}

/** PDF, JPEG, PNG or WebP by their signatures; `zip` when the caller must look inside; null otherwise. */
export function sniffType(bytes: Uint8Array): EvidenceType | "zip" | null {
  // a PDF's header may follow up to 1 KiB of junk (ISO 32000-1 §7.5.2 readers tolerate it); we take it at 0
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (isZip(bytes)) return "zip";
  return null;
}
