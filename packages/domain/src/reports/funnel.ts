import { pipelineDeadlines } from "../audits/module-rules";
import type { Message } from "../rules/rule";

/**
 * The development funnel of a year (发展党员): how many people entered each stage in the year.
 * Entering a stage is the step that moves a case there (docs/domain.md §Development pipeline): the
 * application, step 3, step 7, the upper committee's approval (step 17); full membership counts from
 * the date it took effect.
 */
export const FUNNEL_STAGES = ["applied", "activists", "candidates", "admitted", "full"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const FUNNEL_STEPS = {
  activists: "activist_designation",
  candidates: "candidate_designation",
  admitted: "admission_approval",
} as const;

export const FUNNEL_LABELS: Record<FunnelStage, Message> = {
  applied: { zh: "递交申请", en: "Applied" },
  activists: { zh: "确定积极分子", en: "Activists designated" },
  candidates: { zh: "确定发展对象", en: "Candidates designated" },
  admitted: { zh: "接收预备党员", en: "Admitted (probationary)" },
  full: { zh: "转为正式党员", en: "Became full members" },
};

export type FunnelCounts = Record<FunnelStage, number>;

/** The deadline findings the audit raises for development steps: the report's "overdue steps". */
export const OVERDUE_STEP_RULES: readonly string[] = pipelineDeadlines.emits;

export function emptyFunnel(): FunnelCounts {
  return { applied: 0, activists: 0, candidates: 0, admitted: 0, full: 0 };
}

export function addFunnels(rows: readonly FunnelCounts[]): FunnelCounts {
  const out = emptyFunnel();
  for (const r of rows) for (const s of FUNNEL_STAGES) out[s] += r[s];
  return out;
}

/**
 * Each stage as a share of the stage before it in the same year. Cases move across years, so a
 * share can exceed 1 (last year's activists designated candidates this year); it is reported as
 * is, and null where the stage before is empty.
 */
export function funnelConversion(f: FunnelCounts): Record<FunnelStage, number | null> {
  const out = { applied: null } as Record<FunnelStage, number | null>;
  for (let i = 1; i < FUNNEL_STAGES.length; i++) {
    const prev = f[FUNNEL_STAGES[i - 1]!];
    const stage = FUNNEL_STAGES[i]!;
    out[stage] = prev > 0 ? Math.round((f[stage] / prev) * 10_000) / 10_000 : null;
  }
  return out;
}
