import type { StudyRules } from "./rules";

export interface ClassHoursStatus {
  /** 32 for members, 56 for secretaries and committee members (党员教育管理工作条例 2019) */
  required: number;
  /** hours credited by meetings the member attended */
  meetings: number;
  /** hours of offline study sessions the branch recorded */
  study: number;
  total: number;
  met: boolean;
  shortBy: number;
}

/** Hours are kept to one decimal: minutes of a session are real, finer fractions are noise. */
const tenths = (h: number) => Math.round(h * 10) / 10;

export function classHours(
  rules: StudyRules,
  f: { committeeMember: boolean; meetingHours: number; studySeconds: number },
): ClassHoursStatus {
  const required = f.committeeMember ? rules.classHours.committee : rules.classHours.member;
  const meetings = tenths(f.meetingHours);
  const study = tenths(f.studySeconds / 3600);
  const total = tenths(meetings + study);
  return {
    required,
    meetings,
    study,
    total,
    met: total >= required,
    shortBy: tenths(Math.max(0, required - total)),
  };
}
