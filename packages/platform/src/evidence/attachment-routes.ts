import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  ATTACHED_ACTION,
  type AttachmentRow,
  currentRules,
  evidenceKey,
  getAttachment,
  insertAttachment,
  listAttachments,
  newId,
  storageOf,
  supersedeAttachment,
  type TenantContext,
  tenantWrite,
} from "@vanguard/db";
import {
  type AttachmentTarget,
  checkQuota,
  EVIDENCE_DOCUMENTS,
  EVIDENCE_RULES_KIND,
  type EvidenceDocument,
  isEvidenceDocument,
  type Role,
} from "@vanguard/domain";
import type { Context } from "hono";
import { createRouter } from "../app/create-app";
import type { AppEnv } from "../env";
import type { Lang } from "../errors/lang";
import { invalid, notFound, ProblemError, ruleViolation } from "../errors/problem";
import { writeRequest } from "../http/actor";
import type { UploadRoute } from "../http/body-limit";
import { moduleBranch } from "../internal/module";
import { errorResponses, json, security, writeResponses } from "../openapi/responses";
import { Prose } from "../openapi/schemas";
import { AttachmentUpload, AttachmentView } from "./attachment-schemas";
import { type EvidenceBindings, evidenceBucket } from "./bucket";
import { checkEvidence, evidenceUpload, fileHeaders, readUploadForm } from "./evidence-file";

/**
 * A kind of record that takes attachments, as its owning module describes it: where it lives in the
 * URL space, who may read and attach, and how its path names the record (null when the branch has
 * no such record, which answers 404).
 */
export interface AttachmentTargetSpec<P extends z.ZodObject<{ branchId: z.ZodString }>> {
  targetType: AttachmentTarget;
  /** the record's path, e.g. `/v1/branches/{branchId}/meetings/{meetingId}` */
  path: string;
  params: P;
  tags: string[];
  what: string;
  readRoles: readonly Role[];
  writeRoles: readonly Role[];
  resolve: <B extends EvidenceBindings>(
    c: Context<AppEnv<B>>,
    tc: TenantContext,
    params: z.infer<P>,
  ) => Promise<string | null>;
}

const AttachmentParams = z.object({ attachmentId: z.string().max(64) });

const REASON = Prose(500);

export function attachmentView(row: AttachmentRow, basePath: string, lang: Lang) {
  const doc = EVIDENCE_DOCUMENTS[row.document as EvidenceDocument] ?? EVIDENCE_DOCUMENTS.other;
  return {
    id: row.id,
    targetType: row.targetType,
    targetId: row.targetId,
    document: row.document as EvidenceDocument,
    documentLabel: lang === "en" ? doc.en : doc.zh,
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    supersedes: row.supersedes,
    reason: row.reason,
    supersededBy: row.supersededBy,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    url: `${basePath}/attachments/${row.id}`,
  };
}

/** `{branchId}` → the actual path the request named. */
function concretePath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ""));
}

/** The body-limit declaration of a target's upload route (the edge and the module both declare it). */
export function attachmentUploadRoute(path: string): UploadRoute {
  const re = path.replace(/\{\w+\}/g, "[^/]+");
  return evidenceUpload(new RegExp(`^${re}/attachments$`));
}

/** Upload, list and download routes for one kind of record, mounted in the module that owns it. */
export function attachmentRoutes<
  B extends EvidenceBindings,
  P extends z.ZodObject<{ branchId: z.ZodString }>,
>(spec: AttachmentTargetSpec<P>): OpenAPIHono<AppEnv<B>> {
  const router = createRouter<B>();
  const DownloadParams = spec.params.extend(AttachmentParams.shape);

  const upload = createRoute({
    method: "post",
    path: `${spec.path}/attachments`,
    tags: spec.tags,
    security,
    summary: `Attach a file to ${spec.what} (multipart; checked by content, ≤ 20 MiB, within the branch's quota)`,
    description:
      "Stored once per branch under the SHA-256 of its bytes; the hash is chained into the event that attaches it, so `/attachments/verify` can prove the file unchanged. Never deleted: send `supersedes` and `reason` to replace a file, and the old one stays downloadable.",
    request: {
      params: spec.params,
      body: { required: true, content: { "multipart/form-data": { schema: AttachmentUpload } } },
    },
    responses: { 201: json(AttachmentView, "the attachment"), ...writeResponses },
  });

  const list = createRoute({
    method: "get",
    path: `${spec.path}/attachments`,
    tags: spec.tags,
    security,
    summary: `The files attached to ${spec.what}, superseded ones included`,
    request: { params: spec.params },
    responses: {
      200: json(z.object({ items: z.array(AttachmentView) }), "the attachments"),
      ...errorResponses,
    },
  });

  const download = createRoute({
    method: "get",
    path: `${spec.path}/attachments/{attachmentId}`,
    tags: spec.tags,
    security,
    summary: `Download a file attached to ${spec.what}`,
    request: { params: DownloadParams },
    responses: {
      200: {
        description: "the file, with Content-Disposition and X-Content-Type-Options: nosniff",
        content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } },
      },
      ...errorResponses,
    },
  });

  async function target(c: Context<AppEnv<B>>, params: z.infer<P>, roles: readonly Role[]) {
    const tc = moduleBranch(c, params.branchId, roles);
    const targetId = await spec.resolve(c, tc, params);
    if (!targetId) throw notFound();
    return { tc, targetId };
  }

  router.openapi(upload, async (c) => {
    const params = spec.params.parse(c.req.param()) as z.infer<P>;
    const { tc, targetId } = await target(c, params, spec.writeRoles);
    const form = await readUploadForm(c.req);
    const document = form.fields.document ?? "other";
    if (!isEvidenceDocument(document)) {
      throw invalid("document", {
        zh: `未知的材料类型：${document}`,
        en: `Unknown document kind: ${document}`,
      });
    }
    const supersedes = form.fields.supersedes || null;
    const reasonParse = supersedes ? REASON.safeParse(form.fields.reason ?? "") : null;
    if (reasonParse && !reasonParse.success) {
      throw invalid("reason", { zh: "替换文件须写明原因", en: "Say why the file is replaced (`reason`)" });
    }
    const reason = reasonParse?.success ? reasonParse.data : null;
    const file = await checkEvidence(new Uint8Array(await form.file.arrayBuffer()), form.file.name);
    const plane = c.get("plane");
    const { rules } = await currentRules(plane, tc.districtId, EVIDENCE_RULES_KIND);
    const req = await writeRequest(c, 201);
    const basePath = concretePath(spec.path, params as Record<string, string>);

    // what a plan refuses, it refuses before anything is stored; it runs again on fresh data after a race
    const refuse = async () => {
      if (supersedes) {
        const old = await getAttachment(tc, supersedes);
        if (!old || old.targetType !== spec.targetType || old.targetId !== targetId) {
          throw invalid("supersedes", {
            zh: "要替换的附件不属于此记录",
            en: "The attachment to supersede does not belong to this record",
          });
        }
        if (old.supersededBy) {
          throw new ProblemError("conflict", {
            zh: `该附件已被 ${old.supersededBy} 替换`,
            en: `That attachment was already superseded by ${old.supersededBy}`,
          });
        }
      }
      const storage = await storageOf(tc, file.sha256);
      if (!storage.has) {
        const over = checkQuota(storage.used, file.size, rules);
        if (over.length) throw ruleViolation(over);
      }
      return storage;
    };

    // checked before the bytes go to the bucket, so a refused upload stores nothing
    const before = await refuse();
    const key = before.key ?? evidenceKey(tc.branchId, file.sha256);
    if (!before.has) {
      await evidenceBucket(c.env).put(key, file.bytes, {
        httpMetadata: { contentType: file.contentType },
        sha256: file.sha256,
      });
    }
    const id = newId("attachment");
    const now = new Date().toISOString();
    const result = await tenantWrite(tc, req, async ({ event }) => {
      await refuse();
      const row = {
        id,
        targetType: spec.targetType,
        targetId,
        document,
        filename: file.filename,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        objectKey: key,
        supersedes,
        reason,
        createdAt: now,
        createdBy: req.actor.principalId,
      };
      return {
        statements: [
          insertAttachment(tc, row),
          ...(supersedes ? supersedeAttachment(tc, supersedes, id) : []),
        ],
        events: [
          event({
            action: ATTACHED_ACTION,
            subjectType: "attachment",
            subjectId: id,
            after: {
              target: { type: spec.targetType, id: targetId },
              document,
              filename: file.filename,
              contentType: file.contentType,
              size: file.size,
              sha256: file.sha256,
              ...(supersedes ? { supersedes, reason } : {}),
            },
          }),
        ],
        result: attachmentView(
          { ...row, districtId: tc.districtId, branchId: tc.branchId, supersededBy: null },
          basePath,
          c.get("lang"),
        ),
      };
    });
    return c.json(result, 201);
  });

  router.openapi(list, async (c) => {
    const params = spec.params.parse(c.req.param()) as z.infer<P>;
    const { tc, targetId } = await target(c, params, spec.readRoles);
    const basePath = concretePath(spec.path, params as Record<string, string>);
    const rows = await listAttachments(tc, spec.targetType, targetId);
    return c.json({ items: rows.map((r) => attachmentView(r, basePath, c.get("lang"))) }, 200);
  });

  router.openapi(download, async (c) => {
    const params = DownloadParams.parse(c.req.param()) as z.infer<P> & { attachmentId: string };
    const { tc, targetId } = await target(c, params, spec.readRoles);
    const row = await getAttachment(tc, params.attachmentId);
    if (!row || row.targetType !== spec.targetType || row.targetId !== targetId) throw notFound();
    const object = await evidenceBucket(c.env).get(row.objectKey);
    if (!object) {
      throw notFound({
        zh: "附件的文件已不在存储中（请运行附件校验）",
        en: "The attachment's file is missing from storage (run the check)",
      });
    }
    return new Response(object.body, { status: 200, headers: fileHeaders(row) }) as never;
  });

  return router;
}
