import type { Message } from "@vanguard/domain";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ProblemError } from "../errors/problem";

/** Request bodies over this are refused with 413, except on the upload routes a worker declares. */
export const BODY_LIMIT = 1024 * 1024;

/** A route that takes a file larger than the default limit, with its own. */
export interface UploadRoute {
  method: "POST" | "PUT";
  /** the whole path, anchored: a route that merely ends the same way is not an upload */
  path: RegExp;
  maxSize: number;
  tooLarge: Message;
}

const DEFAULT_TOO_LARGE: Message = { zh: "请求体不能超过 1 MiB", en: "Request bodies are limited to 1 MiB" };

export function isUpload(uploads: readonly UploadRoute[], method: string, path: string) {
  return uploads.find((u) => u.method === method && u.path.test(path));
}

function limit(maxSize: number, message: Message): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ProblemError("payload_too_large", message);
    },
  });
}

/**
 * The limit every request meets before anything else runs. Declared uploads skip it here: their
 * own, larger limit applies after authentication (`uploadBodyLimit`), so nobody without a key can
 * make a worker read megabytes.
 */
export function requestBodyLimit(uploads: readonly UploadRoute[] = []): MiddlewareHandler {
  const standard = limit(BODY_LIMIT, DEFAULT_TOO_LARGE);
  return (c, next) => (isUpload(uploads, c.req.method, c.req.path) ? next() : standard(c, next));
}

/** The upload routes' own limits; mount after authentication. A body is cut off as it streams in. */
export function uploadBodyLimit(uploads: readonly UploadRoute[]): MiddlewareHandler {
  const limits = new Map(uploads.map((u) => [u, limit(u.maxSize, u.tooLarge)]));
  return (c, next) => {
    const upload = isUpload(uploads, c.req.method, c.req.path);
    return upload ? limits.get(upload)!(c, next) : next();
  };
}
