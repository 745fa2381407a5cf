import { ConflictError, ContentionError, IdempotentReplay, StaleError } from "@vanguard/db";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv, PlatformBindings } from "../env";
import { log } from "../http/logger";
import { negotiateLang } from "./lang";
import { ProblemError } from "./problem";

const PROBLEM_JSON = "application/problem+json; charset=utf-8";

function toProblem(err: unknown): ProblemError {
  if (err instanceof ProblemError) return err;
  if (err instanceof StaleError) return new ProblemError("version_conflict");
  if (err instanceof ConflictError) return new ProblemError("conflict");
  if (err instanceof ContentionError)
    return new ProblemError("unavailable", undefined, [], { "Retry-After": "1" });
  if (err instanceof HTTPException) {
    if (err.status === 400 && /json/i.test(err.message)) return new ProblemError("malformed_json");
    if (err.status === 415) return new ProblemError("unsupported_media_type");
    if (err.status === 413) return new ProblemError("payload_too_large");
    if (err.status === 401) return new ProblemError("unauthorized");
    if (err.status === 404) return new ProblemError("not_found");
    if (err.status < 500) return new ProblemError("invalid_request");
  }
  return new ProblemError("internal");
}

/**
 * The single error exit. Never leaks a stack or SQL: unknown errors are logged with the request id
 * and answered with a plain 500 the client can quote.
 */
export function handleError<B extends PlatformBindings>(err: unknown, c: Context<AppEnv<B>>): Response {
  if (err instanceof IdempotentReplay) {
    if (!err.fingerprintMatches) return render(new ProblemError("idempotency_key_reused"), c);
    return new Response(err.body, {
      status: err.status,
      headers: {
        "Content-Type": "application/json",
        "Idempotent-Replayed": "true",
        "X-Request-Id": c.get("requestId") ?? "",
      },
    });
  }
  const problem = toProblem(err);
  if (problem.status >= 500) {
    // a 5xx the code chose (a rolled-back accept, contention) is a warning; anything else is a bug
    const chosen = err instanceof ProblemError;
    log(chosen ? "warn" : "error", chosen ? "answered with a server problem" : "unhandled", {
      requestId: c.get("requestId"),
      path: c.req.path,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      stack: err instanceof Error && !chosen ? err.stack : undefined,
    });
  }
  return render(problem, c);
}

function render<B extends PlatformBindings>(problem: ProblemError, c: Context<AppEnv<B>>): Response {
  const lang = c.get("lang") ?? negotiateLang(c.req.header("accept-language"));
  const body = problem.render(lang, c.get("requestId"));
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: {
      "Content-Type": PROBLEM_JSON,
      "Content-Language": lang,
      "X-Request-Id": c.get("requestId") ?? "",
      ...problem.headers,
    },
  });
}
