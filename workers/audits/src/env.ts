import type { AppEnv, PersonalDataEnv, PlatformBindings } from "@vanguard/platform";
import type { AuditMessage, DeliveryMessage } from "./queue/messages";

/** MEMBER_DATA_KEY(S) seal webhook secrets like personal data; the re-seal job uses the lookup key too. */
export interface AuditsBindings extends PlatformBindings, PersonalDataEnv {
  AUDIT_QUEUE: Queue<AuditMessage>;
  WEBHOOK_QUEUE: Queue<DeliveryMessage>;
  /** branches per audit message (default 50) */
  AUDIT_BATCH_SIZE?: string;
  /** first webhook retry delay in seconds, doubled per attempt (default 30) */
  WEBHOOK_RETRY_BASE_SECONDS?: string;
  /** "1" in local development and tests only: webhooks may go to a receiver on loopback */
  WEBHOOKS_ALLOW_LOOPBACK?: string;
}

/** Production refuses every private address; only local development lets loopback through. */
export function destinationPolicy(env: Pick<AuditsBindings, "WEBHOOKS_ALLOW_LOOPBACK">) {
  return { allowLoopback: env.WEBHOOKS_ALLOW_LOOPBACK === "1" };
}

export type AuditsEnv = AppEnv<AuditsBindings>;
