import type { Role } from "../access/roles";

/**
 * What of a person's identity each reader sees (docs/domain.md §Personal data). The identity number
 * is never shown whole: only its last 4 characters. The birth date is shown to those who keep the roll
 * (the branch, its district, the platform) and to the member; an auditor sees none of it — even the
 * year would leave some 33 candidates beside the last 4 characters and a guessable region code.
 */
export function seesBirthDate(role: Role): boolean {
  return role !== "auditor";
}

/** The birth date as this reader may see it: whole, or not at all. */
export function discloseBirthDate(birthDate: string, role: Role): string | null {
  return seesBirthDate(role) ? birthDate : null;
}

/**
 * A stored mask shown the current way: masks written before the rule changed kept the region's first
 * 3 characters too; only the last 4 ever show now.
 */
export function displayIdMask(stored: string | null): string | null {
  if (!stored) return stored;
  return `${"*".repeat(Math.max(0, stored.length - 4))}${stored.slice(-4)}`;
}

/**
 * A logged before/after as this reader may see it: events are immutable and hashed as written, so
 * what an older entry holds is narrowed on the way out, never rewritten.
 */
export function redactPersonal(value: unknown, role: Role): unknown {
  if (Array.isArray(value)) return value.map((v) => redactPersonal(v, role));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "idNumber" && typeof v === "string") out[k] = displayIdMask(v);
    else if (k === "birthDate" && typeof v === "string") out[k] = discloseBirthDate(v, role);
    else out[k] = redactPersonal(v, role);
  }
  return out;
}
