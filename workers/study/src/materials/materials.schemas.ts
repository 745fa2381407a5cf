import { z } from "@hono/zod-openapi";
import { MATERIAL_KINDS, OPTION_IDS } from "@vanguard/domain";
import { IsoDate, Name, PageQuery, Prose, Text } from "@vanguard/platform";
import { Code } from "../rules/rules.schema";

export const DistrictParams = z.object({ districtId: z.string().max(64) });
export const BranchParams = z.object({ branchId: z.string().max(64) });
export const DistrictMaterialParams = DistrictParams.extend({ materialId: z.string().max(64) });
export const BranchMaterialParams = BranchParams.extend({ materialId: z.string().max(64) });

const Common = {
  title: Prose(200).openapi({ example: "习近平新时代中国特色社会主义思想学习纲要（节选）" }),
  summary: Prose(500).optional(),
  tags: z
    .array(Name(20))
    .max(10)
    .default([])
    .openapi({ example: ["理论学习", "党章党规"] }),
  publishOn: IsoDate.optional().openapi({
    description: "the first day members see it, in the district's time zone; defaults to today",
  }),
};

const Article = z
  .object({
    kind: z.literal("article"),
    ...Common,
    body: Prose(50_000).openapi({ description: "the article's text" }),
    minReadSec: z.number().int().min(1).max(7200).optional().openapi({
      description:
        "seconds a reading ticket waits before it can be redeemed; defaults to the text's length at the district's reading pace, never under its floor",
    }),
  })
  .strict();

const Video = z
  .object({
    kind: z.literal("video"),
    ...Common,
    url: z
      .url({ protocol: /^https?$/, message: "应为 http(s) 链接|must be an http(s) link" })
      .max(2000)
      .openapi({ example: "https://video.example.cn/dangke/2026-11.mp4" }),
    durationSec: z
      .number()
      .int()
      .min(1)
      .max(4 * 3600)
      .openapi({ description: "its running time: a viewing ticket is redeemable after it" }),
  })
  .strict();

const QuestionInput = z
  .object({
    prompt: Prose(500).openapi({ example: "党的最高理想和最终目标是什么？" }),
    options: z
      .array(Text(200))
      .min(2)
      .max(OPTION_IDS.length)
      .openapi({ description: `2 to ${OPTION_IDS.length} options, shown as ${OPTION_IDS.join(", ")}` }),
    correct: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(OPTION_IDS.length - 1),
      )
      .min(1)
      .max(OPTION_IDS.length)
      .openapi({
        description: "indices of the right options (0 is A); more than one makes a multiple choice",
      }),
  })
  .strict();

const Quiz = z
  .object({
    kind: z.literal("quiz"),
    ...Common,
    quizKind: Code.default("daily_quiz").openapi({
      description: "the activity kind it scores as (1 unit per correct answer, within that kind's caps)",
    }),
    questions: z.array(QuestionInput).min(1).max(50),
  })
  .strict();

export const MaterialInput = z
  .discriminatedUnion("kind", [Article, Video, Quiz])
  .openapi("StudyMaterialInput");

const Option = z.object({ id: z.string(), text: z.string() });

const QuestionView = z.object({
  id: z.string().openapi({ example: "q1" }),
  prompt: z.string(),
  options: z.array(Option),
  multiple: z.boolean().openapi({ description: "more than one option is right" }),
});

export const TicketView = z
  .object({
    id: z.string(),
    materialId: z.string(),
    memberId: z.string(),
    issuedAt: z.string(),
    redeemableAt: z.string().openapi({ description: "from when the ticket can be redeemed" }),
    expiresAt: z.string().openapi({ description: "when it lapses unredeemed" }),
    status: z.enum(["open", "redeemed", "expired"]),
    redeemedAt: z.string().nullable(),
  })
  .openapi("StudyTicket");

const MaterialFields = {
  id: z.string(),
  districtId: z.string(),
  kind: z.enum(MATERIAL_KINDS),
  title: z.string(),
  summary: z.string().nullable(),
  tags: z.array(z.string()),
  publishOn: z.string(),
  status: z.enum(["scheduled", "published", "retired"]),
  body: z.string().nullable().openapi({ description: "articles: the text (null in lists)" }),
  chars: z.number().int().nullable().openapi({ description: "articles: readable characters" }),
  minReadSec: z
    .number()
    .int()
    .nullable()
    .openapi({ description: "articles and videos: seconds before a reading ticket can be redeemed" }),
  url: z.string().nullable(),
  durationSec: z.number().int().nullable(),
  quizKind: z.string().nullable(),
  questionCount: z.number().int().nullable(),
  createdAt: z.string(),
};

/** What the district that publishes a material sees of it, the answers of its quizzes included. */
export const DistrictMaterial = z
  .object({
    ...MaterialFields,
    minReadSecSet: z.boolean().nullable().openapi({
      description: "articles: the publisher set the minimum time (else derived from the length)",
    }),
    questions: z
      .array(
        QuestionView.extend({
          correct: z.array(z.string()).openapi({ description: "the right option ids" }),
        }),
      )
      .nullable()
      .openapi({ description: "quizzes: the questions with their answers (null in lists)" }),
    retiredAt: z.string().nullable(),
    retireReason: z.string().nullable(),
  })
  .openapi("StudyMaterial");

/** What members and branches see: never a quiz's answers, and a member's own progress on it. */
export const LibraryMaterial = z
  .object({
    ...MaterialFields,
    questions: z
      .array(QuestionView)
      .nullable()
      .openapi({ description: "quizzes: the questions without their answers (null in lists)" }),
    mine: z
      .object({
        openTicket: TicketView.nullable().openapi({ description: "the reading ticket you hold open for it" }),
        studiedToday: z.boolean().openapi({
          description: "articles and videos: already counted today (another read earns nothing)",
        }),
        answered: z
          .object({
            correct: z.number().int(),
            total: z.number().int(),
            awarded: z.number().int(),
            submittedAt: z.string(),
          })
          .nullable()
          .openapi({ description: "quizzes: your graded answers (a quiz counts once)" }),
      })
      .nullable()
      .openapi({ description: "a member's own state; null for anyone else" }),
  })
  .openapi("StudyLibraryMaterial");

export const ListQuery = PageQuery.extend({
  kind: z.enum(MATERIAL_KINDS).optional(),
  tag: Name(20).optional(),
});

export const DistrictListQuery = ListQuery.extend({
  status: z
    .enum(["published", "scheduled", "retired", "all"])
    .default("all")
    .openapi({ description: "published: visible to members today" }),
});
