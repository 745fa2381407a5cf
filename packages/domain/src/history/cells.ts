import { isIsoDate, isIsoMonth } from "../calendar/dates";

/**
 * Cells of a history file as clerks type them. Spreadsheets write dates as 2026-03-12, 2026/3/12,
 * 2026.3.12 or 2026年3月12日, and an xlsx date cell arrives as Excel's serial number.
 */

/** A date cell Excel stored as a serial (days since 1899-12-30) as `YYYY-MM-DD`; null otherwise. */
export function excelSerialDate(text: string): string | null {
  if (!/^\d{3,5}(\.\d+)?$/.test(text)) return null;
  const days = Math.floor(Number(text));
  if (days < 1 || days > 2958465) return null;
  return new Date(Date.UTC(1899, 11, 30) + days * 86_400_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` from the forms above; null when the cell is not a real date. */
export function parseDay(v: string): string | null {
  const serial = excelSerialDate(v);
  if (serial) return serial;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v.trim());
  const day = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : v.trim();
  return isIsoDate(day) ? day : null;
}

/** `YYYY-MM` from 2026-03, 2026/3, 2026.3, 2026年3月, or any date of the month; null otherwise. */
export function parseMonth(v: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(v.trim());
  if (m) {
    const month = `${m[1]}-${m[2]!.padStart(2, "0")}`;
    return isIsoMonth(month) ? month : null;
  }
  return parseDay(v)?.slice(0, 7) ?? null;
}

/** A positive amount of yuan with at most two decimals (¥ and 元 allowed); null otherwise. */
export function parseYuan(v: string): number | null {
  const t = v
    .trim()
    .replace(/^[¥￥]/, "")
    .replace(/元$/, "")
    .trim();
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const n = Number(t);
  return n > 0 && n < 1_000_000 ? n : null;
}
