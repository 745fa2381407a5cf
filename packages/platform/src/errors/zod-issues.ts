import type { Message } from "@vanguard/domain";
import type { z } from "zod";

const TYPE_ZH: Record<string, string> = {
  string: "字符串",
  number: "数字",
  int: "整数",
  boolean: "布尔值",
  array: "数组",
  object: "对象",
  date: "日期",
};

const OWN_MESSAGE = new Set(["custom", "invalid_format", "too_small", "too_big"]);

/**
 * A validation issue in both languages. English is zod's own message; Chinese is phrased here
 * for the issue kinds our schemas produce, so branch staff read what to fix in their language.
 */
export function localizeIssue(issue: z.core.$ZodIssue): Message {
  const en = issue.message;
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  // our schemas' own messages (a regex's, a refinement's) carry both languages as "zh|en"
  if (OWN_MESSAGE.has(issue.code) && en.includes("|")) {
    const [zh = en, enPart = en] = en.split("|");
    return { zh, en: enPart };
  }
  switch (issue.code) {
    case "invalid_type":
      return { en, zh: `应为${TYPE_ZH[String(i.expected)] ?? String(i.expected)}，或缺少该字段` };
    case "too_small":
      return {
        en,
        zh:
          i.origin === "string"
            ? `长度不能少于 ${String(i.minimum)} 个字符`
            : `不能小于 ${String(i.minimum)}`,
      };
    case "too_big":
      return {
        en,
        zh:
          i.origin === "string"
            ? `长度不能超过 ${String(i.maximum)} 个字符`
            : `不能大于 ${String(i.maximum)}`,
      };
    case "invalid_value":
      return { en, zh: `取值应为以下之一：${(i.values as unknown[] | undefined)?.join("、") ?? ""}` };
    case "invalid_format":
      return { en, zh: `格式无效（${String(i.format)}）` };
    case "unrecognized_keys":
      return { en, zh: `不认识的字段：${(i.keys as string[] | undefined)?.join("、") ?? ""}` };
    case "custom":
      // our refinements carry both languages as "zh|en"
      if (en.includes("|")) {
        const [zh = en, enPart = en] = en.split("|");
        return { zh, en: enPart };
      }
      return { en, zh: en };
    default:
      return { en, zh: `字段无效：${en}` };
  }
}

export function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join(".");
}

/**
 * The `errors[]` items of a validation failure: one per field, and an unknown field is named in its
 * own `path` (zod reports it on the object that holds it), so a client can point at the field.
 */
export function issueItems(issue: z.core.$ZodIssue): { path: string; message: Message }[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: [...issue.path, key].map(String).join("."),
      message: { zh: `不认识的字段：${key}`, en: `Unrecognized key: "${key}"` },
    }));
  }
  return [{ path: issuePath(issue), message: localizeIssue(issue) }];
}
