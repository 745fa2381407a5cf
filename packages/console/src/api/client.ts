import { createVanguardClient, type Problem, VanguardError } from "@vanguard/client";
import { currentLocale } from "../i18n";

/**
 * The typed client over the session cookie: same origin, so the browser sends the cookie and,
 * on unsafe methods, its own Origin header (the API's CSRF check); problems arrive in the
 * language the person chose.
 */
export const api = createVanguardClient({ baseUrl: location.origin, lang: currentLocale });

/**
 * Unwraps an openapi-fetch answer: the client throws on problems, so data is there. The console
 * asks for JSON, so a report's CSV alternative (a string) is not among the answers.
 */
export async function call<T>(promise: Promise<{ data?: T }>): Promise<Exclude<T, string>> {
  const { data } = await promise;
  return data as Exclude<T, string>;
}

/**
 * A request outside the typed paths (a CSV body or download) with the same cookie, language and
 * problem handling.
 */
export async function send(
  method: string,
  path: string,
  init: { body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Response> {
  const res = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: { "accept-language": currentLocale(), ...init.headers },
    body: init.body,
  });
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({ title: res.statusText }))) as Problem;
    throw new VanguardError(res.status, problem);
  }
  return res;
}

/**
 * Saves a file the API answered (a CSV report, the roll) under the name its Content-Disposition
 * gives (RFC 8187 `filename*`, which may be Chinese), or `fallback`.
 */
export async function saveDownload(res: Response, fallback: string): Promise<void> {
  const named = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get("content-disposition") ?? "");
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = named ? decodeURIComponent(named[1]!) : fallback;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A fresh Idempotency-Key: one per intended write, reused if the same write is sent again. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
