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

/** https only, except loopback for local receivers. */
function deliverable(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.username || u.password) return false;
    if (u.protocol === "https:") return true;
    return u.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);
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
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi("WebhookDelivery");

export const put = createRoute({
  method: "put",
  path: "/v1/branches/{branchId}/webhook",
  tags,
  security,
  summary: "Where to POST findings and the daily digest, signed X-Vanguard-Signature: sha256=<hmac>",
  request: {
    params: Params,
    body: jsonBody(
      z
        .object({
          url: z.string().max(2048).refine(deliverable, {
            message: "须为 https 地址（本机可用 http）|must be an https URL (http only for loopback)",
          }),
          secret: z.string().min(16).max(200),
          version: z.number().int().min(0).optional(),
        })
        .strict(),
    ),
  },
  responses: { 200: json(Webhook, "the webhook (the secret is never shown again)"), ...writeResponses },
});

export const get = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/webhook",
  tags,
  security,
  request: { params: Params },
  responses: { 200: json(Webhook, "the webhook"), ...errorResponses },
});

export const remove = createRoute({
  method: "delete",
  path: "/v1/branches/{branchId}/webhook",
  tags,
  security,
  request: { params: Params },
  responses: { 204: { description: "removed; pending deliveries stay as records" }, ...writeResponses },
});

export const deliveries = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/webhook/deliveries",
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
