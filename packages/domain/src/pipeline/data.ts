import type { StepCode } from "./steps";

/** How a cultivation or probation review rates thought and work (表现突出 / 良好 / 一般). */
export const RATINGS = ["outstanding", "good", "ordinary"] as const;
export type Rating = (typeof RATINGS)[number];

/** Where an activist's nomination came from (党员推荐、群团组织推优). */
export const RECOMMENDATION_SOURCES = ["party_members", "league", "mass_organization"] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

/** Whose opinions the branch committee heard before designating a candidate (细则 第十三条). */
export const OPINION_SOURCES = ["group", "contacts", "members", "masses"] as const;
export type OpinionSource = (typeof OPINION_SOURCES)[number];

export const POLITICAL_REVIEW_CONCLUSIONS = ["passed", "failed"] as const;
export type PoliticalReviewConclusion = (typeof POLITICAL_REVIEW_CONCLUSIONS)[number];

export const FULL_MEMBERSHIP_OUTCOMES = ["full", "extend", "disqualify"] as const;
export type FullMembershipOutcome = (typeof FULL_MEMBERSHIP_OUTCOMES)[number];

/**
 * A general assembly's tally. `expected` and `present` count full members with voting rights;
 * `for`/`against`/`abstain` are the votes cast at the meeting; `writtenOpinions` are the
 * opinions of absent voters handed in before the meeting, which count in the tally (细则 第二十八条).
 */
export interface VoteTally {
  expected: number;
  present: number;
  for: number;
  against: number;
  abstain: number;
  writtenOpinions: { for: number; against: number; abstain: number };
}

export interface DateRange {
  from: string;
  to: string;
}

/** Steps that record only their date (and the notes and document references every step may carry). */
export type NoData = Record<string, unknown>;

/** What each step records besides its date. Free notes and document references ride along. */
export interface StepDataMap {
  application: NoData;
  application_talk: { talkerIds: string[] };
  activist_designation: { recommendedBy: RecommendationSource };
  activist_filing: NoData;
  contacts_assigned: { contactIds: string[] };
  cultivation_review: { thought: Rating; work: Rating; trainingHours: number };
  candidate_designation: { opinionsHeard: OpinionSource[] };
  candidate_filing: NoData;
  introducers_assigned: { introducerIds: string[] };
  political_review: { conclusion: PoliticalReviewConclusion };
  intensive_training: { hours: number; days: number };
  committee_review: NoData;
  pre_review: { publicity: DateRange };
  application_form: NoData;
  admission_vote: VoteTally;
  upper_talk: { talkerName: string };
  admission_approval: NoData;
  admission_record: NoData;
  group_assignment: { group: string };
  oath: NoData;
  probation_review: { rating: Rating };
  full_membership_request: NoData;
  full_membership_vote: VoteTally & { outcome: FullMembershipOutcome; extensionMonths?: number };
  full_membership_approval: NoData;
  archive: NoData;
}

export type StepData<S extends StepCode = StepCode> = StepDataMap[S];

/** A step as proposed or recorded: which, when, and its data. */
export type StepRecord<S extends StepCode = StepCode> = {
  [K in S]: { step: K; occurredOn: string; data: StepDataMap[K] };
}[S];
