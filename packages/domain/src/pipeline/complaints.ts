import { failure, type RuleFailure } from "../rules/rule";
import type { Stage } from "./steps";

/**
 * Mass complaints (群众反映问题) about a person in the pipeline. While one is open the gates of
 * candidate designation, the admission vote and the full-membership vote hold (六个不发展 #6).
 */
export function checkComplaint(c: { stage: Stage; receivedOn: string; today: string }): RuleFailure[] {
  const out: RuleFailure[] = [];
  if (c.stage === "closed") {
    out.push(failure("case_closed", { zh: "该发展案卷已结束", en: "This development case is closed" }, {}));
  }
  if (c.receivedOn > c.today) {
    out.push(
      failure(
        "complaint_date_in_future",
        { zh: "收到日期不能晚于今天", en: "A complaint cannot be received in the future" },
        { receivedOn: c.receivedOn, today: c.today },
      ),
    );
  }
  return out;
}

export function checkResolution(c: {
  status: "open" | "resolved";
  receivedOn: string;
  resolvedOn: string;
  today: string;
}): RuleFailure[] {
  if (c.status !== "open") {
    return [
      failure(
        "complaint_already_resolved",
        { zh: "该问题已查清办结", en: "This complaint is already resolved" },
        { status: c.status },
      ),
    ];
  }
  if (c.resolvedOn < c.receivedOn || c.resolvedOn > c.today) {
    return [
      failure(
        "complaint_resolution_date",
        {
          zh: "办结日期应在收到日期与今天之间",
          en: "A complaint is resolved between the day it was received and today",
        },
        { receivedOn: c.receivedOn, resolvedOn: c.resolvedOn, today: c.today },
      ),
    ];
  }
  return [];
}
