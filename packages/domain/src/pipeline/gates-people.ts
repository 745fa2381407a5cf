import { failure, type RuleFailure } from "../rules/rule";
import type { StepFacts } from "./gates";
import type { PipelineRules } from "./rules";

/**
 * A step names each person once: a talker, contact or introducer listed twice is one person
 * counted twice (two introducers must be two people), so the list is refused, not stored as given.
 */
export function namedOnce(
  ids: readonly string[],
  rule: string,
  role: { zh: string; en: string },
): RuleFailure[] {
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  return repeated.length
    ? [
        failure(
          rule,
          { zh: `同一人不能重复列为${role.zh}`, en: `The same person is named more than once as ${role.en}` },
          { memberIds: repeated },
        ),
      ]
    : [];
}

export function checkContacts(ids: string[], facts: StepFacts, rules: PipelineRules): RuleFailure[] {
  const distinct = [...new Set(ids)];
  const out: RuleFailure[] = [];
  if (distinct.length < rules.contacts.min || distinct.length > rules.contacts.max) {
    out.push(
      failure(
        "contacts_count",
        {
          zh: `培养联系人应为${rules.contacts.min}至${rules.contacts.max}名正式党员`,
          en: `An activist has ${rules.contacts.min} to ${rules.contacts.max} contacts`,
        },
        { contacts: distinct.length, min: rules.contacts.min, max: rules.contacts.max },
      ),
    );
  }
  for (const id of distinct) {
    const p = facts.people[id];
    if (p?.status !== "full") {
      out.push(
        failure(
          "contact_not_full_member",
          { zh: "培养联系人须为本支部正式党员", en: "A contact must be a full member of the branch" },
          { memberId: id, status: p?.status ?? null },
        ),
      );
    }
  }
  out.push(...namedOnce(ids, "contact_repeated", { zh: "培养联系人", en: "contact" }));
  return out;
}

export function checkIntroducers(ids: string[], facts: StepFacts, rules: PipelineRules): RuleFailure[] {
  const distinct = [...new Set(ids)];
  const out: RuleFailure[] = [];
  if (distinct.length !== rules.introducers) {
    out.push(
      failure(
        "introducers_count",
        {
          zh: `入党介绍人应为${rules.introducers}名正式党员（提交了${distinct.length}名）`,
          en: `A candidate has exactly ${rules.introducers} introducers (${distinct.length} given)`,
        },
        { introducers: distinct.length, required: rules.introducers },
      ),
    );
  }
  for (const id of distinct) {
    const p = facts.people[id];
    if (p?.status !== "full") {
      out.push(
        failure(
          "introducer_not_full_member",
          { zh: "入党介绍人须为本支部正式党员", en: "An introducer must be a full member of the branch" },
          { memberId: id, status: p?.status ?? null },
        ),
      );
    } else if (p.underDiscipline) {
      out.push(
        failure(
          "introducer_under_discipline",
          { zh: "受留党察看处分的党员不能担任入党介绍人", en: "A member under 留党察看 cannot introduce" },
          { memberId: id },
        ),
      );
    }
  }
  out.push(...namedOnce(ids, "introducer_repeated", { zh: "入党介绍人", en: "introducer" }));
  return out;
}
