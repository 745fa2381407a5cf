import { tenantWrite } from "@vanguard/db";
import {
  deleteWebhook,
  getWebhook,
  listDeliveries,
  upsertWebhook,
  type WebhookRow,
} from "@vanguard/db/audits";
import { checkWebhookUrl, MANAGE_BRANCH, READ_BRANCH } from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  encryptField,
  moduleBranch,
  notFound,
  ProblemError,
  page,
  personalDataKeys,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import { type AuditsBindings, destinationPolicy } from "../env";
import { deliveryResult } from "./delivery-result";
import { newWebhookSecret } from "./sign";
import type { DeliveriesRoute, GetRoute, PutRoute, RemoveRoute } from "./webhooks.routes";

const view = (w: Pick<WebhookRow, "branchId" | "url" | "createdAt" | "updatedAt" | "version">) => ({
  branchId: w.branchId,
  url: w.url,
  createdAt: w.createdAt,
  updatedAt: w.updatedAt,
  version: w.version,
});

export const put: AppRouteHandler<PutRoute, AuditsBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const refused = checkWebhookUrl(body.url, destinationPolicy(c.env));
  if (refused.length) throw ruleViolation(refused);
  const made = body.secret === undefined ? newWebhookSecret() : undefined;
  const secretEnc = await encryptField(await personalDataKeys(c.env), body.secret ?? made!);
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const current = await getWebhook(tc);
    if (body.version !== undefined && body.version !== (current?.version ?? 0))
      throw new ProblemError("version_conflict");
    const at = new Date().toISOString();
    const next = {
      branchId,
      url: body.url,
      createdAt: current?.createdAt ?? at,
      updatedAt: at,
      version: (current?.version ?? 0) + 1,
    };
    return {
      statements: [upsertWebhook(tc, { url: body.url, secretEnc, at, version: next.version })],
      events: [
        event({
          action: "webhook.set",
          subjectType: "webhook",
          subjectId: branchId,
          before: current ? { url: current.url } : undefined,
          after: { url: body.url },
        }),
      ],
      result: view(next),
    };
  });
  // a secret the platform made is shown once, here; PUT keeps no replay record that could hold it
  return c.json(made ? { ...result, secret: made } : result, 200);
};

export const get: AppRouteHandler<GetRoute, AuditsBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const w = await getWebhook(moduleBranch(c, branchId, READ_BRANCH));
  if (!w) throw notFound();
  return c.json(view(w), 200);
};

export const remove: AppRouteHandler<RemoveRoute, AuditsBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const current = await getWebhook(tc);
    if (!current) throw notFound();
    return {
      statements: [deleteWebhook(tc)],
      events: [
        event({
          action: "webhook.removed",
          subjectType: "webhook",
          subjectId: branchId,
          before: { url: current.url },
        }),
      ],
      result: null,
    };
  });
  return c.body(null, 204);
};

export const deliveries: AppRouteHandler<DeliveriesRoute, AuditsBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, status } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const rows = await listDeliveries(tc, { status, limit: limit + 1, after: decodeCursor(cursor) });
  return c.json(
    page(
      rows,
      limit,
      (d) => d.id,
      (d) => ({
        id: d.id,
        event: d.event,
        status: d.status,
        attempts: d.attempts,
        lastResult: deliveryResult(d),
        createdAt: d.createdAt,
        deliveredAt: d.deliveredAt,
      }),
    ),
    200,
  );
};
