import { failure, type RuleFailure } from "../rules/rule";

/**
 * 谁负责的事项导致丢分，谁受处罚: who answers for an item that lost points. In order: the member
 * the district names, the member the branch named in its self-assessment, the holder of the
 * item's owner post, and — when that post is vacant or the item has none — the secretary, who
 * answers for the branch's party work as a whole (第一责任人).
 */
export type ResponsibleVia = "district" | "branch" | "owner_post" | "secretary";

export interface ResponsibleFacts {
  code: string;
  ownerPost: string | null;
  /** named by the district in its review */
  override?: string | null;
  /** named by the branch in its self-assessment */
  nominee?: string | null;
  posts: { memberId: string; post: string }[];
  /** current members of the branch: a named person must be one */
  isMember: (memberId: string) => boolean;
}

export type Responsible =
  | { ok: true; memberId: string; post: string | null; via: ResponsibleVia }
  | { ok: false; failure: RuleFailure };

export function responsibleFor(f: ResponsibleFacts): Responsible {
  const postOf = (memberId: string) =>
    f.ownerPost && f.posts.some((p) => p.memberId === memberId && p.post === f.ownerPost)
      ? f.ownerPost
      : (f.posts.find((p) => p.memberId === memberId)?.post ?? null);
  for (const [via, memberId] of [
    ["district", f.override],
    ["branch", f.nominee],
  ] as const) {
    if (!memberId) continue;
    const named = checkNamedResponsible(f.code, memberId, f.isMember);
    if (named) return { ok: false, failure: named };
    return { ok: true, memberId, post: postOf(memberId), via };
  }
  const holders = f.ownerPost ? f.posts.filter((p) => p.post === f.ownerPost) : [];
  if (holders.length > 1) {
    return {
      ok: false,
      failure: failure(
        "responsible_ambiguous",
        {
          zh: `项目 ${f.code} 的责任岗位有多人担任，请指定责任人`,
          en: `Several members hold the post answering for item ${f.code}; name the responsible one`,
        },
        { code: f.code, ownerPost: f.ownerPost, holders: holders.map((h) => h.memberId) },
      ),
    };
  }
  if (holders[0])
    return { ok: true, memberId: holders[0].memberId, post: holders[0].post, via: "owner_post" };
  const secretary = f.posts.find((p) => p.post === "secretary");
  if (secretary) return { ok: true, memberId: secretary.memberId, post: "secretary", via: "secretary" };
  return {
    ok: false,
    failure: failure(
      "responsible_unassigned",
      {
        zh: `项目 ${f.code} 丢分但无人可追责：支部委员会未设相应岗位，也无书记，请指定责任人`,
        en: `Item ${f.code} lost points but nobody holds its post and there is no secretary; name the responsible member`,
      },
      { code: f.code, ownerPost: f.ownerPost },
    ),
  };
}

/** Whoever is named as responsible must be a current member of the branch. */
export function checkNamedResponsible(
  code: string,
  memberId: string,
  isMember: (memberId: string) => boolean,
): RuleFailure | null {
  return isMember(memberId)
    ? null
    : failure(
        "responsible_not_member",
        {
          zh: `项目 ${code} 指定的责任人不是本支部党员`,
          en: `The person named for item ${code} is not on this branch's roll`,
        },
        { code, memberId },
      );
}
