import { addMonths, addYears } from "../calendar/dates";
import type { WorkingCalendar } from "../calendar/working-days";
import type { MemberStatus } from "../members/member";
import { confirmedHoursBetween, type ServiceHoursEntry } from "../practices/service";
import { failure, type RuleFailure } from "../rules/rule";
import { OPINION_SOURCES, type StepRecord } from "./data";
import type { PipelineRules } from "./rules";
import {
  basicTrainingHours,
  type CaseState,
  dataOf,
  importedLatest,
  intensiveTraining,
  latestOf,
  recordsOf,
} from "./state";
import { type StepCode, stepDefinition } from "./steps";
import { checkVote } from "./votes";

/** What the gates know about the case's surroundings on the day they check. */
export interface CaseFacts {
  today: string;
  /** mass complaints (群众反映问题) on the case not yet resolved */
  openComplaints: number;
  /** the person's confirmed community-service sessions (报到服务); absent: none known */
  confirmedService?: readonly ServiceHoursEntry[];
}

/** A person a step names (talker, contact, introducer), as the branch roll has them. */
export interface PersonFacts {
  /** null: not a current member of this branch */
  status: MemberStatus | null;
  /** under 留党察看 on the step's date */
  underDiscipline: boolean;
}

/** Facts a step's data needs checked against: the people it names, the roll, the calendar. */
export interface StepFacts extends CaseFacts {
  people: Readonly<Record<string, PersonFacts>>;
  /** full members of the branch with voting rights (not under 留党察看) */
  votingMembers: number;
  /** the working-day calendar around the publicity period, for pre-review */
  calendar?: WorkingCalendar;
}

/** Refusals that make every other question moot: nothing more is checked after one of these. */
const STRUCTURAL = new Set([
  "case_closed",
  "stage_mismatch",
  "step_already_recorded",
  "procedure_incomplete",
]);

export function isStructural(f: RuleFailure): boolean {
  return STRUCTURAL.has(f.rule);
}

/**
 * Gates that hold whatever a step's data says: the stage, the order of steps, intervals,
 * qualifications and the six no-admits. `nextSteps` asks these with today's date.
 */
export function caseGates(
  state: CaseState,
  step: StepCode,
  on: string,
  facts: CaseFacts,
  rules: PipelineRules,
): RuleFailure[] {
  const def = stepDefinition(step);
  if (state.stage === "closed") {
    return [
      failure(
        "case_closed",
        { zh: "该发展案卷已结束", en: "This development case is closed" },
        { closedOn: state.closedOn },
      ),
    ];
  }
  if (state.stage !== def.stage) {
    return [
      failure(
        "stage_mismatch",
        {
          zh: `“${def.label.zh}”只能在${STAGE_ZH[def.stage]}阶段记录，当前为${STAGE_ZH[state.stage]}阶段`,
          en: `"${def.label.en}" is recorded at the ${def.stage} stage; the case is at the ${state.stage} stage`,
        },
        { step, stage: state.stage, requiredStage: def.stage },
      ),
    ];
  }
  if (def.repeat !== "many" && recordsOf(state, step).length > 0) {
    const prior = latestOf(state, step);
    return [
      failure(
        "step_already_recorded",
        { zh: `“${def.label.zh}”已记录`, en: `"${def.label.en}" is already recorded` },
        { step, occurredOn: prior?.occurredOn, cycle: state.cycle },
      ),
    ];
  }
  const missing = def.requires.filter((r) => recordsOf(state, r).length === 0);
  if (missing.length) {
    return [
      failure(
        "procedure_incomplete",
        {
          zh: `程序不完整，须先完成：${missing.map((m) => stepDefinition(m).label.zh).join("、")}`,
          en: `The procedure is incomplete; first record: ${missing.join(", ")}`,
        },
        { step, missing },
      ),
    ];
  }
  const out: RuleFailure[] = [];
  if (on > facts.today) {
    out.push(
      failure(
        "step_date_in_future",
        { zh: "步骤日期不能晚于今天", en: "A step cannot be dated in the future" },
        { occurredOn: on, today: facts.today },
      ),
    );
  }
  for (const r of def.requires) {
    const earliest =
      recordsOf(state, r)
        .map((x) => x.occurredOn)
        .sort()[0] ?? "9999-12-31";
    if (earliest > on) {
      out.push(
        failure(
          "step_date_order",
          {
            zh: `“${def.label.zh}”的日期不能早于“${stepDefinition(r).label.zh}”（${earliest}）`,
            en: `"${def.label.en}" cannot be dated before "${stepDefinition(r).label.en}" (${earliest})`,
          },
          { step, occurredOn: on, requires: r, requiredOn: earliest },
        ),
      );
    }
  }
  out.push(...(STEP_CASE_GATES[step]?.(state, on, facts, rules) ?? []));
  return out;
}

/** Gates on what a proposal says: the people it names, counts, votes, publicity. */
export function dataGates(
  state: CaseState,
  p: StepRecord,
  facts: StepFacts,
  rules: PipelineRules,
): RuleFailure[] {
  switch (p.step) {
    case "application_talk":
      return [
        ...p.data.talkerIds.flatMap((id) =>
          facts.people[id]?.status === "full"
            ? []
            : [
                failure(
                  "talker_not_full_member",
                  { zh: "谈话人须为本支部正式党员", en: "The talker must be a full member of the branch" },
                  { memberId: id, status: facts.people[id]?.status ?? null },
                ),
              ],
        ),
        ...namedOnce(p.data.talkerIds, "talker_repeated", { zh: "谈话人", en: "talker" }),
      ];
    case "contacts_assigned":
      return checkContacts(p.data.contactIds, facts, rules);
    case "candidate_designation": {
      const missing = OPINION_SOURCES.filter((s) => !p.data.opinionsHeard.includes(s));
      return missing.length
        ? [
            failure(
              "opinions_not_heard",
              {
                zh: "确定发展对象前须听取党小组、培养联系人、党员和群众的意见",
                en: "Before designating a candidate the committee hears the group, the contacts, members and the masses",
              },
              { missing },
            ),
          ]
        : [];
    }
    case "introducers_assigned":
      return checkIntroducers(p.data.introducerIds, facts, rules);
    case "pre_review":
      return checkPublicity(state, p.data.publicity, facts, rules);
    case "admission_vote":
      return checkVote(p.data, facts.votingMembers);
    case "full_membership_vote":
      return [...checkVote(p.data, facts.votingMembers), ...checkOutcome(state, p.data, rules)];
    default:
      return [];
  }
}

const STAGE_ZH: Record<CaseState["stage"], string> = {
  applicant: "入党申请人",
  activist: "入党积极分子",
  candidate: "发展对象",
  probationary: "预备党员",
  full: "正式党员",
  closed: "已结束",
};

type CaseGate = (state: CaseState, on: string, facts: CaseFacts, rules: PipelineRules) => RuleFailure[];

/** 六个不发展 as they apply at candidate designation (step 7): no political review exists yet. */
const AT_CANDIDATE_DESIGNATION: CaseGate = (state, on, facts, rules) => [
  ...basicTraining(state, rules),
  ...cultivationInterval(state, on, rules),
  ...performance(state),
  ...complaints(facts),
  ...serviceHours(state, on, facts, rules, "activist_designation", rules.serviceHours.beforeCandidate),
];

/** 六个不发展 at the admission vote (step 15): all six. */
const AT_ADMISSION_VOTE: CaseGate = (state, on, facts, rules) => [
  ...intensiveTrainingDone(state, rules),
  ...cultivationInterval(state, on, rules),
  ...politicalReview(state),
  ...performance(state),
  ...complaints(facts),
];

const STEP_CASE_GATES: Partial<Record<StepCode, CaseGate>> = {
  application: (state, on, _f, rules) => age(state, on, rules),
  activist_designation: (state, on, _f, rules) => age(state, on, rules),
  candidate_designation: AT_CANDIDATE_DESIGNATION,
  committee_review: (state, _on, _f, rules) => [
    ...politicalReview(state),
    ...intensiveTrainingDone(state, rules),
  ],
  application_form: (state, on) => publicityFinished(state, on),
  admission_vote: AT_ADMISSION_VOTE,
  full_membership_vote: (state, on, facts, rules) => [
    ...probationExpired(state, on),
    ...complaints(facts),
    ...serviceHours(state, on, facts, rules, "admission_vote", rules.serviceHours.beforeFull),
  ],
};

function age(state: CaseState, on: string, rules: PipelineRules): RuleFailure[] {
  const reachesOn = addYears(state.birthDate, rules.minAge);
  if (on >= reachesOn) return [];
  return [
    failure(
      "age_under_minimum",
      {
        zh: `须年满${rules.minAge}周岁（${reachesOn}满）`,
        en: `Must be ${rules.minAge} or older (from ${reachesOn})`,
      },
      { birthDate: state.birthDate, on, minAge: rules.minAge, reachesOn },
    ),
  ];
}

/** The earliest day a candidate may be designated: the cultivation interval after step 3. */
export function earliestCandidateDesignation(state: CaseState, rules: PipelineRules): string | null {
  const designated = latestOf(state, "activist_designation");
  return designated ? addMonths(designated.occurredOn, rules.cultivationMinMonths) : null;
}

function cultivationInterval(state: CaseState, on: string, rules: PipelineRules): RuleFailure[] {
  const earliest = earliestCandidateDesignation(state, rules);
  if (!earliest || on >= earliest) return [];
  return [
    failure(
      "cultivation_under_one_year",
      {
        zh: `确定为入党积极分子未满${rules.cultivationMinMonths}个月（${earliest}起方可）`,
        en: `Less than ${rules.cultivationMinMonths} months since activist designation (allowed from ${earliest})`,
      },
      {
        activistDesignatedOn: latestOf(state, "activist_designation")?.occurredOn,
        on,
        minMonths: rules.cultivationMinMonths,
        earliest,
      },
    ),
  ];
}

function basicTraining(state: CaseState, rules: PipelineRules): RuleFailure[] {
  const hours = basicTrainingHours(state);
  if (hours >= rules.basicTrainingMinHours) return [];
  return [
    failure(
      "no_basic_training",
      {
        zh: `未记录党的基本知识培训（已记录${hours}学时，须${rules.basicTrainingMinHours}学时）`,
        en: `No party-knowledge training recorded (${hours} class hours; ${rules.basicTrainingMinHours} required)`,
      },
      { trainingHours: hours, minHours: rules.basicTrainingMinHours },
    ),
  ];
}

/** Whether a candidate's intensive training reached the days or the class hours required. */
export function intensiveTrainingSufficient(state: CaseState, rules: PipelineRules): boolean {
  // imported history: the training took place as the branch's files record it, hours unknown here
  if (importedLatest(state, "intensive_training")) return true;
  const t = intensiveTraining(state);
  return t.hours >= rules.intensiveTraining.minHours || t.days >= rules.intensiveTraining.minDays;
}

function intensiveTrainingDone(state: CaseState, rules: PipelineRules): RuleFailure[] {
  if (intensiveTrainingSufficient(state, rules)) return [];
  const t = intensiveTraining(state);
  const { minHours, minDays } = rules.intensiveTraining;
  return [
    failure(
      "no_basic_training",
      {
        zh: `集中培训不足（${t.days}天、${t.hours}学时；须不少于${minDays}天或${minHours}学时）`,
        en: `Intensive training is short (${t.days} days, ${t.hours} class hours; ${minDays} days or ${minHours} hours required)`,
      },
      { days: t.days, hours: t.hours, minDays, minHours },
    ),
  ];
}

function politicalReview(state: CaseState): RuleFailure[] {
  const latest = latestOf(state, "political_review");
  // an imported review is one the case went on from: only passed reviews are imported (docs/adoption.md)
  if (latest?.data.conclusion === "passed" || latest?.imported) return [];
  return [
    failure(
      "political_review_missing_or_failed",
      { zh: "政治审查未完成或未通过", en: "The political review is missing or did not pass" },
      { conclusion: latest?.data.conclusion ?? null, reviewedOn: latest?.occurredOn ?? null },
    ),
  ];
}

function performance(state: CaseState): RuleFailure[] {
  const latest = latestOf(state, "cultivation_review");
  if (!latest || (latest.data.thought !== "ordinary" && latest.data.work !== "ordinary")) return [];
  return [
    failure(
      "performance_not_outstanding",
      {
        zh: "最近一次培养考察评价思想或工作表现一般",
        en: "The latest cultivation review rates thought or work as ordinary",
      },
      { reviewedOn: latest.occurredOn, thought: latest.data.thought, work: latest.data.work },
    ),
  ];
}

function complaints(facts: CaseFacts): RuleFailure[] {
  if (facts.openComplaints === 0) return [];
  return [
    failure(
      "open_mass_complaints",
      {
        zh: `有${facts.openComplaints}件群众反映的问题尚未查清，应暂缓`,
        en: `${facts.openComplaints} complaint(s) from the masses are unresolved; the step waits`,
      },
      { openComplaints: facts.openComplaints },
    ),
  ];
}

/**
 * 双报到: a district may require confirmed community-service hours in the stage that ends with the
 * step (docs/domain.md §Community and volunteer service). Off at 0, the default.
 */
function serviceHours(
  state: CaseState,
  on: string,
  facts: CaseFacts,
  rules: PipelineRules,
  since: StepCode,
  required: number,
): RuleFailure[] {
  if (!(required > 0)) return [];
  const from = latestOf(state, since)?.occurredOn ?? null;
  const hours = confirmedHoursBetween(facts.confirmedService ?? [], from, on);
  if (hours >= required) return [];
  const atCandidate = since === "activist_designation";
  return [
    failure(
      "service_hours_insufficient",
      {
        zh: `${atCandidate ? "确定发展对象" : "讨论转正"}前须有经社区（村）确认的报到服务不少于${required}小时（${from ? `${from}以来` : ""}已确认${hours}小时）`,
        en: `${atCandidate ? "Candidate designation" : "The full-membership vote"} needs at least ${required} confirmed community-service hours (${hours} confirmed${from ? ` since ${from}` : ""})`,
      },
      { confirmedHours: hours, required, since: from, on, rulesMin: rules.serviceHours },
    ),
  ];
}

function publicityFinished(state: CaseState, on: string): RuleFailure[] {
  const publicity = dataOf(state, "pre_review")?.publicity;
  if (!publicity || on > publicity.to) return [];
  return [
    failure(
      "publicity_not_finished",
      {
        zh: `公示期至${publicity.to}结束，结束后方可填写入党志愿书`,
        en: `Publicity runs until ${publicity.to}; the form is filled in after it ends`,
      },
      { publicity, on },
    ),
  ];
}

function probationExpired(state: CaseState, on: string): RuleFailure[] {
  if (!state.probationEndsOn || on >= state.probationEndsOn) return [];
  return [
    failure(
      "probation_not_expired",
      {
        zh: `预备期至${state.probationEndsOn}届满，期满后方可讨论转正`,
        en: `Probation ends on ${state.probationEndsOn}; full membership is decided after that`,
      },
      { probationEndsOn: state.probationEndsOn, on },
    ),
  ];
}

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

function checkContacts(ids: string[], facts: StepFacts, rules: PipelineRules): RuleFailure[] {
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

function checkIntroducers(ids: string[], facts: StepFacts, rules: PipelineRules): RuleFailure[] {
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

function checkPublicity(
  state: CaseState,
  publicity: { from: string; to: string },
  facts: StepFacts,
  rules: PipelineRules,
): RuleFailure[] {
  if (publicity.from > publicity.to) {
    return [
      failure(
        "publicity_dates_invalid",
        { zh: "公示开始日期晚于结束日期", en: "The publicity starts after it ends" },
        { publicity },
      ),
    ];
  }
  const out: RuleFailure[] = [];
  const review = latestOf(state, "committee_review");
  if (review && publicity.from < review.occurredOn) {
    out.push(
      failure(
        "publicity_before_committee_review",
        {
          zh: `公示不能早于支部委员会审查（${review.occurredOn}）`,
          en: `Publicity cannot start before the committee review (${review.occurredOn})`,
        },
        { publicity, committeeReviewOn: review.occurredOn },
      ),
    );
  }
  if (!facts.calendar) throw new Error("pre_review needs the working calendar");
  const workingDays = facts.calendar.countWorkingDays(publicity.from, publicity.to);
  if (workingDays < rules.publicityWorkingDays) {
    out.push(
      failure(
        "publicity_too_short",
        {
          zh: `公示期应不少于${rules.publicityWorkingDays}个工作日（${publicity.from}至${publicity.to}仅${workingDays}个工作日）`,
          en: `Publicity lasts at least ${rules.publicityWorkingDays} working days (${publicity.from} to ${publicity.to} has ${workingDays})`,
        },
        { publicity, workingDays, required: rules.publicityWorkingDays },
      ),
    );
  }
  return out;
}

function checkOutcome(
  state: CaseState,
  vote: { outcome: string; extensionMonths?: number },
  rules: PipelineRules,
): RuleFailure[] {
  if (vote.outcome !== "extend") return [];
  const out: RuleFailure[] = [];
  const { minMonths, maxMonths, maxTimes } = rules.extension;
  if (state.extensionsApproved >= maxTimes) {
    out.push(
      failure(
        "extension_once_only",
        {
          zh: `预备期只能延长${maxTimes}次`,
          en: `Probation can be extended ${maxTimes === 1 ? "once" : `${maxTimes} times`} only`,
        },
        { extensionsApproved: state.extensionsApproved, maxTimes },
      ),
    );
  }
  const months = vote.extensionMonths;
  if (months === undefined || months < minMonths || months > maxMonths) {
    out.push(
      failure(
        "extension_length",
        {
          zh: `延长预备期应为${minMonths}至${maxMonths}个月`,
          en: `An extension lasts ${minMonths} to ${maxMonths} months`,
        },
        { extensionMonths: months ?? null, minMonths, maxMonths },
      ),
    );
  }
  return out;
}

/** The people a proposal names, whose standing on the roll its gates check. */
export function namedPeople(p: StepRecord): string[] {
  switch (p.step) {
    case "application_talk":
      return p.data.talkerIds;
    case "contacts_assigned":
      return p.data.contactIds;
    case "introducers_assigned":
      return p.data.introducerIds;
    default:
      return [];
  }
}
