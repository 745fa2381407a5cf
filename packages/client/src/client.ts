import createClient, { type Middleware } from "openapi-fetch";
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
  fetch?: typeof fetch;
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
    fetch: opts.fetch,
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
  client.use(language);
  client.use(throwProblems);
  return client;
}

export type VanguardClient = ReturnType<typeof createVanguardClient>;
