import { type BranchSetContext, type DataPlane, latestRuleSetsOf, partyMembersJoined } from "@vanguard/db";
import { liveFindings } from "@vanguard/db/audits";
import {
  DEFAULT_PRACTICE_RULES,
  type PoliticalBirthday,
  PRACTICE_RULES_KIND,
  politicalBirthdaysWithin,
  resolvePracticeRules,
} from "@vanguard/domain";

export interface Digest {
  event: "digest";
  date: string;
  branchId: string;
  openFindings: {
    id: string;
    rule: string;
    severity: string;
    subjectType: string;
    subjectId: string;
    message: { zh: string; en: string };
    dueBy: string | null;
    status: string;
  }[];
  counts: { severe: number; warning: number; info: number };
  /** 政治生日: members whose 入党纪念日 falls within the district's lookahead (a week by default) */
  politicalBirthdays: PoliticalBirthday[];
}

/**
 * The daily digest of a set of branches, in a fixed number of queries. Study ranking and inactive
 * members join it from the study worker's tables as that module lands.
 */
export async function buildDigests(
  plane: DataPlane,
  set: BranchSetContext,
  date: string,
): Promise<Map<string, Digest>> {
  const out = new Map<string, Digest>();
  for (const b of set.branches) {
    out.set(b.branchId, {
      event: "digest",
      date,
      branchId: b.branchId,
      openFindings: [],
      counts: { severe: 0, warning: 0, info: 0 },
      politicalBirthdays: [],
    });
  }
  const districts = [...new Set(set.branches.map((b) => b.districtId))];
  const [members, ruleRows] = await Promise.all([
    partyMembersJoined(set),
    latestRuleSetsOf(plane, districts, [PRACTICE_RULES_KIND.module]),
  ]);
  const lookahead = new Map(
    ruleRows.map((r) => [r.districtId, resolvePracticeRules(JSON.parse(r.body)).birthdays.lookaheadDays]),
  );
  for (const b of set.branches) {
    const days = lookahead.get(b.districtId) ?? DEFAULT_PRACTICE_RULES.birthdays.lookaheadDays;
    out.get(b.branchId)!.politicalBirthdays = politicalBirthdaysWithin(
      members.filter((m) => m.branchId === b.branchId),
      date,
      days,
    );
  }
  for (const f of await liveFindings(set)) {
    const d = out.get(String(f.branch_id));
    if (!d) continue;
    d.openFindings.push({
      id: String(f.id),
      rule: String(f.rule),
      severity: String(f.severity),
      subjectType: String(f.subject_type),
      subjectId: String(f.subject_id),
      message: { zh: String(f.message_zh), en: String(f.message_en) },
      dueBy: f.due_by ?? null,
      status: String(f.status),
    });
    d.counts[f.severity as keyof Digest["counts"]] += 1;
  }
  return out;
}
