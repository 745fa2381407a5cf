import { z } from "@hono/zod-openapi";
import { isIsoDate, isIsoMonth, isValidIdNumber } from "@vanguard/domain";

/** `YYYY-MM-DD`, a real calendar date. */
export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: "应为 YYYY-MM-DD 格式的有效日期|must be a real date as YYYY-MM-DD" })
  .openapi({ example: "2024-07-01", format: "date" });

export const IsoMonth = z
  .string()
  .refine(isIsoMonth, { message: "应为 YYYY-MM 格式的月份|must be a month as YYYY-MM" })
  .openapi({ example: "2024-07" });

/** Tabs and newlines are text; the other C0 controls and DEL only corrupt exports. */
function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

/**
 * A surrogate half without its partner is not a character: D1 stores text as UTF-8, which cannot
 * hold it, so it would come back as U+FFFD. (ES2023 has no String.isWellFormed in our lib.)
 */
function hasLoneSurrogate(s: string): boolean {
  return /\p{Surrogate}/u.test(s);
}

/**
 * Free text typed by people: trimmed, bounded, and free of control characters that would corrupt
 * exports and of lone surrogates that storage would corrupt. Injection attempts are just text
 * here; every query binds parameters.
 */
export function Text(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !hasControlCharacter(s), {
      message: "不能包含控制字符|must not contain control characters",
    })
    .refine((s) => !hasLoneSurrogate(s), {
      message: "不能包含不成对的 UTF-16 代理字符|must not contain unpaired UTF-16 surrogates",
    });
}

/**
 * A name or label: letters of any script, digits, spaces and the punctuation names use
 * (· - . ( ) （ ） 、). Quotes, semicolons, slashes, angle brackets and template braces are refused,
 * so markup or query fragments never become someone's name in a list or an export.
 */
export function Name(max: number) {
  return Text(max).refine((s) => /^[\p{L}\p{M}\p{N} ·•・.,，\-_()（）、&＆]+$/u.test(s), {
    message:
      "只能包含文字、数字、空格和 · - . ( ) 、|may contain letters, digits, spaces and · - . ( ) 、 only",
  });
}

/**
 * Free prose (notes, minutes, records): any text a person writes, minus markup and template
 * syntax. Quotes and semicolons are ordinary punctuation here; queries bind them as data.
 */
export function Prose(max: number) {
  return Text(max).refine((s) => !/[<>]|\{\{|\$\{/.test(s), {
    message: "不能包含 <、> 或模板语法|must not contain <, > or template syntax",
  });
}

export function Id(prefix: string) {
  return z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`), {
      message: `应为 ${prefix}_ 开头的编号|must be a ${prefix}_ id`,
    })
    .openapi({ example: `${prefix}_01JB2K3M4N5P6Q7R8S9T0V1W2X` });
}

/** A resident identity number (GB 11643, 18 characters with its check digit). */
export const IdNumber = z
  .string()
  .trim()
  .refine(isValidIdNumber, {
    message: "身份证号无效（18位，校验位不符）|not a valid 18-character resident identity number",
  })
  .openapi({ example: "11010519491231002X" });

export const Phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { message: "电话号码格式无效|not a valid phone number" })
  .openapi({ example: "13812345678" });

export const Version = z
  .number()
  .int()
  .min(1)
  .openapi({ description: "the version you read; a stale one answers 409" });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string().optional(),
          rule: z.string().optional(),
          message: z.string(),
          facts: z.record(z.string(), z.unknown()).optional(),
        }),
      )
      .optional(),
  })
  .openapi("Problem");
