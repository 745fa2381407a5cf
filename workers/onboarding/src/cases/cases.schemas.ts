import { z } from "@hono/zod-openapi";
import {
  CASE_DOCUMENT_KINDS,
  EVIDENCE_DOCUMENT_CODES,
  GENDERS,
  MEMBER_STATUSES,
  STAGES,
  STEP_CODES,
} from "@vanguard/domain";
import { IdNumber, IsoDate, Name, PageQuery, Phone, Prose } from "@vanguard/platform";
import { Document, MemberRef, Note, RuleResult } from "../shared/schemas";
import { StepFacts } from "../steps/steps.schemas";

/** Someone not yet on the roll: they join it as an applicant with their case. */
export const PersonInput = z
  .object({
    name: Name(50).openapi({ example: "陈思远" }),
    gender: z.enum(GENDERS),
    birthDate: IsoDate,
    idNumber: IdNumber.nullish(),
    phone: Phone.nullish(),
    education: Name(40).nullish().openapi({ example: "大学本科" }),
  })
  .strict();

export const CaseInput = z
  .object({
    memberId: MemberRef.optional().openapi({
      description: "a person already on the roll (applicant, activist or candidate)",
    }),
    person: PersonInput.optional().openapi({
      description: "or a new person, added to the roll as an applicant",
    }),
    appliedOn: IsoDate.openapi({ description: "the date of the written application (step 1)" }),
    note: Note.optional(),
    documents: z.array(Document).max(20).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.memberId === undefined) === (v.person === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["memberId"],
        message: "须提供 memberId 或 person 之一|give either memberId or person",
      });
    }
  })
  .openapi("DevelopmentCaseInput");

export const CloseInput = z
  .object({
    closedOn: IsoDate,
    reason: Prose(500).openapi({ example: "本人撤回入党申请" }),
  })
  .strict();

export const CaseListQuery = PageQuery.extend({
  stage: z
    .enum(STAGES)
    .optional()
    .openapi({ param: { name: "stage", in: "query" } }),
});

export const NextStep = z
  .object({
    step: z.enum(STEP_CODES),
    number: z.number().int(),
    label: z.string(),
    recordedBy: z.enum(["branch", "upper"]),
    allowed: z.boolean(),
    blockers: z.array(RuleResult),
    dueBy: z.string().optional(),
    notBefore: z.string().optional(),
  })
  .openapi("DevelopmentNextStep");

const EvidenceDocumentRef = z.object({ code: z.enum(EVIDENCE_DOCUMENT_CODES), label: z.string() });

const CaseEvidence = z
  .object({
    enforcement: z.enum(["warn", "refuse"]).openapi({
      description:
        "a step missing its documents is recorded with a warning, or refused (the district's rule)",
    }),
    steps: z.array(
      z.object({
        step: z.enum(STEP_CODES),
        label: z.string(),
        recorded: z.boolean().openapi({ description: "recorded already (else one of the next steps)" }),
        required: z.array(EvidenceDocumentRef),
        missing: z.array(EvidenceDocumentRef).openapi({
          description: "required documents not attached to the step (superseded files do not count)",
        }),
      }),
    ),
  })
  .openapi("DevelopmentCaseEvidence", {
    description:
      "the documents the district's rule set requires of the case's recorded and next steps, and which are missing; steps that require none are left out",
  });

export const CaseView = z
  .object({
    id: z.string(),
    memberId: z.string(),
    member: z.object({ name: z.string(), status: z.enum(MEMBER_STATUSES), joinedOn: z.string().nullable() }),
    stage: z.enum(STAGES),
    appliedOn: z.string(),
    probationEndsOn: z.string().nullable(),
    extensionsApproved: z.number().int(),
    fullOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    closedReason: z.string().nullable(),
    completedSteps: z.array(z.enum(STEP_CODES)),
    nextSteps: z.array(NextStep),
    overdue: z.array(RuleResult).openapi({ description: "deadlines missed as of today (warnings)" }),
    openComplaints: z.number().int(),
    service: z
      .object({
        confirmedHours: z.number(),
        confirmedSessions: z.number().int(),
        required: z.object({ beforeCandidate: z.number(), beforeFull: z.number() }),
      })
      .openapi({
        description:
          "confirmed community-service hours (报到服务) on the person's record and the hours the district's gate requires (0 = off)",
      }),
    evidence: CaseEvidence,
    forms: z
      .array(
        z.object({
          kind: z.enum(CASE_DOCUMENT_KINDS as [string, ...string[]]),
          label: z.string(),
          url: z.string().openapi({ description: "GET it for the .docx" }),
        }),
      )
      .openapi({
        description: "the Word forms the case can be printed as now: those whose step is recorded",
      }),
    ruleSetVersion: z
      .number()
      .int()
      .openapi({ description: "the rule-set version nextSteps was checked against" }),
    lastStep: z.enum(STEP_CODES),
    lastStepOn: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi("DevelopmentCase");

export const CaseListItem = z
  .object({
    id: z.string(),
    memberId: z.string(),
    memberName: z.string(),
    stage: z.enum(STAGES),
    appliedOn: z.string(),
    lastStep: z.enum(STEP_CODES),
    lastStepOn: z.string(),
    probationEndsOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi("DevelopmentCaseListItem");

export const TimelineEntry = z
  .object({
    kind: z.enum(["step", "complaint_received", "complaint_resolved", "case_closed", "service_confirmed"]),
    on: z.string(),
    /** the step's or complaint's id */
    id: z.string(),
    step: z.enum(STEP_CODES).optional(),
    number: z.number().int().optional(),
    label: z.string(),
    data: z.record(z.string(), z.unknown()).optional(),
    documents: z.array(Document).optional(),
    note: z.string().nullable().optional(),
    warnings: z.array(RuleResult).optional(),
    facts: StepFacts.nullable().optional(),
    ruleSetVersion: z.number().int().optional(),
    text: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "a complaint's summary or resolution, a closing reason" }),
    hours: z.number().optional().openapi({ description: "a confirmed service session's hours" }),
    confirmedBy: z.string().nullable().optional().openapi({ description: "who confirmed a service session" }),
    recordedAt: z.string().nullable(),
    recordedBy: z.string().nullable(),
    imported: z.boolean().optional().openapi({
      description:
        "a step taken before the branch came to the platform, imported from its files as history (not judged by the gates)",
    }),
  })
  .openapi("DevelopmentTimelineEntry");
