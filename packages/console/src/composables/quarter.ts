import { today } from "./scope";

/** The quarter a date falls in, as the API writes it (2026-Q3). */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** This quarter and the `n - 1` before it, newest first: what an inspection's period is chosen from. */
export function recentQuarters(n: number): string[] {
  const now = quarterOf(today());
  const i = Number(now.slice(0, 4)) * 4 + Number(now.slice(6)) - 1;
  return Array.from({ length: n }, (_, k) => `${Math.floor((i - k) / 4)}-Q${((i - k) % 4) + 1}`);
}
