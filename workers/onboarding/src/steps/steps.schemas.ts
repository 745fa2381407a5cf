import { z } from "@hono/zod-openapi";
import {
  FULL_MEMBERSHIP_OUTCOMES,
  OPINION_SOURCES,
  POLITICAL_REVIEW_CONCLUSIONS,
  RATINGS,
  RECOMMENDATION_SOURCES,
  STAGES,
  STEP_CODES,
  type StepCode,
} from "@vanguard/domain";
import { IsoDate, Name } from "@vanguard/platform";
import { Document, MemberRef, Note, RuleResult } from "../shared/schemas";

const Count = z.number().int().min(0).max(100_000);
// the generator drops zod's multipleOf, so the spec (and the console's forms) are told it again
const Hours = z.number().min(0).max(2000).multipleOf(0.5).openapi({ multipleOf: 0.5 });

const People = (min: number, max: number) =>
  z
    .array(MemberRef)
    .min(min)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, { message: "不能重复|must not repeat" });

/**
 * A general assembly's tally `{ expected, present, for, against, abstain, writtenOpinions }`
 * (docs/domain.md §Double majority).
 * `writtenOpinions` counts the opinions absent voters handed in before the meeting, by how they voted.
 */
const voteFields = {
  expected: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .openapi({ description: "full members with voting rights expected (应到)" }),
  present: Count.openapi({ description: "voting members present (实到)" }),
  for: Count,
  against: Count,
  abstain: Count,
  writtenOpinions: z
    .object({ for: Count, against: Count, abstain: Count })
    .strict()
    .default({ for: 0, against: 0, abstain: 0 })
    .openapi({
      description: "written opinions of absent voters handed in before the meeting (counted in the tally)",
    }),
};

const Empty = z.object({}).strict().default({});

/**
 * The data each step needs (docs/domain.md §Development pipeline); steps that need none take `{}` or
 * nothing.
 */
const DATA = {
  application: Empty,
  application_talk: z.object({ talkerIds: People(1, 3) }).strict(),
  activist_designation: z.object({ recommendedBy: z.enum(RECOMMENDATION_SOURCES) }).strict(),
  activist_filing: Empty,
  contacts_assigned: z.object({ contactIds: z.array(MemberRef).max(10) }).strict(),
  cultivation_review: z
    .object({ thought: z.enum(RATINGS), work: z.enum(RATINGS), trainingHours: Hours.default(0) })
    .strict(),
  candidate_designation: z.object({ opinionsHeard: z.array(z.enum(OPINION_SOURCES)).max(4) }).strict(),
  candidate_filing: Empty,
  introducers_assigned: z.object({ introducerIds: z.array(MemberRef).max(10) }).strict(),
  political_review: z.object({ conclusion: z.enum(POLITICAL_REVIEW_CONCLUSIONS) }).strict(),
  intensive_training: z
    .object({
      hours: Hours.default(0),
      days: z.number().min(0).max(365).multipleOf(0.5).openapi({ multipleOf: 0.5 }).default(0),
    })
    .strict()
    .refine((t) => t.hours > 0 || t.days > 0, {
      message: "须填写学时或天数|give hours or days",
      path: ["hours"],
    }),
  committee_review: Empty,
  pre_review: z.object({ publicity: z.object({ from: IsoDate, to: IsoDate }).strict() }).strict(),
  application_form: Empty,
  admission_vote: z.object(voteFields).strict(),
  upper_talk: z.object({ talkerName: Name(50) }).strict(),
  admission_approval: Empty,
  admission_record: Empty,
  group_assignment: z.object({ group: Name(50) }).strict(),
  oath: Empty,
  probation_review: z.object({ rating: z.enum(RATINGS) }).strict(),
  full_membership_request: Empty,
  full_membership_vote: z
    .object({
      ...voteFields,
      outcome: z.enum(FULL_MEMBERSHIP_OUTCOMES),
      extensionMonths: z.number().int().min(1).max(36).optional(),
    })
    .strict()
    .refine((v) => v.outcome === "extend" || v.extensionMonths === undefined, {
      message: "仅延长预备期时填写|only for outcome extend",
      path: ["extensionMonths"],
    }),
  full_membership_approval: Empty,
  archive: Empty,
} satisfies Record<StepCode, z.ZodType>;

function variant<S extends StepCode>(step: S) {
  return (
    z
      .object({
        step: z.literal(step),
        occurredOn: IsoDate,
        data: DATA[step],
        note: Note.optional(),
        documents: z.array(Document).max(20).optional(),
      })
      .strict()
      // named, so that the spec's discriminator on `step` can select it
      .openapi(`DevelopmentStepInput_${step}`)
  );
}

const VARIANTS = STEP_CODES.map(variant) as unknown as {
  [K in StepCode]: ReturnType<typeof variant<K>>;
}[StepCode][];

export const StepInput = z
  .discriminatedUnion("step", VARIANTS as [(typeof VARIANTS)[number], ...(typeof VARIANTS)[number][]])
  .openapi("DevelopmentStepInput", {
    discriminator: {
      propertyName: "step",
      mapping: Object.fromEntries(
        STEP_CODES.map((s) => [s, `#/components/schemas/DevelopmentStepInput_${s}`]),
      ),
    },
    description:
      "A step with its date and data. Upper-committee steps (4, 8, 11, 13, 16, 17, 18, 24) are recorded by a district admin.",
  });

/** What the recorder saw beside the step's data, kept as it was (docs/domain.md §Community and volunteer service). */
export const StepFacts = z
  .object({
    service: z
      .object({
        from: z.string().nullable().openapi({
          description:
            "first day of the period under review: the day after the previous cultivation review, else the activist's filing (or designation); null when neither is recorded",
        }),
        to: z.string().openapi({ description: "last day of the period: the review's date" }),
        confirmedHours: z.number(),
        confirmedSessions: z.number().int(),
        sessionIds: z.array(z.string()),
      })
      .openapi({ description: "confirmed community-service (报到服务) hours in the period under review" }),
  })
  .openapi("DevelopmentStepFacts", {
    description: "a cultivation review's facts: what the reviewer saw when it was recorded",
  });

export const StepView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    memberId: z.string(),
    seq: z.number().int(),
    step: z.enum(STEP_CODES),
    number: z.number().int(),
    label: z.string(),
    occurredOn: z.string(),
    cycle: z.number().int(),
    data: z.record(z.string(), z.unknown()),
    documents: z.array(Document),
    note: z.string().nullable(),
    warnings: z.array(RuleResult),
    ruleSetVersion: z.number().int(),
    recordedAt: z.string(),
    recordedBy: z.string(),
    recordedRole: z.string(),
    importedFrom: z.string().nullable().openapi({
      description:
        "SHA-256 of the history file the step was imported from (history, not judged by the gates); null when recorded live",
    }),
    facts: StepFacts.nullable(),
  })
  .openapi("DevelopmentStep");

export const RecordedStepView = StepView.extend({
  case: z.object({
    id: z.string(),
    stage: z.enum(STAGES),
    version: z.number().int(),
    probationEndsOn: z.string().nullable(),
    fullOn: z.string().nullable(),
    closedOn: z.string().nullable(),
  }),
}).openapi("RecordedDevelopmentStep");
