import type { FunnelCounts } from "@vanguard/domain";
import { type BranchSetContext, branchIdsJson } from "../tenant/context";

type Row = Record<string, string | number | null>;

/** One branch's development pipeline: the year's funnel, where open cases stand now, overdue steps. */
export interface DevelopmentFacts {
  funnel: FunnelCounts;
  closed: number;
  open: { applicant: number; activist: number; candidate: number; probationary: number };
  /** unresolved deadline findings by rule */
  overdue: Record<string, number>;
  /** steps recorded in the period without a document their district requires */
  stepsMissingEvidence: number;
  /** 报到服务: community-service hours the community confirmed in the period, of people with a case */
  service: { confirmedHours: number; people: number };
}

export interface DevelopmentQuery {
  from: string;
  to: string;
  /** the step that enters each counted stage */
  steps: { activists: string; candidates: string; admitted: string };
  overdueRules: readonly string[];
  /** what each district requires: [districtId, step, document] */
  requiredEvidence: readonly [string, string, string][];
}

export function emptyDevelopmentFacts(): DevelopmentFacts {
  return {
    funnel: { applied: 0, activists: 0, candidates: 0, admitted: 0, full: 0 },
    closed: 0,
    open: { applicant: 0, activist: 0, candidate: 0, probationary: 0 },
    overdue: {},
    stepsMissingEvidence: 0,
    service: { confirmedHours: 0, people: 0 },
  };
}

/** Four aggregate queries in one batch for a set of branches of one shard. */
export async function readDevelopmentFacts(
  set: BranchSetContext,
  q: DevelopmentQuery,
): Promise<Map<string, DevelopmentFacts>> {
  const d1 = set.shard.d1;
  const ids = branchIdsJson(set);
  const inSet = "branch_id IN (SELECT value FROM json_each(?1))";
  const stepOf = new Map(Object.entries(q.steps).map(([stage, step]) => [step, stage]));
  const [cases, steps, overdue, evidence, service] = await d1.batch<Row>([
    d1
      .prepare(
        `SELECT branch_id, sum(applied_on BETWEEN ?2 AND ?3) AS applied,
                sum(stage = 'full' AND full_on BETWEEN ?2 AND ?3) AS became_full,
                sum(stage = 'closed' AND closed_on BETWEEN ?2 AND ?3) AS closed,
                sum(stage = 'applicant') AS open_applicant, sum(stage = 'activist') AS open_activist,
                sum(stage = 'candidate') AS open_candidate, sum(stage = 'probationary') AS open_probationary
           FROM development_cases WHERE ${inSet} GROUP BY branch_id`,
      )
      .bind(ids, q.from, q.to),
    d1
      .prepare(
        `SELECT branch_id, step, count(DISTINCT case_id) AS cases FROM development_steps
          WHERE ${inSet} AND occurred_on BETWEEN ?2 AND ?3 AND step IN (SELECT value FROM json_each(?4))
          GROUP BY branch_id, step`,
      )
      .bind(ids, q.from, q.to, JSON.stringify([...stepOf.keys()])),
    d1
      .prepare(
        `SELECT branch_id, rule, count(*) AS findings FROM findings
          WHERE ${inSet} AND status <> 'resolved' AND rule IN (SELECT value FROM json_each(?2))
          GROUP BY branch_id, rule`,
      )
      .bind(ids, JSON.stringify(q.overdueRules)),
    // a step counts once however many of its documents are missing; superseded files do not count
    d1
      .prepare(
        `WITH req AS (SELECT json_extract(value, '$[0]') AS district_id, json_extract(value, '$[1]') AS step,
                             json_extract(value, '$[2]') AS document FROM json_each(?4))
         SELECT s.branch_id, count(DISTINCT s.id) AS missing
           FROM development_steps s JOIN req r ON r.district_id = s.district_id AND r.step = s.step
          WHERE s.${inSet} AND s.occurred_on BETWEEN ?2 AND ?3
            AND NOT EXISTS (SELECT 1 FROM attachments a
                             WHERE a.branch_id = s.branch_id AND a.target_type = 'development_step'
                               AND a.target_id = s.case_id || '/' || s.step AND a.document = r.document
                               AND a.superseded_by IS NULL)
          GROUP BY s.branch_id`,
      )
      .bind(ids, q.from, q.to, JSON.stringify(q.requiredEvidence)),
    d1
      .prepare(
        `SELECT s.branch_id, sum(s.hours) AS hours, count(DISTINCT s.member_id) AS people FROM service_sessions s
          WHERE s.${inSet} AND s.kind = 'community' AND s.status = 'confirmed' AND s.served_on BETWEEN ?2 AND ?3
            AND EXISTS (SELECT 1 FROM development_cases c WHERE c.branch_id = s.branch_id AND c.member_id = s.member_id)
          GROUP BY s.branch_id`,
      )
      .bind(ids, q.from, q.to),
  ]);
  const out = new Map(set.branches.map((b) => [b.branchId, emptyDevelopmentFacts()]));
  const n = (v: string | number | null | undefined) => Number(v ?? 0);
  for (const r of cases?.results ?? []) {
    const f = out.get(String(r.branch_id));
    if (!f) continue;
    f.funnel.applied = n(r.applied);
    f.funnel.full = n(r.became_full);
    f.closed = n(r.closed);
    f.open = {
      applicant: n(r.open_applicant),
      activist: n(r.open_activist),
      candidate: n(r.open_candidate),
      probationary: n(r.open_probationary),
    };
  }
  for (const r of steps?.results ?? []) {
    const f = out.get(String(r.branch_id));
    const stage = stepOf.get(String(r.step)) as keyof DevelopmentQuery["steps"] | undefined;
    if (f && stage) f.funnel[stage] = n(r.cases);
  }
  for (const r of overdue?.results ?? []) {
    const f = out.get(String(r.branch_id));
    if (f) f.overdue[String(r.rule)] = n(r.findings);
  }
  for (const r of evidence?.results ?? []) {
    const f = out.get(String(r.branch_id));
    if (f) f.stepsMissingEvidence = n(r.missing);
  }
  for (const r of service?.results ?? []) {
    const f = out.get(String(r.branch_id));
    if (f) f.service = { confirmedHours: n(r.hours), people: n(r.people) };
  }
  return out;
}
