/**
 * The text of an uploaded CSV as a clerk's spreadsheet program saved it. Excel on Chinese Windows
 * saves "CSV" in GB18030 (the system code page), "CSV UTF-8" with a byte-order mark, and other
 * tools plain UTF-8: a declared `charset=` wins, else the bytes are read as strict UTF-8 and, when
 * that fails, as GB18030 (a superset of GBK and GB2312). Nothing is ever decoded into mojibake
 * silently: a declared charset the runtime does not know is refused by the caller.
 */
export type TextEncoding = "utf-8" | "gb18030" | (string & {});

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b);
}

/** The charset a Content-Type declares, lower-cased; null when none. */
export function declaredCharset(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "");
  return m ? m[1]!.toLowerCase() : null;
}

export class UnknownCharsetError extends Error {
  constructor(readonly charset: string) {
    super(`unknown charset ${charset}`);
  }
}

export function decodeText(
  bytes: Uint8Array,
  declared: string | null = null,
): { text: string; encoding: TextEncoding } {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  if (declared && !/^utf-?8$/.test(declared)) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(declared, { fatal: true, ignoreBOM: true });
    } catch {
      throw new UnknownCharsetError(declared);
    }
    return { text: decoder.decode(body), encoding: decoder.encoding };
  }
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body),
      encoding: "utf-8",
    };
  } catch (err) {
    // a file declared UTF-8 that is not is refused; an undeclared one is the Chinese default
    if (declared) throw err;
    return { text: new TextDecoder("gb18030").decode(body), encoding: "gb18030" };
  }
}
