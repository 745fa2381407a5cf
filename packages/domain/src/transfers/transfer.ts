import { addDays, daysBetween } from "../calendar/dates";

/** A letter within one district (a city's own committee) is valid 10 days, elsewhere 30, never over 3 months. */
export const TRANSFER_VALID_DAYS = { sameDistrict: 10, otherDistrict: 30, max: 90 } as const;

export function transferValidDays(sameDistrict: boolean, requested?: number): number {
  const base = sameDistrict ? TRANSFER_VALID_DAYS.sameDistrict : TRANSFER_VALID_DAYS.otherDistrict;
  if (requested === undefined) return base;
  return Math.min(TRANSFER_VALID_DAYS.max, Math.max(1, Math.floor(requested)));
}

export function transferExpiresOn(issuedOn: string, validDays: number): string {
  return addDays(issuedOn, validDays);
}

/** A pending letter whose date has passed: the member never arrived (口袋党员 if it stays so). */
export function isTransferExpired(expiresOn: string, today: string): boolean {
  return daysBetween(expiresOn, today) > 0;
}
