/**
 * What travels on the queues. Every message is safe to deliver twice: plans and batches are
 * recorded by key, findings are upserted by key, deliveries are sent by id and recorded once.
 */
export interface PlanMessage {
  type: "plan";
  runId: string;
  date: string;
  shard: number;
  /** branch id to continue after ("" = from the start) */
  after: string;
  districtId: string | null;
}

export interface AuditBatchMessage {
  type: "audit";
  runId: string;
  date: string;
  shard: number;
  branches: {
    id: string;
    districtId: string;
    name: string;
    kind: "branch" | "general_branch" | "committee";
    foundedOn: string;
    /** absent in messages enqueued before records-from existed: everything is judged */
    recordsFrom?: string;
  }[];
}

/** The day's digest for every branch of a shard that has a webhook, paged from its webhooks table. */
export interface DigestMessage {
  type: "digest";
  date: string;
  shard: number;
  after: string;
}

/** Expired Idempotency-Key records of one database, deleted a bounded number per message. */
export interface PurgeMessage {
  type: "purge";
  store: number | "directory";
}

export type AuditMessage = PlanMessage | AuditBatchMessage | DigestMessage | PurgeMessage;

export interface DeliveryMessage {
  type: "deliver";
  shard: number;
  branchId: string;
  deliveryId: string;
}

/** Planner pages: directory rows read per plan message before it hands over to a continuation. */
export const PLAN_PAGE = 500;
export const PLAN_PAGES_PER_MESSAGE = 8;
/** Queue.sendBatch takes at most 100 messages. */
export const SEND_BATCH_MAX = 100;
