import { MEETING_KIND_LABELS, MEETING_KINDS, type MeetingKind } from "../meetings/kinds";
import { failure, type RuleFailure } from "../rules/rule";

/** The names clerks give each kind of meeting, beside the codes and the official labels. */
const KIND_ALIASES: Record<MeetingKind, string[]> = {
  general_assembly: ["党员大会", "支部大会", "支部党员大会"],
  committee: ["支委会", "支部委员会", "支委会议"],
  group: ["党小组会", "小组会"],
  lecture: ["党课", "讲党课"],
  theme_day: ["主题党日", "主题党日活动"],
  life_meeting: ["组织生活会", "专题组织生活会"],
};

/** A meeting kind the platform (and so the district's cadence) knows; null when it knows none. */
export function meetingKindOf(text: string): MeetingKind | null {
  const t = text.trim();
  for (const kind of MEETING_KINDS) {
    if (t.toLowerCase() === kind || t === MEETING_KIND_LABELS[kind].zh || KIND_ALIASES[kind].includes(t))
      return kind;
  }
  return null;
}

export function unknownMeetingKind(text: string): RuleFailure {
  return failure(
    "meeting_kind_unknown",
    {
      zh: `未知的会议类型：${text}（可用：${MEETING_KINDS.map((k) => MEETING_KIND_LABELS[k].zh).join("、")}）`,
      en: `Unknown meeting kind: ${text} (known: ${MEETING_KINDS.join(", ")})`,
    },
    { kind: text },
  );
}

/** 出席 / 缺席 as a sheet says it; empty means present. Null when unreadable. */
export function attendedOf(text: string | undefined): boolean | null {
  if (text === undefined || text.trim() === "") return true;
  const t = text.trim().toLowerCase();
  if (["出席", "到会", "参加", "是", "√", "1", "yes", "y", "true", "present"].includes(t)) return true;
  if (["缺席", "未到", "请假", "否", "×", "0", "no", "n", "false", "absent"].includes(t)) return false;
  return null;
}

/** A history line's meeting date: not after today. */
export function checkHeldOn(heldOn: string, today: string): RuleFailure[] {
  return heldOn > today
    ? [
        failure(
          "history_in_future",
          { zh: "历史记录的日期不能晚于今天", en: "A history line cannot be dated after today" },
          { heldOn, today },
        ),
      ]
    : [];
}
