import type { Message } from "../rules/rule";
import type { ComplianceBand } from "./scorecard";

/** What a district reads in a spreadsheet: Chinese labels (or English), never codes. */
export const BAND_LABELS: Record<ComplianceBand, Message> = {
  // as the dashboard says them
  good: { zh: "良好", en: "Good" },
  fair: { zh: "一般", en: "Fair" },
  poor: { zh: "较差", en: "Poor" },
  none: { zh: "暂无数据", en: "No data" },
};

export const UNIT_KIND_LABELS: Record<"branch" | "general_branch" | "committee", Message> = {
  branch: { zh: "党支部", en: "Branch" },
  general_branch: { zh: "党总支", en: "General branch" },
  committee: { zh: "基层党委", en: "Base committee" },
};

/** A report period before a unit's records start: "no records", never 0 %. */
export const NO_RECORDS: Message = { zh: "无记录", en: "No records" };

/** A 0–1 rate as a spreadsheet shows it: `81.5%`; empty when there is nothing to measure. */
export function percent(rate: number | null): string | null {
  return rate === null ? null : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
