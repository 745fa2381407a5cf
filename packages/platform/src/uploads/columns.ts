import type { Message } from "@vanguard/domain";
import type { TableRow } from "./table";

/** The header spellings each field accepts: the API's names and the ones staff spreadsheets use. */
export type ColumnAliases<F extends string> = Record<F, readonly string[]>;

export type ColumnMap<F extends string> =
  | { ok: true; index: Partial<Record<F, number>> }
  | { ok: false; message: Message };

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_（）()]/g, "");

/** Which column holds each field; a missing required column or an unknown header refuses the file. */
export function mapColumns<F extends string>(
  header: readonly string[],
  aliases: ColumnAliases<F>,
  required: readonly NoInfer<F>[],
): ColumnMap<F> {
  const index: Partial<Record<F, number>> = {};
  const unknown: string[] = [];
  header.forEach((h, i) => {
    if (!h.trim()) return;
    const field = (Object.keys(aliases) as F[]).find((f) => aliases[f].some((a) => norm(a) === norm(h)));
    if (field === undefined) unknown.push(h);
    else if (index[field] === undefined) index[field] = i;
  });
  const missing = required.filter((f) => index[f] === undefined);
  if (!missing.length && !unknown.length) return { ok: true, index };
  const names = (fs: readonly F[]) => fs.map((f) => aliases[f][1] ?? f);
  return {
    ok: false,
    message: {
      zh: `表头缺少：${names(missing).join("、") || "无"}；无法识别：${unknown.join("、") || "无"}`,
      en: `Header missing: ${missing.join(", ") || "none"}; unknown: ${unknown.join(", ") || "none"}`,
    },
  };
}

/** A row's cells by field name; empty cells are absent. */
export function rowFields<F extends string>(
  index: Partial<Record<F, number>>,
  row: TableRow,
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const [f, i] of Object.entries(index) as [F, number][]) {
    const v = row.cells[i]?.trim();
    if (v) out[f] = v;
  }
  return out;
}
