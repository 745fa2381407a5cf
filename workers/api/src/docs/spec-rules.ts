import { errorResponses, PROBLEMS, type ProblemCode, writeResponses } from "@vanguard/platform";
import { TAGS } from "./spec-tags";
import { SUMMARIES_ZH } from "./summaries-zh";

/**
 * The rules every operation of the served spec follows, applied once to the merged document so a
 * route added later (in any worker) gets them without repeating them: a stable `operationId`
 * derived from method and path, a bilingual summary, the headers clients send and read, and only
 * the errors the operation can give. What cannot be derived (a summary) is checked by
 * `test/docs.test.ts`, which names each operation that lacks it.
 */

type Json = Record<string, unknown>;
export type Operation = Json & {
  operationId?: string;
  summary?: string;
  parameters?: Json[];
  requestBody?: Json;
  responses?: Record<string, Json>;
  security?: unknown[];
};
export type SpecDoc = Json & {
  paths?: Record<string, Record<string, Operation>>;
  components?: Record<string, Record<string, unknown>>;
};

export const METHODS = ["get", "put", "post", "patch", "delete"] as const;
const WRITES = new Set(["put", "post", "patch", "delete"]);

/** `GET /v1/branches/{branchId}/members/{memberId}` → `getBranchesMembersByMemberId`: stable while the path is. */
export function operationIdFor(method: string, path: string): string {
  const parts = path
    .split("/")
    .filter((s) => s && s !== "v1")
    .map((seg, i, all) => {
      const param = /^\{(.+)\}$/.exec(seg);
      // a parameter names the operation only where it ends the path: inner ones are implied by the next segment
      if (param) return i === all.length - 1 ? `By${pascal(param[1]!)}` : "";
      return pascal(seg);
    });
  return method + parts.join("");
}

function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

const CJK = /[\u4e00-\u9fff]/;
export const SUMMARY_SEPARATOR = " · ";

/** "中文 · English": the route's English summary behind its Chinese one (from the route itself or SUMMARIES_ZH). */
export function bilingualSummary(
  method: string,
  path: string,
  summary: string | undefined,
): string | undefined {
  if (summary?.includes(SUMMARY_SEPARATOR) && CJK.test(summary.split(SUMMARY_SEPARATOR)[0]!)) {
    return summary;
  }
  const zh = SUMMARIES_ZH[`${method} ${path}`];
  if (!zh) return summary;
  return summary ? `${zh}${SUMMARY_SEPARATOR}${summary}` : zh;
}

/** True when a summary has both halves: Chinese, then English. */
export function isBilingual(summary: string | undefined): boolean {
  if (!summary) return false;
  const [zh, en] = summary.split(SUMMARY_SEPARATOR);
  return Boolean(zh && en && CJK.test(zh) && /[A-Za-z]/.test(en));
}

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

const HEADERS: Record<string, Json> = {
  XRequestId: {
    description:
      "this request's id (the one sent in `X-Request-Id`, or a new one); quote it when reporting a problem",
    schema: { type: "string" },
  },
  IdempotentReplayed: {
    description:
      "`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`",
    schema: { type: "string", enum: ["true"] },
  },
  RetryAfter: {
    description: "seconds to wait before trying again",
    schema: { type: "integer", minimum: 1 },
  },
  RateLimit: {
    description: 'the quota left and seconds until it resets (IETF draft), e.g. `"key";r=0;t=42`',
    schema: { type: "string" },
  },
  RateLimitPolicy: {
    description: 'the quota and its window in seconds (IETF draft), e.g. `"key";q=600;w=60`',
    schema: { type: "string" },
  },
  Location: {
    description: "the URL of what was created",
    schema: { type: "string", format: "uri-reference" },
  },
  ContentDisposition: {
    description: "`attachment` with the file's name (an ASCII fallback and the UTF-8 name)",
    schema: { type: "string" },
  },
  CacheControl: {
    description: "`no-store`: the answer holds personal data and no cache keeps it",
    schema: { type: "string", enum: ["no-store"] },
  },
  Vary: {
    description: "`Accept, Accept-Language`: the same URL answers in another format or language",
    schema: { type: "string" },
  },
};

const PARAMETERS: Record<string, Json> = {
  AcceptLanguage: {
    name: "Accept-Language",
    in: "header",
    required: false,
    description: "messages and CSV headers in Chinese (`zh-CN`, the default) or English (`en`)",
    schema: { type: "string", example: "zh-CN" },
  },
  IdempotencyKey: {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description:
      "a unique string per intended write (e.g. a UUID): a retry with the same key and body within 24 hours gets the first answer (with `Idempotent-Replayed: true`) and changes nothing; the same key with another body is 422",
    schema: { type: "string", minLength: 1, maxLength: 200, example: "0b5c6f1e-3d2a-4c1b-9f7e-2a6d8c4b1e90" },
  },
  RequestId: {
    name: "X-Request-Id",
    in: "header",
    required: false,
    description: "your own id for this request, echoed back and written to the logs",
    schema: { type: "string", maxLength: 200 },
  },
};

/** A problem answer as the catalog words it in Chinese, the default language. */
export function problemExample(code: ProblemCode, errors?: Json[]): Json {
  const p = PROBLEMS[code];
  return {
    type: `https://vanguard.example/problems/${code.replace(/_/g, "-")}`,
    title: p.title.zh,
    status: p.status,
    detail: p.title.zh,
    code,
    requestId: "req_01JB2K3M4N5P6Q7R8S9T0V1W2X",
    ...(errors ? { errors } : {}),
  };
}

/**
 * Applies the spec rules to a merged document (in place) and returns it. Deterministic: the same
 * routes give the same document, so the client's snapshot stays comparable.
 */
export function applySpecRules(doc: SpecDoc): SpecDoc {
  doc.servers = [
    { url: "http://127.0.0.1:8787", description: "local stack (`pnpm dev`)" },
    {
      url: "https://{host}",
      description: "a deployment",
      variables: { host: { default: "vanguard.example.cn", description: "the api worker's host name" } },
    },
  ];
  doc.tags = TAGS;
  doc.components ??= {};
  const components = doc.components;
  components.headers = { ...components.headers, ...HEADERS };
  components.parameters = { ...components.parameters, ...PARAMETERS };
  components.responses = { ...components.responses, ...STANDARD_RESPONSES };
  const ids = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      op.operationId ??= operationIdFor(method, path);
      const clash = ids.get(op.operationId);
      if (clash) throw new Error(`operationId ${op.operationId} of ${method} ${path} repeats ${clash}`);
      ids.set(op.operationId, `${method} ${path}`);
      const summary = bilingualSummary(method, path, op.summary);
      if (summary) op.summary = summary;
      applyErrors(op, method);
      applyHeaders(op, method);
    }
  }
  return doc;
}

function applyHeaders(op: Operation, method: string): void {
  const params = [ref("parameters", "AcceptLanguage"), ref("parameters", "RequestId")];
  if (method === "post") params.push(ref("parameters", "IdempotencyKey"));
  op.parameters = [...(op.parameters ?? []), ...params];
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    if (response.$ref) continue;
    const headers: Json = { "X-Request-Id": ref("headers", "XRequestId"), ...(response.headers as Json) };
    const content = (response.content ?? {}) as Json;
    const ok = status.startsWith("2");
    if (ok && method === "post") headers["Idempotent-Replayed"] = ref("headers", "IdempotentReplayed");
    if (status === "201") headers.Location = ref("headers", "Location");
    if (ok && Object.keys(content).some((type) => type !== "application/json")) {
      headers["Content-Disposition"] = ref("headers", "ContentDisposition");
    }
    if (ok && method === "get") {
      headers["Cache-Control"] = ref("headers", "CacheControl");
      headers.Vary = ref("headers", "Vary");
    }
    response.headers = headers;
  }
}

function applyErrors(op: Operation, method: string): void {
  op.responses ??= {};
  const responses = op.responses;
  const hasBody = Boolean(op.requestBody);
  for (const status of ["413", "415"]) {
    if (hasBody) responses[status] = ref("responses", STANDARD[status]!.name);
    else delete responses[status];
  }
  // every request counts against a rate limit: the caller's key or account, or the client address
  responses["429"] = ref("responses", STANDARD["429"]!.name);
  if (WRITES.has(method)) responses["503"] = ref("responses", STANDARD["503"]!.name);
  else delete responses["503"];
  for (const [status, response] of Object.entries(responses)) {
    const standard = STANDARD[status];
    if (!standard || response.$ref) continue;
    // the shared answer, once in components, unless the route words its own
    if (response.description === standard.response.description)
      responses[status] = ref("responses", standard.name);
    else addProblemExample(response, standard.code);
  }
}

function addProblemExample(response: Json, code: ProblemCode): void {
  const content = response.content as Record<string, Json> | undefined;
  const media = content?.["application/problem+json"];
  if (content && media && !media.example && !media.examples) {
    content["application/problem+json"] = { ...media, example: problemExample(code) };
  }
}

const withRequestId = (headers: Json = {}) => ({ "X-Request-Id": ref("headers", "XRequestId"), ...headers });

function standard(name: string, description: string, code: ProblemCode, headers?: Json, errors?: Json[]) {
  return {
    name,
    code,
    response: {
      description,
      headers: withRequestId(headers),
      content: {
        "application/problem+json": {
          schema: ref("schemas", "Problem"),
          example: problemExample(code, errors),
        },
      },
    },
  };
}

/** The problem answers most operations share, by status, described once in `components.responses`. */
const STANDARD: Record<string, ReturnType<typeof standard>> = {
  "400": standard("BadRequest", errorResponses[400].description, "invalid_request", undefined, [
    { path: "name", message: "必填" },
  ]),
  "401": standard("Unauthorized", errorResponses[401].description, "unauthorized"),
  "403": standard("Forbidden", errorResponses[403].description, "forbidden"),
  "404": standard("NotFound", errorResponses[404].description, "not_found"),
  "409": standard("Conflict", writeResponses[409].description, "version_conflict"),
  "413": standard("PayloadTooLarge", errorResponses[413].description, "payload_too_large"),
  "415": standard("UnsupportedMediaType", errorResponses[415].description, "unsupported_media_type"),
  "422": standard("RuleViolation", writeResponses[422].description, "rule_violation", undefined, [
    { rule: "cultivation_under_one_year", message: "确定为入党积极分子未满12个月（2027-12-03起方可）" },
  ]),
  "429": standard("TooManyRequests", "rate limited: wait Retry-After seconds, then retry", "rate_limited", {
    "Retry-After": ref("headers", "RetryAfter"),
    RateLimit: ref("headers", "RateLimit"),
    "RateLimit-Policy": ref("headers", "RateLimitPolicy"),
  }),
  "503": standard(
    "Busy",
    "busy: too many writers on this branch at once; retry after Retry-After seconds (safe with the same Idempotency-Key)",
    "unavailable",
    { "Retry-After": ref("headers", "RetryAfter") },
  ),
};

export const STANDARD_RESPONSES = Object.fromEntries(
  Object.values(STANDARD).map((s) => [s.name, s.response]),
);
