import { createRoute, z } from "@hono/zod-openapi";
import {
  errorResponses,
  json,
  jsonBody,
  PageQuery,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";

const tags = ["Audits"];
const Params = z.object({ branchId: z.string().max(64) });

/** A Standard Webhooks secret: `whsec_` and the base64 of 24 to 64 random bytes. */
function standardSecret(secret: string): boolean {
  const m = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  if (!m) return false;
  try {
    const n = atob(m[1]!).length;
    return n >= 24 && n <= 64;
  } catch {
    return false;
  }
}

export const Webhook = z
  .object({
    branchId: z.string(),
    url: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi("Webhook");

export const Delivery = z
  .object({
    id: z.string(),
    event: z.string(),
    status: z.enum(["pending", "delivered"]),
    attempts: z.number().int(),
    lastResult: z.enum(["2xx", "3xx", "4xx", "5xx", "network"]).nullable().openapi({
      description:
        "how the last attempt ended, as a class only (a redirect is a failure: deliveries do not follow it); null before the first",
    }),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi("WebhookDelivery");

export const put = createRoute({
  method: "put",
  path: "/v1/branches/{branchId}/webhook",
  tags,
  security,
  summary: "Where to POST findings and the daily digest, signed the Standard Webhooks way",
  description:
    "Deliveries carry `webhook-id`, `webhook-timestamp` and `webhook-signature` (Standard Webhooks: HMAC-SHA256 over id, timestamp and body with the secret), so a receiver can refuse a stale or repeated delivery; see docs/webhooks.md. The URL must be https to a public host: loopback, private, link-local, CGNAT, unique-local and cloud-metadata addresses are refused (422 `webhook_destination_refused`), literal or inside an IPv6 address. Deliveries never follow redirects.",
  request: {
    params: Params,
    body: jsonBody(
      z
        .object({
          url: z.string().max(2048),
          secret: z
            .string()
            .max(100)
            .refine(standardSecret, {
              message:
                "须为 whsec_ 加 24 至 64 字节随机数的 base64|must be whsec_ followed by the base64 of 24 to 64 random bytes",
            })
            .optional()
            .openapi({
              description: "`whsec_…`; leave out to have one made for you (shown once, in this response)",
              example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            }),
          version: z.number().int().min(0).optional(),
        })
        .strict(),
    ),
  },
  responses: {
    200: json(
      Webhook.extend({
        secret: z
          .string()
          .optional()
          .openapi({ description: "only when the platform made the secret: shown this once, never again" }),
      }).openapi("WebhookSet"),
      "the webhook (a secret you gave is never shown)",
    ),
    ...writeResponses,
  },
});

export const get = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/webhook",
  summary: "The branch's webhook (never its secret)",
  tags,
  security,
  request: { params: Params },
  responses: { 200: json(Webhook, "the webhook"), ...errorResponses },
});

export const remove = createRoute({
  method: "delete",
  path: "/v1/branches/{branchId}/webhook",
  summary: "Remove the branch's webhook",
  tags,
  security,
  request: { params: Params },
  responses: { 204: { description: "removed; pending deliveries stay as records" }, ...writeResponses },
});

export const deliveries = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/webhook/deliveries",
  summary: "Recent webhook deliveries and their status",
  tags,
  security,
  request: {
    params: Params,
    query: PageQuery.extend({ status: z.enum(["pending", "delivered"]).optional() }),
  },
  responses: { 200: json(pageSchema(Delivery), "the branch's outbox"), ...errorResponses },
});

export type PutRoute = typeof put;
export type GetRoute = typeof get;
export type RemoveRoute = typeof remove;
export type DeliveriesRoute = typeof deliveries;
