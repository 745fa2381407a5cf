import { z } from "@hono/zod-openapi";
import { CADENCES, DEFAULT_CLAIMED_RULES, DEFAULT_LIBRARY_RULES, MEETING_KINDS } from "@vanguard/domain";
import { Name } from "@vanguard/platform";

/** Activity kinds, cap groups and cadence codes: snake_case codes, like every code in Vanguard. */
export const Code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, { message: "应为小写字母、数字和下划线|must be snake_case" })
  .openapi({ example: "article" });

const Label = z.object({ zh: Name(40), en: Name(60) }).strict();
const Cap = z.number().int().min(0).max(1000).nullable().default(null);
const Seconds = z.number().int().min(1).max(86_400).nullable().default(null);

const KindRule = z
  .object({
    label: Label,
    measure: z.enum(["count", "time"]).default("count"),
    points: z
      .number()
      .int()
      .min(-100)
      .max(100)
      .refine((n) => n !== 0, { message: "不能为 0|must not be 0" })
      .openapi({ description: "points per unit; negative for a deduction" }),
    unitSec: Seconds.openapi({ description: "timed kinds: seconds per unit" }),
    dailyCap: Cap,
    weeklyCap: Cap,
    group: Code.nullable().default(null).openapi({ description: "a cap group shared with other kinds" }),
    recordedBy: z.enum(["member", "branch"]).default("member"),
    classHours: z.boolean().default(false).openapi({ description: "its duration counts as class hours" }),
    maxDurationSec: Seconds,
    minDurationSec: Seconds,
    distinctRef: z.boolean().default(false).openapi({ description: "the same ref earns once a day" }),
  })
  .strict();

const CadenceRule = z
  .object({
    code: Code,
    kind: z.enum(MEETING_KINDS),
    per: z.enum(CADENCES),
    min: z.number().int().min(1).max(31),
    by: z.enum(["secretary"]).nullable().default(null),
    needsCommittee: z.boolean().default(false),
  })
  .strict();

const LibraryRules = z
  .object({
    maxOpenTickets: z
      .number()
      .int()
      .min(1)
      .max(20)
      .openapi({ description: "reading tickets a member may hold open at once" }),
    ticketWindowSec: z
      .number()
      .int()
      .min(60)
      .max(86_400)
      .openapi({ description: "how long a ticket stays redeemable once its minimum time has passed" }),
    charsPerMinute: z
      .number()
      .int()
      .min(50)
      .max(5000)
      .openapi({ description: "reading pace an article's minimum time is derived from" }),
    minReadSec: z
      .number()
      .int()
      .min(1)
      .max(3600)
      .openapi({ description: "the least minimum reading time a derived one can be" }),
    articleKinds: z
      .array(Code)
      .min(1)
      .max(5)
      .openapi({ description: "kinds a redeemed article ticket records (timed kinds get its minimum time)" }),
    videoKinds: z
      .array(Code)
      .min(1)
      .max(5)
      .openapi({ description: "kinds a redeemed video ticket records (timed kinds get its duration)" }),
  })
  .strict()
  .openapi({ description: "the study library: reading tickets and what a redeemed one records" });

const ClaimedRules = z
  .object({
    weight: z
      .number()
      .min(0)
      .max(1)
      .openapi({ description: "what one claimed point counts for (earned points count 1)" }),
    ranked: z.boolean().openapi({ description: "whether claimed points count in leaderboards" }),
  })
  .strict()
  .openapi({ description: "how points a client claimed, rather than earned in the library, count" });

/** The body of a study rule set: what `StudyRules` in packages/domain holds, with defaults filled. */
export const StudyRulesInput = z
  .object({
    kinds: z.record(Code, KindRule).refine((k) => Object.keys(k).length >= 1 && Object.keys(k).length <= 50, {
      message: "应有 1 至 50 种活动|must define 1 to 50 kinds",
    }),
    capGroups: z
      .record(Code, z.object({ label: Label, dailyCap: z.number().int().min(0).max(1000) }).strict())
      .default({}),
    antiFarming: z
      .object({
        maxPerMinute: z.number().int().min(1).max(120),
        futureToleranceSec: z.number().int().min(0).max(3600),
        selfBackdateDays: z.number().int().min(0).max(31),
        flagDeduction: z.number().int().min(0).max(100),
      })
      .strict(),
    ranking: z.object({ memberView: z.enum(["full", "anonymous", "self", "hidden"]) }).strict(),
    classHours: z
      .object({ member: z.number().min(0).max(500), committee: z.number().min(0).max(500) })
      .strict(),
    meetings: z.array(CadenceRule).max(30),
    library: LibraryRules.default(DEFAULT_LIBRARY_RULES),
    claimed: ClaimedRules.default(DEFAULT_CLAIMED_RULES),
  })
  .strict();
