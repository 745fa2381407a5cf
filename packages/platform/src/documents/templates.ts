import { latestDocumentTemplate, type ShardDb } from "@vanguard/db";
import type { DocumentKind } from "@vanguard/domain";
import { type EvidenceBindings, evidenceBucket } from "../evidence/bucket";
import { log } from "../http/logger";
import { defaultTemplate } from "./render";

/**
 * The template a form is generated from: the district's newest upload of that kind, or the shipped
 * default (version 0). A district template whose file went missing falls back to the default, loudly.
 */
export async function templateFor(
  env: EvidenceBindings,
  ctx: { districtId: string; shard: ShardDb },
  kind: DocumentKind,
): Promise<{ bytes: Uint8Array; version: number }> {
  const row = await latestDocumentTemplate(ctx, kind);
  if (row) {
    const object = await evidenceBucket(env).get(row.objectKey);
    if (object) return { bytes: new Uint8Array(await object.arrayBuffer()), version: row.version };
    log("error", "district template missing from the bucket; using the default", {
      kind,
      key: row.objectKey,
    });
  }
  return { bytes: defaultTemplate(kind), version: 0 };
}
