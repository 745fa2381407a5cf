import type { DeliveryRow } from "@vanguard/db/audits";

export const RESULT_CLASSES = ["2xx", "3xx", "4xx", "5xx", "network"] as const;
export type DeliveryResult = (typeof RESULT_CLASSES)[number];

/** An HTTP status as its class; no status at all (refused, unreachable, timed out) is `network`. */
export function resultClass(status: number | null): DeliveryResult {
  if (status === null || status < 200 || status > 599) return "network";
  return `${Math.floor(status / 100)}xx` as DeliveryResult;
}

/**
 * How the last attempt ended, as readers of the outbox see it: a class, never the receiver's own
 * words or a network error's text (which would tell a branch, or an auditor, what lies behind an
 * address: a port scanner by another name).
 */
export function deliveryResult(
  d: Pick<DeliveryRow, "status" | "attempts" | "lastStatus">,
): DeliveryResult | null {
  if (d.status === "delivered") return "2xx";
  if (d.attempts === 0) return null;
  return resultClass(d.lastStatus);
}
