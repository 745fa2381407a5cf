import { createRoute, z } from "@hono/zod-openapi";
import { json, jsonBody, security, writeResponses } from "@vanguard/platform";

const tags = ["Audits"];

export const ResealPage = z
  .object({
    shard: z.number().int(),
    keyId: z.string().openapi({ description: "the key everything this page held is now sealed with" }),
    scanned: z.number().int().openapi({ description: "rows read (members, then webhooks)" }),
    resealed: z.number().int().openapi({ description: "values sealed again: they were under an older key" }),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: "pass it back for the next page; null when the shard is done" }),
  })
  .openapi("ResealPage");

export const reseal = createRoute({
  method: "post",
  path: "/v1/audits/reseal",
  tags,
  security,
  summary: "Re-seal one page of a shard's personal data under the current key (platform_admin)",
  description:
    "After a key rotation (MEMBER_DATA_KEYS), every ID number, phone and webhook secret sealed under an older key is opened and sealed again under the current one, page by page: call with `cursor` set to the previous `nextCursor` until it is null, for every shard. Values already under the current key are left alone; a row changed meanwhile is skipped (its new value is already under the current key). Lookup hashes are recomputed under their own key, which does not rotate. The procedure is in docs/security.md.",
  request: {
    body: jsonBody(
      z
        .object({
          shard: z.number().int().min(0).max(999),
          cursor: z.string().max(300).optional(),
          limit: z.number().int().min(1).max(500).default(200),
        })
        .strict(),
    ),
  },
  responses: { 200: json(ResealPage, "what this page did"), ...writeResponses },
});

export type ResealRoute = typeof reseal;
