import type { WorkingCalendar } from "../calendar/working-days";
import { MEMBER_STATUS_ZH, type MemberStatus } from "../members/member";
import type { ServiceHoursEntry } from "../practices/service";
import { failure, type RuleFailure } from "../rules/rule";
import { OPINION_SOURCES, type StepRecord } from "./data";
import { checkContacts, checkIntroducers, namedOnce } from "./gates-people";
import { checkOutcome, checkPublicity } from "./gates-proceedings";
import {
  basicTraining,
  complaints,
  intensiveTrainingDone,
  performance,
  politicalReview,
  serviceHours,
} from "./gates-qualification";
import { age, cultivationInterval, probationExpired, publicityFinished } from "./gates-timing";
import type { PipelineRules } from "./rules";
import { type CaseState, latestOf, recordsOf } from "./state";
import { type StepCode, stepDefinition } from "./steps";
import { checkVote } from "./votes";

export { namedOnce } from "./gates-people";
export { intensiveTrainingSufficient } from "./gates-qualification";
export { earliestCandidateDesignation } from "./gates-timing";

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

const STAGE_ZH: Record<CaseState["stage"], string> = { ...MEMBER_STATUS_ZH, closed: "已结束" };

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
