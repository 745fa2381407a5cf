import { unzipSync, zipSync } from "fflate";

/** Small real files of each allowed type, and impostors, for the evidence tests. */
const enc = new TextEncoder();

export function pdf(text = "入党申请书"): Uint8Array<ArrayBuffer> {
  return new Uint8Array(
    enc.encode(
      `%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    ),
  );
}

export function png(seed = 0): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(64);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  b[20] = seed;
  return b;
}

export function ooxml(kind: "docx" | "xlsx" | "pptx"): Uint8Array<ArrayBuffer> {
  const main = {
    docx: [
      "/word/document.xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ],
    xlsx: ["/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"],
    pptx: [
      "/ppt/presentation.xml",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ],
  }[kind];
  const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="${main[0]}" ContentType="${main[1]}"/></Types>`;
  return zipSync({
    "[Content_Types].xml": enc.encode(types),
    [main[0]!.slice(1)]: enc.encode("<x/>"),
  }) as Uint8Array<ArrayBuffer>;
}

/** A Windows executable's first bytes: what a renamed `.exe` looks like. */
export function exe(): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(128);
  b.set([0x4d, 0x5a, 0x90, 0x00]);
  return b;
}

export function upload(
  bytes: Uint8Array<ArrayBuffer>,
  filename: string,
  fields: Record<string, string> = {},
  type = "application/pdf",
): FormData {
  const form = new FormData();
  form.set("file", new File([bytes], filename, { type }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

export async function sha256(bytes: Uint8Array<ArrayBuffer> | ArrayBuffer): Promise<string> {
  const d = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(d)].map((x) => x.toString(16).padStart(2, "0")).join("");
}

/** The text of a .docx's word/document.xml with the tags dropped: what Word shows. */
export function docxText(bytes: Uint8Array): string {
  const xml = new TextDecoder().decode(unzipSync(bytes)["word/document.xml"]!);
  return xml.replace(/<[^>]+>/g, "");
}

/** A copy of a .docx whose word/document.xml is rewritten: a district editing a template in Word. */
export function rewriteDocx(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array<ArrayBuffer> {
  const parts = unzipSync(bytes);
  parts["word/document.xml"] = new Uint8Array(
    enc.encode(edit(new TextDecoder().decode(parts["word/document.xml"]!))),
  );
  return new Uint8Array(zipSync(parts));
}
