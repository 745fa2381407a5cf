import type { Message } from "../rules/rule";

/** 三会一课 and the other meetings of organizational life (docs/domain.md §Organizational life). */
export const MEETING_KINDS = [
  "general_assembly",
  "committee",
  "group",
  "lecture",
  "theme_day",
  "life_meeting",
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, Message> = {
  general_assembly: { zh: "支部党员大会", en: "General assembly" },
  committee: { zh: "支委会", en: "Committee meeting" },
  group: { zh: "党小组会", en: "Party group meeting" },
  lecture: { zh: "党课", en: "Party lecture" },
  theme_day: { zh: "主题党日", en: "Theme party day" },
  life_meeting: { zh: "组织生活会", en: "Organizational life meeting" },
};
