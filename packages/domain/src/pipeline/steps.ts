import type { MemberStatus } from "../members/member";
import type { Message } from "../rules/rule";

/**
 * Where a development case stands (its `stage`, docs/domain.md §Development pipeline); `closed` ends a
 * case that will not go on.
 */
export const STAGES = ["applicant", "activist", "candidate", "probationary", "full", "closed"] as const;
export type Stage = (typeof STAGES)[number];

/** The 25 steps of 《发展党员工作细则》 (2014), in order: docs/domain.md §Development pipeline. */
export const STEP_CODES = [
  "application",
  "application_talk",
  "activist_designation",
  "activist_filing",
  "contacts_assigned",
  "cultivation_review",
  "candidate_designation",
  "candidate_filing",
  "introducers_assigned",
  "political_review",
  "intensive_training",
  "committee_review",
  "pre_review",
  "application_form",
  "admission_vote",
  "upper_talk",
  "admission_approval",
  "admission_record",
  "group_assignment",
  "oath",
  "probation_review",
  "full_membership_request",
  "full_membership_vote",
  "full_membership_approval",
  "archive",
] as const;
export type StepCode = (typeof STEP_CODES)[number];

/**
 * Who records a step: the branch itself, or the upper committee (上级党委), whose steps a branch
 * admin may not record for itself.
 */
export type Recorder = "branch" | "upper";

/**
 * How often a step may be recorded: `once`; `many` (each record adds to or replaces the last:
 * reviews, reassigned contacts, training sessions); `per_cycle` (once per probation period, so an
 * extended probation asks again for the request, the vote and the approval).
 */
export type Repeat = "once" | "many" | "per_cycle";

export interface StepDefinition {
  code: StepCode;
  number: number;
  label: Message;
  /** the 细则's "who" column, for people reading the pipeline */
  actor: Message;
  recordedBy: Recorder;
  /** the case must be in this stage to record the step */
  stage: Exclude<Stage, "closed">;
  /** steps that must be recorded first (in the same probation cycle, for per-cycle steps) */
  requires: readonly StepCode[];
  repeat: Repeat;
  /** recurring duties listed as next steps even when recorded before */
  recurring?: boolean;
}

const step = (
  code: StepCode,
  number: number,
  zh: string,
  en: string,
  actor: Message,
  recordedBy: Recorder,
  stage: StepDefinition["stage"],
  requires: StepCode[],
  repeat: Repeat = "once",
  recurring = false,
): StepDefinition => ({
  code,
  number,
  label: { zh, en },
  actor,
  recordedBy,
  stage,
  requires,
  repeat,
  ...(recurring ? { recurring } : {}),
});

const BRANCH_COMMITTEE = { zh: "支部委员会", en: "branch committee" };
const UPPER = { zh: "上级党委", en: "upper committee" };
const ASSEMBLY = { zh: "支部党员大会", en: "general assembly" };
const BRANCH = { zh: "党支部", en: "branch" };

export const STEPS: readonly StepDefinition[] = [
  step(
    "application",
    1,
    "递交入党申请书",
    "Written application",
    { zh: "申请人", en: "applicant" },
    "branch",
    "applicant",
    [],
  ),
  step(
    "application_talk",
    2,
    "党组织派人谈话",
    "Talk with the applicant",
    { zh: "书记、副书记或组织委员", en: "secretary, deputy or organization member" },
    "branch",
    "applicant",
    ["application"],
  ),
  step(
    "activist_designation",
    3,
    "确定入党积极分子",
    "Designated activist",
    BRANCH_COMMITTEE,
    "branch",
    "applicant",
    ["application_talk"],
  ),
  step(
    "activist_filing",
    4,
    "上级党委备案",
    "Activist filed with the upper committee",
    UPPER,
    "upper",
    "activist",
    ["activist_designation"],
  ),
  step(
    "contacts_assigned",
    5,
    "指定培养联系人",
    "Contacts assigned",
    BRANCH_COMMITTEE,
    "branch",
    "activist",
    ["activist_designation"],
    "many",
  ),
  step(
    "cultivation_review",
    6,
    "培养教育考察",
    "Cultivation review",
    { zh: "培养联系人、党支部", en: "contacts, branch" },
    "branch",
    "activist",
    ["contacts_assigned"],
    "many",
    true,
  ),
  step(
    "candidate_designation",
    7,
    "确定发展对象",
    "Designated candidate",
    BRANCH_COMMITTEE,
    "branch",
    "activist",
    ["activist_filing", "contacts_assigned", "cultivation_review"],
  ),
  step(
    "candidate_filing",
    8,
    "报上级党委备案",
    "Candidate filed with the upper committee",
    UPPER,
    "upper",
    "candidate",
    ["candidate_designation"],
  ),
  step(
    "introducers_assigned",
    9,
    "确定入党介绍人",
    "Introducers assigned",
    BRANCH_COMMITTEE,
    "branch",
    "candidate",
    ["candidate_designation"],
    "many",
  ),
  step(
    "political_review",
    10,
    "政治审查",
    "Political review",
    BRANCH_COMMITTEE,
    "branch",
    "candidate",
    ["candidate_designation"],
    "many",
  ),
  step(
    "intensive_training",
    11,
    "集中培训",
    "Intensive training",
    UPPER,
    "upper",
    "candidate",
    ["candidate_designation"],
    "many",
  ),
  step(
    "committee_review",
    12,
    "支部委员会审查",
    "Branch committee review",
    BRANCH_COMMITTEE,
    "branch",
    "candidate",
    ["candidate_filing", "introducers_assigned", "political_review", "intensive_training"],
  ),
  step("pre_review", 13, "上级党委预审", "Pre-review by the upper committee", UPPER, "upper", "candidate", [
    "committee_review",
  ]),
  step(
    "application_form",
    14,
    "填写入党志愿书",
    "Application form filled in",
    { zh: "发展对象及入党介绍人", en: "candidate, with introducers" },
    "branch",
    "candidate",
    ["pre_review"],
  ),
  step("admission_vote", 15, "支部大会讨论", "Admission vote", ASSEMBLY, "branch", "candidate", [
    "application_form",
  ]),
  step(
    "upper_talk",
    16,
    "上级党委派人谈话",
    "Talk by the upper committee",
    { zh: "上级党委委员或组织员", en: "committee member or organizer" },
    "upper",
    "candidate",
    ["admission_vote"],
  ),
  step("admission_approval", 17, "上级党委审批", "Admission approved", UPPER, "upper", "candidate", [
    "admission_vote",
    "upper_talk",
  ]),
  step(
    "admission_record",
    18,
    "再上一级党委备案",
    "Admission filed with the next level",
    { zh: "再上一级党委组织部门", en: "next level up" },
    "upper",
    "probationary",
    ["admission_approval"],
  ),
  step(
    "group_assignment",
    19,
    "编入党支部和党小组",
    "Assigned to a group",
    BRANCH,
    "branch",
    "probationary",
    ["admission_approval"],
  ),
  step("oath", 20, "入党宣誓", "Oath", BRANCH, "branch", "probationary", ["admission_approval"]),
  step(
    "probation_review",
    21,
    "继续教育考察",
    "Probation review",
    BRANCH,
    "branch",
    "probationary",
    ["admission_approval"],
    "many",
    true,
  ),
  step(
    "full_membership_request",
    22,
    "提出转正申请",
    "Request for full membership",
    { zh: "预备党员", en: "probationary member" },
    "branch",
    "probationary",
    ["admission_record", "group_assignment", "oath", "probation_review"],
    "per_cycle",
  ),
  step(
    "full_membership_vote",
    23,
    "支部大会讨论",
    "Full membership vote",
    ASSEMBLY,
    "branch",
    "probationary",
    ["full_membership_request"],
    "per_cycle",
  ),
  step(
    "full_membership_approval",
    24,
    "上级党委审批",
    "Full membership approved",
    UPPER,
    "upper",
    "probationary",
    ["full_membership_vote"],
    "per_cycle",
  ),
  step(
    "archive",
    25,
    "材料归档",
    "Records archived",
    { zh: "党支部、组织部门", en: "branch, organization department" },
    "branch",
    "full",
    ["full_membership_approval"],
  ),
];

const BY_CODE = new Map(STEPS.map((s) => [s.code, s]));

export function stepDefinition(code: StepCode): StepDefinition {
  const def = BY_CODE.get(code);
  if (!def) throw new RangeError(`unknown step ${code}`);
  return def;
}

export function isStepCode(value: string): value is StepCode {
  return BY_CODE.has(value as StepCode);
}

/** The member's roll status each stage corresponds to (a closed case leaves it as it was). */
export const STAGE_STATUS: Record<Exclude<Stage, "closed">, MemberStatus> = {
  applicant: "applicant",
  activist: "activist",
  candidate: "candidate",
  probationary: "probationary",
  full: "full",
};

const STAGE_ORDER: Record<Stage, number> = {
  applicant: 0,
  activist: 1,
  candidate: 2,
  probationary: 3,
  full: 4,
  closed: 5,
};

export function stageRank(stage: Stage): number {
  return STAGE_ORDER[stage];
}
