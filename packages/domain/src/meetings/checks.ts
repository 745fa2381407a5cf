import { failure, type RuleFailure } from "../rules/rule";
import type { MeetingKind } from "./kinds";

export interface MeetingPlan {
  kind: MeetingKind;
  heldOn: string;
  today: string;
  attendeeIds: string[];
  absenteeIds: string[];
  lecturerId: string | null;
  /** ids of the branch's current members */
  roll: ReadonlySet<string>;
  /** distinct members holding a committee post now; empty when the branch has no committee */
  committeeIds: readonly string[];
}

/** 支委会: more than half of the committee members must attend (支部工作条例 2018). */
export function committeeQuorum(committeeIds: readonly string[], attendeeIds: readonly string[]) {
  const present = new Set(attendeeIds);
  const committeePresent = committeeIds.filter((id) => present.has(id)).length;
  return {
    committeeSize: committeeIds.length,
    committeePresent,
    quorate: committeeIds.length > 0 && committeePresent * 2 > committeeIds.length,
  };
}

/**
 * Whether a meeting may be recorded: it has happened, everyone named is on the roll, nobody is both
 * present and absent, and a committee meeting had its quorum.
 */
export function checkMeeting(p: MeetingPlan): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (p.heldOn > p.today) {
    out.push(
      failure(
        "meeting_in_future",
        { zh: "会议日期不能晚于今天", en: "A meeting can be recorded once it has been held" },
        { heldOn: p.heldOn, today: p.today },
      ),
    );
  }
  const named = [...p.attendeeIds, ...p.absenteeIds, ...(p.lecturerId ? [p.lecturerId] : [])];
  const unknown = [...new Set(named.filter((id) => !p.roll.has(id)))];
  if (unknown.length) {
    out.push(
      failure(
        "meeting_person_not_on_roll",
        { zh: "出席或缺席人员不是本支部人员", en: "Someone named is not on this branch's roll" },
        { memberIds: unknown },
      ),
    );
  }
  const absent = new Set(p.absenteeIds);
  const both = [...new Set(p.attendeeIds.filter((id) => absent.has(id)))];
  if (both.length) {
    out.push(
      failure(
        "meeting_present_and_absent",
        { zh: "同一人不能既出席又缺席", en: "Nobody can be both present and absent" },
        { memberIds: both },
      ),
    );
  }
  if (p.kind === "committee") {
    const q = committeeQuorum(p.committeeIds, p.attendeeIds);
    if (q.committeeSize === 0) {
      out.push(
        failure(
          "committee_not_formed",
          { zh: "本支部尚未设立支部委员会", en: "This branch has no committee" },
          {},
        ),
      );
    } else if (!q.quorate) {
      out.push(
        failure(
          "committee_quorum",
          {
            zh: `支委会须有半数以上委员到会（应到 ${q.committeeSize}，实到 ${q.committeePresent}）`,
            en: `More than half of the committee must attend (${q.committeePresent} of ${q.committeeSize})`,
          },
          q,
        ),
      );
    }
  }
  return out;
}
