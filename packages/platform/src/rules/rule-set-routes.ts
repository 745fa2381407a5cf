import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import { ConflictError, currentRules, directoryWrite, insertRules } from "@vanguard/db";
import {
  MANAGE_DISTRICT,
  type Message,
  READ_DISTRICT,
  type Role,
  type RuleSetKind,
  type Versioned,
} from "@vanguard/domain";
import type { Context } from "hono";
import { createRouter } from "../app/create-app";
import type { AppEnv, PlatformBindings } from "../env";
import { ProblemError, ruleViolation } from "../errors/problem";
import { writeRequest } from "../http/actor";
import { errorResponses, json, jsonBody, security, writeResponses } from "../openapi/responses";

const NEWER: Message = {
  zh: "规则已有更新的版本，请刷新后重试",
  en: "A newer version of the rules exists; reload and retry",
};

/**
 * A body in an older shape that a route still accepts for one version, answered with a
 * `Deprecation` header (RFC 9745) from `since` on: `read` turns it into `{ version, rules }`.
 */
export interface LegacyRuleSetBody {
  /** recognises an old body (it is a JSON object) */
  is(body: Record<string, unknown>): boolean;
  read(body: Record<string, unknown>): { version: unknown; rules: unknown };
  /** the day the old shape was deprecated, YYYY-MM-DD */
  since: string;
}

export interface RuleSetRouteOptions<R, B extends PlatformBindings> {
  kind: RuleSetKind<R>;
  /** e.g. `/v1/districts/{districtId}/study/rules` */
  path: string;
  tags: string[];
  /** the rules' wire schema (the kind checks what a schema cannot say) */
  rules: z.ZodType<R>;
  /** the OpenAPI component name of the rule set as served */
  name: string;
  get: Partial<RouteConfig> & { summary: string };
  put: Partial<RouteConfig> & { summary: string };
  /**
   * Finds the district in the caller's scope and checks the role (404 outside scope, 403 without the
   * role): `districtScope` in the api worker, `moduleDistrict` in a module worker.
   */
  scope: (c: Context<AppEnv<B>>, districtId: string, allow: readonly Role[]) => unknown;
  legacy?: LegacyRuleSetBody;
  /** after a publish: forget what this isolate remembers of the district's rules */
  published?: (districtId: string) => void;
}

const DistrictParams = z.object({ districtId: z.string().max(64) });

/**
 * The two routes of a versioned district rule set, the same for every kind: GET answers the latest
 * version (`{ districtId, version, rules }`, version 0 = the defaults, never stored); PUT publishes
 * `{ version, rules }` as the next version, refused (409) unless `version` is the one the caller read.
 * Readers: the district's roles; publishers: those who manage it. A publish is one directory write,
 * chained on the district's directory log as `rules.<module>_set`.
 */
export function ruleSetRoutes<R, B extends PlatformBindings = PlatformBindings>(
  o: RuleSetRouteOptions<R, B>,
) {
  const view = z
    .object({
      districtId: z.string(),
      version: z.number().int().openapi({ description: "0 = the defaults, never stored" }),
      rules: o.rules,
    })
    .openapi(o.name);
  const Body = z
    .object({
      rules: o.rules,
      version: z.number().int().min(0).openapi({ description: "the version you read (0 for the defaults)" }),
      // what GET answers may be sent back as is
      districtId: z.string().max(64).optional().openapi({ description: "ignored" }),
    })
    .strict();
  const legacy = o.legacy;
  const get = createRoute({
    method: "get",
    path: o.path,
    tags: o.tags,
    security,
    ...o.get,
    request: { params: DistrictParams },
    responses: { 200: json(view, "the rule set"), ...errorResponses },
  });
  const put = createRoute({
    method: "put",
    path: o.path,
    tags: o.tags,
    security,
    ...o.put,
    request: {
      params: DistrictParams,
      body: jsonBody(
        legacy
          ? z.preprocess((b) => (isRecord(b) && !("rules" in b) && legacy.is(b) ? legacy.read(b) : b), Body)
          : Body,
      ),
    },
    responses: { 200: json(view, "the new version"), ...writeResponses },
  });

  const router = createRouter<B>()
    .openapi(get, async (c) => {
      const { districtId } = c.req.valid("param");
      await o.scope(c, districtId, READ_DISTRICT);
      const current: Versioned<R> = await currentRules(c.get("plane"), districtId, o.kind);
      return c.json({ districtId, ...current } as never, 200);
    })
    .openapi(put, async (c) => {
      const { districtId } = c.req.valid("param");
      const body = c.req.valid("json") as { version: number; rules: R };
      await o.scope(c, districtId, MANAGE_DISTRICT);
      if (legacy) {
        const sent: unknown = await c.req.json();
        if (isRecord(sent) && !("rules" in sent)) {
          c.header("Deprecation", `@${Date.parse(`${legacy.since}T00:00:00Z`) / 1000}`);
        }
      }
      // a body from before a number existed publishes that number's default
      const rules = o.kind.resolve(body.rules);
      const failures = o.kind.check(rules);
      if (failures.length) throw ruleViolation(failures);
      const plane = c.get("plane");
      const req = await writeRequest(c);
      const result = await directoryWrite(plane, req, districtId, async () => {
        const current = await currentRules(plane, districtId, o.kind);
        if (current.version !== body.version) throw new ProblemError("version_conflict", NEWER);
        const next = { districtId, version: current.version + 1, rules };
        return {
          statements: [
            insertRules(plane, o.kind, {
              districtId,
              version: next.version,
              rules,
              createdAt: new Date().toISOString(),
              createdBy: req.actor.principalId,
            }),
          ],
          events: [
            {
              scopeId: districtId,
              districtId,
              action: `rules.${o.kind.module}_set`,
              subjectType: "rule_set",
              subjectId: `${districtId}/${o.kind.module}`,
              before: current,
              after: next,
            },
          ],
          result: next,
        };
      }).catch((err: unknown) => {
        // two publishers raced for the same next version: the loser read a stale one
        if (err instanceof ConflictError) throw new ProblemError("version_conflict", NEWER);
        throw err;
      });
      o.published?.(districtId);
      return c.json(result as never, 200);
    });
  return { get, put, router };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
