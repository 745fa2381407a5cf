import { isIsoDate } from "../calendar/dates";

/**
 * The 18-character resident identity number (GB 11643-1999): 6 region digits, the birth date
 * YYYYMMDD, 3 sequence digits and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function isValidIdNumber(raw: string): boolean {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!isIsoDate(birthDateFromIdNumber(id))) return false;
  return checkCharacter(id.slice(0, 17)) === id[17];
}

export function birthDateFromIdNumber(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * Keeps only the last 4 characters (docs/domain.md §Personal data): the region and birth digits
 * never show, so a masked number beside a birth date no longer narrows to a handful of people.
 */
export function maskIdNumber(id: string): string {
  return `${"*".repeat(Math.max(0, id.length - 4))}${id.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}`;
}
