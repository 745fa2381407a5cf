import { z } from "@hono/zod-openapi";
import { EVIDENCE_DOCUMENT_CODES } from "@vanguard/domain";

export const AttachmentView = z
  .object({
    id: z.string().openapi({ example: "att_01JB2K3M4N5P6Q7R8S9T0V1W2X" }),
    targetType: z.string().openapi({ example: "meeting" }),
    targetId: z.string(),
    document: z.enum(EVIDENCE_DOCUMENT_CODES),
    documentLabel: z.string().openapi({ example: "签到表" }),
    filename: z.string().openapi({ example: "支部党员大会签到表.pdf" }),
    contentType: z.string().openapi({ example: "application/pdf" }),
    size: z.number().int(),
    sha256: z
      .string()
      .openapi({ description: "SHA-256 of the bytes, also chained into the event that attached them" }),
    supersedes: z.string().nullable(),
    reason: z.string().nullable().openapi({ description: "why this file replaced the one it supersedes" }),
    supersededBy: z
      .string()
      .nullable()
      .openapi({ description: "set once a newer file replaced this one; it stays downloadable" }),
    createdAt: z.string(),
    createdBy: z.string(),
    url: z.string().openapi({ description: "where to download it (same authorization as the record)" }),
  })
  .openapi("Attachment");

/** The multipart form of an upload, for the spec (the handler reads and checks it itself). */
export const AttachmentUpload = z
  .object({
    // checked by the handler from its bytes; declared here for the spec
    file: z.unknown().openapi({
      type: "string",
      format: "binary",
      description: "PDF, JPEG, PNG, WebP, .docx or .xlsx, ≤ 20 MiB; judged by content",
    }),
    document: z
      .enum(EVIDENCE_DOCUMENT_CODES)
      .optional()
      .openapi({ description: "what the paper is (default `other`); required evidence is counted by it" }),
    supersedes: z
      .string()
      .optional()
      .openapi({ description: "an attachment of the same record this file replaces" }),
    reason: z.string().optional().openapi({ description: "why it is replaced (required with `supersedes`)" }),
  })
  .openapi("AttachmentUpload");

export const AttachmentCheck = z
  .object({
    checked: z.number().int(),
    ok: z
      .boolean()
      .openapi({ description: "true when every attachment of this page matched its chained hash" }),
    problems: z.array(
      z.object({
        id: z.string(),
        targetType: z.string(),
        targetId: z.string(),
        filename: z.string(),
        status: z.enum(["altered", "missing", "unchained"]),
        expectedSha256: z.string(),
        actualSha256: z.string().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi("AttachmentCheck");
