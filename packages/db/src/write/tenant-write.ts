import type { BatchResponse } from "drizzle-orm/batch";
import { directoryEvents, directoryIdempotency } from "../schema/directory";
import { events, shardIdempotency } from "../schema/shard";
import type { DataPlane } from "../shards";
import type { BranchSetContext, DistrictContext, TenantContext } from "../tenant/context";
import {
  type Actor,
  commitWrite,
  type EventDraft,
  type Head,
  type IdempotencyClaim,
  type Planned,
  type PlanReads,
  type WriteStore,
} from "./writer";

export interface WriteRequest {
  actor: Actor;
  idempotency?: IdempotencyClaim;
  /** the status a replay answers with (201 for creations) */
  status?: number;
}

function shardStore(tc: TenantContext): WriteStore {
  return {
    d1: tc.shard.d1,
    db: tc.shard.db,
    events,
    idempotency: shardIdempotency,
    activity: "activity",
    rollups: ["compliance_rollups"],
    generations: true,
    sequencer: tc.shard.sequencer,
  };
}

function directoryStore(plane: DataPlane): WriteStore {
  return {
    d1: plane.directory.d1,
    db: plane.directory.db,
    events: directoryEvents,
    idempotency: directoryIdempotency,
    generations: true,
    sequencer: plane.directory.sequencer,
  };
}

async function run<T>(
  store: WriteStore,
  req: WriteRequest,
  scopes: string[],
  plan: (heads: Map<string, Head>, read: unknown[]) => Promise<Planned<T>>,
  reads?: () => PlanReads,
): Promise<T> {
  return commitWrite(store, { ...req, scopes, reads }, plan);
}

/** An event on the branch's own chain. */
const branchEvent =
  (tc: TenantContext) =>
  (d: Omit<EventDraft, "scopeId" | "districtId">): EventDraft => ({
    ...d,
    scopeId: tc.branchId,
    districtId: tc.districtId,
  });

/**
 * A write to one branch's data: its statements and events commit together, chained on the branch's
 * log. `extraScopes` lets a write that touches two branches of the same shard (a transfer) extend
 * both chains in the same transaction.
 */
export function tenantWrite<T>(
  tc: TenantContext,
  req: WriteRequest,
  plan: (tx: {
    tc: TenantContext;
    event: (d: Omit<EventDraft, "scopeId" | "districtId">) => EventDraft;
  }) => Promise<Planned<T>>,
  extraScopes: string[] = [],
): Promise<T> {
  const event = branchEvent(tc);
  return run(shardStore(tc), req, [tc.branchId, ...extraScopes], () => plan({ tc, event }));
}

/**
 * A branch write whose plan decides on what `reads` asks for, read in the same round trip as the
 * branch chain's head (writer.ts, `reads`): one snapshot with it, and the write takes two round
 * trips instead of three. The reads are asked again on every try, like any read of a plan.
 */
export function tenantWriteReading<T, R extends PlanReads>(
  tc: TenantContext,
  req: WriteRequest,
  reads: () => R,
  plan: (tx: {
    tc: TenantContext;
    event: (d: Omit<EventDraft, "scopeId" | "districtId">) => EventDraft;
    read: BatchResponse<R>;
  }) => Promise<Planned<T>>,
): Promise<T> {
  const event = branchEvent(tc);
  return run(
    shardStore(tc),
    req,
    [tc.branchId],
    (_, read) => plan({ tc, event, read: read as BatchResponse<R> }),
    reads,
  );
}

/** A control-plane write, chained on the district's directory log (or `platform`'s). */
export function directoryWrite<T>(
  plane: DataPlane,
  req: WriteRequest,
  scope: string,
  plan: () => Promise<Planned<T>>,
): Promise<T> {
  return run(directoryStore(plane), req, [scope], plan);
}

/**
 * A write to district-wide data kept in the district's shard (templates, rule sets a module keeps
 * beside its tables), chained on the district's own log in that shard.
 */
export function districtWrite<T>(
  dc: DistrictContext,
  req: WriteRequest,
  plan: (tx: { event: (d: Omit<EventDraft, "scopeId" | "districtId">) => EventDraft }) => Promise<Planned<T>>,
): Promise<T> {
  const event = (d: Omit<EventDraft, "scopeId" | "districtId">): EventDraft => ({
    ...d,
    scopeId: dc.districtId,
    districtId: dc.districtId,
  });
  return run(
    {
      d1: dc.shard.d1,
      db: dc.shard.db,
      events,
      idempotency: shardIdempotency,
      generations: true,
      sequencer: dc.shard.sequencer,
    },
    req,
    [dc.districtId],
    () => plan({ event }),
  );
}

/**
 * One transaction over many branches of a shard (the audit's batches): each branch's events are
 * chained on its own log, and any concurrent write to one of them re-runs the plan.
 */
export function branchSetWrite<T>(
  set: BranchSetContext,
  req: WriteRequest,
  plan: () => Promise<Planned<T>>,
): Promise<T> {
  return run(
    {
      d1: set.shard.d1,
      db: set.shard.db,
      events,
      idempotency: shardIdempotency,
      activity: "activity",
      rollups: ["compliance_rollups"],
      generations: true,
      sequencer: set.shard.sequencer,
    },
    req,
    set.branches.map((b) => b.branchId),
    plan,
  );
}
