import type { AppEnv, PlatformBindings } from "@vanguard/platform";
import type { AuditMessage, DeliveryMessage } from "./queue/messages";

export interface AuditsBindings extends PlatformBindings {
  AUDIT_QUEUE: Queue<AuditMessage>;
  WEBHOOK_QUEUE: Queue<DeliveryMessage>;
  /** seals webhook secrets like personal data */
  MEMBER_DATA_KEY: string;
  /** branches per audit message (default 50) */
  AUDIT_BATCH_SIZE?: string;
  /** first webhook retry delay in seconds, doubled per attempt (default 30) */
  WEBHOOK_RETRY_BASE_SECONDS?: string;
}

export type AuditsEnv = AppEnv<AuditsBindings>;
