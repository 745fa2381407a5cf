import { VanguardError } from "@vanguard/client";

export interface ProblemItem {
  path?: string;
  rule?: string;
  message: string;
}

/** What a page shows of a refusal: the API's own message, and each item where it belongs. */
export interface ProblemView {
  status: number;
  code: string | undefined;
  detail: string;
  /** messages for form fields, by the field's name (`errors[].path`) */
  fields: Record<string, string>;
  /** rule messages and items that name no field of the form */
  rules: ProblemItem[];
}

/** The form field an item's path names: the longest field the path is, or lies under. */
function fieldOf(path: string | undefined, formFields: readonly string[]): string | undefined {
  if (!path) return undefined;
  return formFields
    .filter((f) => path === f || path.startsWith(`${f}.`))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * Maps anything a call threw to what the page shows. The message is the problem's `detail`
 * (zh-CN unless English was chosen); for 400/422 each `errors[]` item goes next to its field when
 * the form has one (a nested path like `data.talkerIds.0` finds the field `data.talkerIds`),
 * else into the list of rule messages shown in place.
 */
export function toProblem(err: unknown, formFields: readonly string[] = [], fallback = ""): ProblemView {
  if (err instanceof VanguardError) {
    const p = err.problem as VanguardError["problem"] & { errors?: ProblemItem[] };
    const fields: Record<string, string> = {};
    const rules: ProblemItem[] = [];
    for (const item of p.errors ?? []) {
      const field = fieldOf(item.path, formFields);
      if (field && !fields[field]) fields[field] = item.message;
      // a lone rule that repeats the headline is said once
      else if (item.message !== p.detail || (p.errors?.length ?? 0) > 1) rules.push(item);
    }
    return {
      status: err.status,
      code: p.code,
      detail: p.detail ?? p.title ?? fallback,
      fields,
      rules,
    };
  }
  return { status: 0, code: "network", detail: fallback, fields: {}, rules: [] };
}
