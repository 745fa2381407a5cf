import { createRoute, z } from "@hono/zod-openapi";
import { OPTION_IDS } from "@vanguard/domain";
import { json, jsonBody, security, writeResponses } from "@vanguard/platform";
import { ActivityResult } from "../activities/activities.routes";
import { BranchMaterialParams } from "../materials/materials.schemas";
import { Reason } from "../tickets/tickets.routes";

const Answers = z
  .object({
    answers: z
      .array(
        z
          .object({
            questionId: z.string().max(8).openapi({ example: "q1" }),
            choices: z
              .array(z.string().max(1))
              .max(OPTION_IDS.length)
              .openapi({ example: ["A"], description: "the option ids you pick; none leaves it unanswered" }),
          })
          .strict(),
      )
      .max(50),
  })
  .strict();

export const answer = createRoute({
  method: "post",
  path: "/v1/branches/{branchId}/study/materials/{materialId}/answers",
  tags: ["Study: library"],
  security,
  summary:
    "Answer a quiz: graded on the server, one point a correct answer within the quiz kind's caps (earned)",
  description:
    "Members only, for themselves, once per quiz. The answer says which questions were right, never the right options. Refused (422, nothing recorded): an answer to a question the quiz does not have, two answers to one question, an option the question lacks, or a second submission.",
  request: { params: BranchMaterialParams, body: jsonBody(Answers) },
  responses: {
    201: json(
      z
        .object({
          materialId: z.string(),
          correct: z.number().int(),
          total: z.number().int(),
          results: z.array(z.object({ questionId: z.string(), correct: z.boolean() })),
          awarded: z.number().int().openapi({ description: "points it earned after the caps" }),
          capped: z.boolean(),
          reason: Reason.nullable(),
          activity: ActivityResult.openapi({ description: "the earned activity it recorded" }),
          dayTotal: z.number().int(),
          submittedAt: z.string(),
        })
        .openapi("StudyQuizResult"),
      "graded",
    ),
    ...writeResponses,
  },
});

export type AnswerRoute = typeof answer;
