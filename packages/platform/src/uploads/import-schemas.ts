import { z } from "@hono/zod-openapi";
import type { Message } from "@vanguard/domain";
import { CSV_TYPE, XLSX_TYPE } from "./read-upload";

/** The request body of every import: a CSV (UTF-8 or GB18030) or the first sheet of an xlsx. */
export function uploadBody(example: string) {
  return {
    required: true,
    content: {
      [CSV_TYPE]: { schema: z.string().openapi({ example }) },
      [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) },
    },
  };
}

export const ImportQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "true: check the file and answer what would happen, writing nothing" }),
});

export const ImportRejection = z.object({
  line: z.number().int().openapi({ description: "the line of the file (the sheet row for xlsx)" }),
  errors: z.array(
    z.object({ path: z.string().optional(), rule: z.string().optional(), message: z.string() }),
  ),
});

/** What every history import answers: counts by outcome and each rejected line with its reasons. */
export const ImportReport = z
  .object({
    dryRun: z.boolean(),
    sha256: z.string().openapi({ description: "SHA-256 of the file as uploaded; the event log names it" }),
    format: z.enum(["csv", "xlsx"]),
    encoding: z.string(),
    lines: z.number().int().openapi({ description: "data lines read (the header not counted)" }),
    created: z.number().int().openapi({ description: "records created (or, on a dry run, that would be)" }),
    unchanged: z
      .number()
      .int()
      .openapi({ description: "lines already imported: a rerun creates nothing twice" }),
    rejected: z.array(ImportRejection),
  })
  .openapi("ImportReport");

export interface ImportIssue {
  path?: string;
  rule?: string;
  message: Message;
}

/** Rejected lines in the caller's language, in file order. */
export function localizeRejections(
  rejected: { line: number; errors: ImportIssue[] }[],
  lang: "zh-CN" | "en",
): z.infer<typeof ImportRejection>[] {
  return [...rejected]
    .sort((a, b) => a.line - b.line)
    .map((r) => ({
      line: r.line,
      errors: r.errors.map((e) => ({ ...e, message: lang === "en" ? e.message.en : e.message.zh })),
    }));
}
