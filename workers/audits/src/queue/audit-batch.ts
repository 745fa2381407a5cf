import {
  advanceAnchors,
  anchorsOf,
  type BranchSetContext,
  branchSetContext,
  branchSetWrite,
  type ChainAnchor,
  type DataPlane,
  type EventDraft,
  latestRuleSetsOf,
  newId,
  probeChains,
  SYSTEM_ROLE,
} from "@vanguard/db";
import {
  clearFindings,
  deliveryIdsByKey,
  enqueueDeliveries,
  insertFindings,
  type NewFinding,
  readModuleFacts,
  readSnapshots,
  recordBatch,
  runChanges,
  storedFindings,
  touchFindings,
  webhookBranches,
} from "@vanguard/db/audits";
import { refreshComplianceRollups } from "@vanguard/db/reports";
import {
  AUDIT_RULE_MODULES,
  type AuditRuleModule,
  type AuditRules,
  auditBranch,
  auditRulesOf,
  type BranchSnapshot,
  DEFAULT_AUDIT_RULES,
  type FindingDraft,
  findingKey,
  reconcile,
} from "@vanguard/domain";
import type { AuditsBindings } from "../env";
import { auditCatalog } from "../rules/catalog";
import type { AuditBatchMessage } from "./messages";
import { sendAll } from "./send";

/** Each district's rules as the audit reads them: one directory query for the whole batch. */
async function districtRules(plane: DataPlane, districtIds: string[]): Promise<Map<string, AuditRules>> {
  const rows = await latestRuleSetsOf(plane, districtIds, AUDIT_RULE_MODULES);
  const bodies = new Map<string, Partial<Record<AuditRuleModule, unknown>>>();
  for (const r of rows) {
    const b = bodies.get(r.districtId) ?? {};
    b[r.module as AuditRuleModule] = JSON.parse(r.body);
    bodies.set(r.districtId, b);
  }
  return new Map([...bodies].map(([d, b]) => [d, auditRulesOf(b)]));
}

/**
 * Each branch's chain against the head the last audit witnessed (a directory read, then one shard
 * statement for the batch), and the head to witness next: only over a chain that still holds.
 */
async function witnessedChains(
  plane: DataPlane,
  set: BranchSetContext,
): Promise<Map<string, { chain?: BranchSnapshot["chain"]; next?: Omit<ChainAnchor, "anchoredAt"> }>> {
  const anchors = await anchorsOf(
    plane,
    set.branches.map((b) => b.branchId),
  );
  const probes = await probeChains(set, new Map([...anchors].map(([id, a]) => [id, a.seq])));
  return new Map(
    set.branches.map(({ branchId, districtId }) => {
      const a = anchors.get(branchId);
      const p = probes.get(branchId) ?? { length: 0, headHash: null, hashAt: null };
      const holds = !a || p.hashAt === a.hash;
      const chain = a
        ? { anchoredSeq: a.seq, anchoredHash: a.hash, anchoredAt: a.anchoredAt, length: p.length, holds }
        : undefined;
      const next =
        holds && p.headHash && p.length > (a?.seq ?? 0)
          ? { scopeId: branchId, districtId, seq: p.length, hash: p.headHash }
          : undefined;
      return [branchId, { chain, next }];
    }),
  );
}

export const SYSTEM_ACTOR = { principalId: "system:audit", role: SYSTEM_ROLE };

function findingPayload(f: FindingDraft, id: string, branchId: string) {
  return {
    id,
    branchId,
    rule: f.rule,
    subjectType: f.subjectType,
    subjectId: f.subjectId,
    severity: f.severity,
    period: f.period,
    dueBy: f.dueBy ?? null,
    message: f.message,
    facts: f.facts,
  };
}

/**
 * Audits one batch of branches of one shard: snapshot reads (a fixed number of queries for the
 * whole batch), pure rule evaluation, then one transaction that opens, refreshes and clears
 * findings, chains an event per change on each branch's log and adds webhook deliveries to the
 * outbox. A redelivered message finds every key already there and changes nothing.
 */
export async function auditBatch(
  env: AuditsBindings,
  plane: DataPlane,
  msg: AuditBatchMessage,
): Promise<void> {
  const set: BranchSetContext = branchSetContext(
    plane,
    msg.shard,
    msg.branches.map((b) => ({ branchId: b.id, districtId: b.districtId })),
  );
  const meta = new Map(
    msg.branches.map((b) => [b.id, { name: b.name, kind: b.kind, recordsFrom: b.recordsFrom }]),
  );
  const before = plane.counter.queries;
  const catalog = auditCatalog();
  const [platform, modules, rulesOf, chains] = await Promise.all([
    readSnapshots(plane, set, meta, msg.date),
    readModuleFacts(set, msg.date),
    districtRules(plane, [...new Set(msg.branches.map((b) => b.districtId))]),
    witnessedChains(plane, set),
  ]);
  const districtOf = new Map(msg.branches.map((b) => [b.id, b.districtId]));
  const founded = new Map(msg.branches.map((b) => [b.id, b.foundedOn]));
  const snaps = platform.map((s) => ({
    ...s,
    foundedOn: founded.get(s.branchId),
    chain: chains.get(s.branchId)?.chain,
    ...modules.get(s.branchId),
  }));
  const draftsByBranch = new Map(
    snaps.map((s) => [
      s.branchId,
      auditBranch(s, catalog, rulesOf.get(districtOf.get(s.branchId)!) ?? DEFAULT_AUDIT_RULES),
    ]),
  );
  const allKeys = [...draftsByBranch.values()].flat().map(findingKey);
  const hooks = await webhookBranches(
    set.shard,
    msg.branches.map((b) => b.id),
  );
  const now = new Date().toISOString();

  await branchSetWrite(
    set,
    { actor: { ...SYSTEM_ACTOR, requestId: `${msg.runId}:${msg.branches[0]?.id ?? ""}` } },
    async () => {
      const stored = await storedFindings(set, allKeys);
      const storedBy = new Map<string, typeof stored>();
      for (const f of stored) storedBy.set(f.branch_id, [...(storedBy.get(f.branch_id) ?? []), f]);
      const statements: D1PreparedStatement[] = [];
      const drafts: EventDraft[] = [];
      const newRows: NewFinding[] = [];
      const seen: Parameters<typeof touchFindings>[3] = [];
      const cleared: { branchId: string; key: string }[] = [];
      const deliveries: Parameters<typeof enqueueDeliveries>[1] = [];
      for (const [branchId, list] of draftsByBranch) {
        const districtId = districtOf.get(branchId)!;
        const r = reconcile(
          list,
          (storedBy.get(branchId) ?? []).map((f) => ({ key: f.key, rule: f.rule, status: f.status })),
          catalog,
        );
        for (const f of r.open) {
          const id = newId("finding");
          const key = findingKey(f);
          newRows.push({
            branchId,
            id,
            districtId,
            key,
            rule: f.rule,
            subjectType: f.subjectType,
            subjectId: f.subjectId,
            severity: f.severity,
            period: f.period,
            dueBy: f.dueBy ?? null,
            messageZh: f.message.zh,
            messageEn: f.message.en,
            facts: JSON.stringify(f.facts),
            status: "open",
            openedAt: now,
            openedRun: msg.runId,
            lastSeenRun: msg.runId,
            lastSeenOn: msg.date,
          });
          drafts.push({
            scopeId: branchId,
            districtId,
            action: "finding.opened",
            subjectType: "finding",
            subjectId: id,
            after: { key, rule: f.rule, severity: f.severity, subjectId: f.subjectId },
          });
          if (hooks.has(branchId)) {
            deliveries.push({
              branchId,
              id: newId("delivery"),
              districtId,
              dedupeKey: `finding.opened:${key}`,
              event: "finding.opened",
              payload: JSON.stringify({
                event: "finding.opened",
                at: now,
                finding: findingPayload(f, id, branchId),
              }),
              status: "pending",
              attempts: 0,
              nextAttemptAt: now,
              createdAt: now,
            });
          }
        }
        for (const f of r.seen) {
          seen.push({
            branchId,
            key: findingKey(f),
            severity: f.severity,
            dueBy: f.dueBy ?? null,
            messageZh: f.message.zh,
            messageEn: f.message.en,
            facts: JSON.stringify(f.facts),
          });
        }
        for (const f of r.cleared) {
          cleared.push({ branchId, key: f.key });
          drafts.push({
            scopeId: branchId,
            districtId,
            action: "finding.cleared",
            subjectType: "finding",
            subjectId: storedBy.get(branchId)!.find((s) => s.key === f.key)!.id,
            after: { key: f.key },
          });
        }
      }
      statements.push(
        ...insertFindings(set.shard.d1, newRows),
        ...touchFindings(set.shard.d1, msg.runId, msg.date, seen),
        ...clearFindings(set.shard.d1, msg.runId, now, cleared),
        ...enqueueDeliveries(set.shard, deliveries),
      );
      return { statements, events: drafts, result: null };
    },
  );

  // deliveries go to the queue after they are safely in the outbox; the sweeper catches any missed send
  const pending = await deliveryIdsByKey(
    set.shard,
    [...draftsByBranch.entries()].flatMap(([branchId, list]) =>
      hooks.has(branchId)
        ? list.map((f) => ({ branchId, dedupeKey: `finding.opened:${findingKey(f)}` }))
        : [],
    ),
  );
  await sendAll(
    env.WEBHOOK_QUEUE,
    pending
      .filter((d) => d.status === "pending")
      .map((d) => ({ type: "deliver" as const, shard: msg.shard, branchId: d.branch_id, deliveryId: d.id })),
  );
  // what this audit saw intact becomes the witness the next one compares with
  await advanceAnchors(
    plane,
    [...chains.values()].flatMap((c) => (c.next ? [{ ...c.next, anchoredAt: now }] : [])),
  );
  // the reports' rollups for the periods running today, after this batch's own findings changed them
  await refreshComplianceRollups(
    set,
    msg.branches.map((b) => ({ id: b.id, recordsFrom: b.recordsFrom })),
    msg.date,
  );
  const changes = await runChanges(set, msg.runId);
  await recordBatch(plane, {
    runId: msg.runId,
    batchKey: `${msg.shard}:${msg.branches[0]?.id ?? ""}`,
    branches: msg.branches.length,
    findingsOpened: changes.opened,
    findingsResolved: changes.resolved,
    queries: plane.counter.queries - before + 1,
    doneAt: new Date().toISOString(),
  }).run();
}
