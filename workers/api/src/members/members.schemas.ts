import { z } from "@hono/zod-openapi";
import { GENDERS, MEMBER_STATUSES } from "@vanguard/domain";
import { IdNumber, IsoDate, Name, Phone, Version } from "@vanguard/platform";

export const MemberInput = z
  .object({
    name: Name(50).openapi({ example: "王晓明" }),
    gender: z.enum(GENDERS),
    birthDate: IsoDate,
    status: z.enum(MEMBER_STATUSES),
    joinedOn: IsoDate.nullish(),
    joinedBranchOn: IsoDate.nullish().openapi({
      description:
        "the day the person came onto this branch's roll (default: the day they are added); their dues and study are judged from it (docs/adoption.md)",
    }),
    idNumber: IdNumber.nullish(),
    phone: Phone.nullish(),
    education: Name(40).nullish().openapi({ example: "大学本科" }),
  })
  .strict();

export const MemberPatch = MemberInput.omit({ status: true, joinedBranchOn: true })
  .partial()
  .extend({ version: Version, joinedBranchOn: IsoDate.optional() })
  .strict();

export const Member = z
  .object({
    id: z.string(),
    districtId: z.string(),
    branchId: z.string(),
    name: z.string(),
    gender: z.enum(GENDERS),
    birthDate: z.string().nullable().openapi({
      description: "null for readers who keep no roll (auditors): docs/domain.md §Personal data",
    }),
    status: z.enum(MEMBER_STATUSES),
    joinedOn: z.string().nullable(),
    joinedBranchOn: z.string(),
    idNumber: z
      .string()
      .nullable()
      .openapi({ description: "masked: only the last 4 characters show (docs/domain.md §Personal data)" }),
    phone: z.string().nullable().openapi({ description: "masked" }),
    education: z.string().nullable(),
    leftOn: z.string().nullable(),
    leftReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi("Member");

export const ImportResult = z
  .object({
    created: z.number().int(),
    unchanged: z
      .array(z.object({ line: z.number().int(), memberId: z.string() }))
      .openapi({ description: "rows that are a current member already and say what the roll says" }),
    conflicts: z
      .array(z.object({ line: z.number().int(), memberId: z.string(), fields: z.array(z.string()) }))
      .openapi({
        description:
          "rows that are a current member already but differ in these fields: nothing is overwritten; edit the member instead",
      }),
    rejected: z.array(
      z.object({
        line: z.number().int(),
        errors: z.array(
          z.object({ path: z.string().optional(), rule: z.string().optional(), message: z.string() }),
        ),
      }),
    ),
  })
  .openapi("MemberImportResult");
