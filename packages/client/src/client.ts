import createClient, { type Middleware } from "openapi-fetch";
import { withRetries } from "./retry";
import type { components, paths } from "./schema";

export type { components, paths };
export type Problem = components["schemas"]["Problem"];

/** A problem+json answer, thrown so callers can `catch` by status or code. */
export class VanguardError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem> & { code?: string },
  ) {
    super(`${status} ${problem.code ?? ""}: ${problem.detail ?? problem.title ?? "request failed"}`);
    this.name = "VanguardError";
  }
}

export interface ClientOptions {
  /** e.g. http://127.0.0.1:8787 */
  baseUrl: string;
  /** a `vgk_…` API key; omit in a browser page signed in with the session cookie */
  key?: string;
  /** problem messages in Chinese (default) or English; a function is asked on every request */
  lang?: "zh-CN" | "en" | (() => "zh-CN" | "en");
  /** sends one request (default: the global fetch) */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * How often a 503 (busy) or 429 (rate limited) is retried after waiting its `Retry-After`
   * (default 3; 0 turns retries off). A POST retried keeps its Idempotency-Key, so it writes once.
   */
  retries?: number;
  /** the longest wait for one retry, in ms (default 30 s): a longer Retry-After is answered, not waited */
  maxRetryDelayMs?: number;
  /** waits before a retry; tests pass their own clock */
  sleep?: (ms: number) => Promise<void>;
  /** an `Idempotency-Key` on every POST that has none (default true) */
  idempotencyKeys?: boolean;
}

/**
 * The typed SDK: every path, parameter and body of the API as TypeScript types generated from
 * /openapi.json (`pnpm client:generate`), over openapi-fetch. Works in Node, browsers and Workers.
 */
export function createVanguardClient(opts: ClientOptions) {
  const client = createClient<paths>({
    baseUrl: opts.baseUrl.replace(/\/$/, ""),
    headers: opts.key ? { authorization: `Bearer ${opts.key}` } : {},
    // a page on the API's own origin sends its session cookie (and a browser its Origin) by itself
    credentials: "same-origin",
    fetch: withRetries(opts.fetch ?? ((input: Request) => globalThis.fetch(input)), {
      retries: opts.retries ?? 3,
      maxDelayMs: opts.maxRetryDelayMs ?? 30_000,
      sleep: opts.sleep,
    }),
  });
  const throwProblems: Middleware = {
    async onResponse({ response }) {
      if (response.ok) return undefined;
      const problem = (await response
        .clone()
        .json()
        .catch(() => ({ title: response.statusText }))) as Problem;
      throw new VanguardError(response.status, problem);
    },
  };
  // the console switches language without a new client, so the header is set per request
  const language: Middleware = {
    onRequest({ request }) {
      const lang = typeof opts.lang === "function" ? opts.lang() : opts.lang;
      request.headers.set("accept-language", lang ?? "zh-CN");
      return request;
    },
  };
  // one key per intended write, set before the first try, so a retry (ours or the caller's) cannot write twice
  const idempotency: Middleware = {
    onRequest({ request }) {
      if (request.method === "POST" && !request.headers.has("idempotency-key")) {
        request.headers.set("idempotency-key", crypto.randomUUID());
      }
      return request;
    },
  };
  client.use(language);
  if (opts.idempotencyKeys !== false) client.use(idempotency);
  client.use(throwProblems);
  return client;
}

export type VanguardClient = ReturnType<typeof createVanguardClient>;
