import { failure, type RuleFailure } from "../rules/rule";
import { checkItemScore, deductionOf } from "./inspection-scoring";
import { type ResponsibleVia, responsibleFor } from "./responsibility";

export interface ReviewedItemInput {
  code: string;
  maxScore: number;
  ownerPost: string | null;
  selfScore: number | null;
  selfReason: string | null;
  nomineeId: string | null;
}

export interface ReviewEntry {
  code: string;
  score?: number;
  deductionReason?: string;
  responsibleMemberId?: string;
}

export interface FinalItem {
  code: string;
  finalScore: number;
  deducted: number;
  deductionReason: string | null;
  responsibleMemberId: string | null;
  responsiblePost: string | null;
  responsibleVia: ResponsibleVia | null;
}

/**
 * The district's review: final scores (its own where it gave one, else the branch's), and for
 * every item that lost points a reason and the one committee member who answers for it.
 */
export function planReview(input: {
  items: ReviewedItemInput[];
  entries: ReviewEntry[];
  posts: { memberId: string; post: string }[];
  isMember: (memberId: string) => boolean;
}): { items: FinalItem[]; failures: RuleFailure[] } {
  const failures: RuleFailure[] = [];
  const byCode = new Map(input.items.map((i) => [i.code, i]));
  const entries = new Map<string, ReviewEntry>();
  for (const e of input.entries) {
    if (!byCode.has(e.code)) {
      failures.push(
        failure(
          "inspection_item_unknown",
          { zh: `检查表中没有项目 ${e.code}`, en: `The checklist has no item ${e.code}` },
          { code: e.code },
        ),
      );
    }
    entries.set(e.code, e);
  }
  const items: FinalItem[] = [];
  for (const item of input.items) {
    const e = entries.get(item.code);
    const score = e?.score ?? item.selfScore;
    if (score === null) {
      failures.push(
        failure(
          "inspection_items_unscored",
          { zh: "还有检查项目没有得分", en: "Some items have no score" },
          { codes: [item.code] },
        ),
      );
      continue;
    }
    const reason = e?.deductionReason ?? (score < item.maxScore ? item.selfReason : null);
    const scoreFailures = checkItemScore({
      code: item.code,
      maxScore: item.maxScore,
      score,
      deductionReason: reason,
    });
    failures.push(...scoreFailures);
    const deducted = deductionOf({ maxScore: item.maxScore, score });
    if (deducted <= 0 || scoreFailures.length) {
      items.push({
        code: item.code,
        finalScore: score,
        deducted: Math.max(0, deducted),
        deductionReason: null,
        responsibleMemberId: null,
        responsiblePost: null,
        responsibleVia: null,
      });
      continue;
    }
    const who = responsibleFor({
      code: item.code,
      ownerPost: item.ownerPost,
      override: e?.responsibleMemberId,
      nominee: item.nomineeId,
      posts: input.posts,
      isMember: input.isMember,
    });
    if (!who.ok) {
      failures.push(who.failure);
      continue;
    }
    items.push({
      code: item.code,
      finalScore: score,
      deducted,
      deductionReason: reason,
      responsibleMemberId: who.memberId,
      responsiblePost: who.post,
      responsibleVia: who.via,
    });
  }
  return { items, failures };
}
