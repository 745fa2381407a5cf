import type { PlatformBindings } from "../env";
import { ProblemError } from "../errors/problem";
import { log } from "../http/logger";

/** The workers that keep or serve evidence bind the R2 bucket as `EVIDENCE` (Miniflare provides it locally). */
export interface EvidenceBindings extends PlatformBindings {
  EVIDENCE?: R2Bucket;
}

export function evidenceBucket(env: EvidenceBindings): R2Bucket {
  if (!env.EVIDENCE) {
    log("error", "EVIDENCE bucket binding missing", {});
    throw new ProblemError("unavailable");
  }
  return env.EVIDENCE;
}

export async function sha256Hex(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
