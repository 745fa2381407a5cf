import type { TenantContext, TenantRef } from "@vanguard/db";
import { as, moduleCall } from "./harness";

/** 2,000 characters: five minutes at the default pace of 400 a minute. */
export const LONG_TEXT = "学习贯彻党的二十大精神，".repeat(200).slice(0, 2000);

export const QUIZ = {
  kind: "quiz",
  title: "党章知识每日一练",
  tags: ["党章党规"],
  questions: [
    { prompt: "党的最高理想和最终目标是？", options: ["实现共产主义", "全面建成小康社会"], correct: [0] },
    { prompt: "党的组织原则是？", options: ["民主集中制", "一人负责制", "集体领导制"], correct: [0] },
    {
      prompt: "三会一课中的“三会”是？",
      options: ["支部党员大会", "支部委员会", "党小组会", "座谈会"],
      correct: [0, 1, 2],
    },
  ],
};

export function publish(ref: TenantRef, body: Record<string, unknown>, who = as(ref, "district_admin")) {
  return moduleCall(`/v1/districts/${ref.districtId}/study/materials`, { ...who, body });
}

export const article = (more: Record<string, unknown> = {}) => ({
  kind: "article",
  title: "习近平新时代中国特色社会主义思想学习纲要（节选）",
  tags: ["理论学习"],
  body: LONG_TEXT,
  ...more,
});

export const video = (more: Record<string, unknown> = {}) => ({
  kind: "video",
  title: "专题党课：党章党规党纪",
  url: "https://video.example.cn/dangke/2026-11.mp4",
  durationSec: 540,
  ...more,
});

export function open(ref: TenantRef, materialId: string, memberId: string, headers?: Record<string, string>) {
  return moduleCall(`/v1/branches/${ref.branchId}/study/materials/${materialId}/tickets`, {
    ...as(ref, "member", memberId),
    method: "POST",
    headers,
  });
}

export function redeem(
  ref: TenantRef,
  ticketId: string,
  memberId: string,
  opts: { headers?: Record<string, string>; lang?: "en" } = {},
) {
  return moduleCall(`/v1/branches/${ref.branchId}/study/tickets/${ticketId}/redeem`, {
    ...as(ref, "member", memberId),
    method: "POST",
    ...opts,
  });
}

export function answer(ref: TenantRef, materialId: string, memberId: string, answers: unknown[]) {
  return moduleCall(`/v1/branches/${ref.branchId}/study/materials/${materialId}/answers`, {
    ...as(ref, "member", memberId),
    body: { answers },
  });
}

/**
 * Moves a ticket's clock back by `seconds`, as if it had been issued that long ago: the state the
 * server decides from lives in D1, so a test sets it instead of waiting for the reading time.
 */
export async function ageTicket(tc: TenantContext, ticketId: string, seconds: number) {
  const shift = `-${seconds} seconds`;
  const r = await tc.shard.d1
    .prepare(
      `UPDATE study_tickets SET
         issued_at = strftime('%Y-%m-%dT%H:%M:%fZ', issued_at, ?1),
         redeemable_at = strftime('%Y-%m-%dT%H:%M:%fZ', redeemable_at, ?1),
         expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', expires_at, ?1)
       WHERE branch_id = ?2 AND id = ?3`,
    )
    .bind(shift, tc.branchId, ticketId)
    .run();
  if (r.meta.changes !== 1) throw new Error(`no ticket ${ticketId}`);
}

/** The study activities a member has on record, with where they came from. */
export async function activitiesOf(tc: TenantContext, memberId: string) {
  const r = await tc.shard.d1
    .prepare(
      "SELECT kind, ref, awarded, source, duration_sec AS durationSec FROM study_activities WHERE branch_id = ? AND member_id = ? ORDER BY id",
    )
    .bind(tc.branchId, memberId)
    .all<{ kind: string; ref: string | null; awarded: number; source: string; durationSec: number | null }>();
  return r.results;
}

export async function ticketRow(tc: TenantContext, id: string) {
  return tc.shard.d1
    .prepare("SELECT redeemed_at, outcome, awarded FROM study_tickets WHERE branch_id = ? AND id = ?")
    .bind(tc.branchId, id)
    .first<{ redeemed_at: string | null; outcome: string | null; awarded: number | null }>();
}
