import { type IdempotencyClaim, sha256Hex } from "@vanguard/db";
import type { Context } from "hono";
import type { AppEnv, PlatformBindings } from "../env";
import { invalid } from "../errors/problem";

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The `Idempotency-Key` of a POST as a claim the write path stores with its result. The
 * fingerprint covers method, path and body, so reusing a key for a different request is refused
 * rather than silently answered with the old result.
 */
export async function idempotencyClaim<B extends PlatformBindings>(
  c: Context<AppEnv<B>>,
): Promise<IdempotencyClaim | undefined> {
  if (c.req.method !== "POST") return undefined;
  const key = c.req.header("idempotency-key");
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw invalid("Idempotency-Key", {
      zh: "Idempotency-Key 须为 1 至 255 个可见 ASCII 字符",
      en: "Idempotency-Key must be 1 to 255 visible ASCII characters",
    });
  }
  const body = await c.req.text();
  return {
    principalId: c.get("principal").id,
    key,
    fingerprint: await sha256Hex(`${c.req.method} ${c.req.path}\n${body}`),
  };
}
