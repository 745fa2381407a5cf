import {
  type DocumentTemplateRow,
  districtWrite,
  insertDocumentTemplate,
  latestDocumentTemplate,
  listDocumentTemplates,
  templateKey,
} from "@vanguard/db";
import {
  DOCUMENT_KIND_CODES,
  DOCUMENT_KINDS,
  type DocumentKind,
  MANAGE_DISTRICT,
  READ_DISTRICT,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  checkTemplate,
  conflictAs,
  DOCX_TYPE,
  districtScope,
  EVIDENCE_TOO_LARGE,
  evidenceBucket,
  fileHeaders,
  type Lang,
  ProblemError,
  sha256Hex,
  templateFor,
  writeRequest,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import type { DownloadRoute, ListRoute, UploadRoute } from "./templates.routes";

const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;

function view(kind: DocumentKind, row: DocumentTemplateRow | undefined, lang: Lang) {
  const def = DOCUMENT_KINDS[kind];
  return {
    kind,
    label: lang === "en" ? def.label.en : def.label.zh,
    placeholders: [...def.fields],
    version: row?.version ?? 0,
    filename: row?.filename ?? null,
    sha256: row?.sha256 ?? null,
    uploadedAt: row?.createdAt ?? null,
  };
}

export const list: AppRouteHandler<ListRoute, ApiBindings> = async (c) => {
  const { districtId } = c.req.valid("param");
  const { dc } = await districtScope(c, districtId, READ_DISTRICT);
  const rows = await listDocumentTemplates(dc);
  const latest = new Map<string, DocumentTemplateRow>();
  for (const r of rows) if (!latest.has(r.kind)) latest.set(r.kind, r);
  return c.json({ items: DOCUMENT_KIND_CODES.map((k) => view(k, latest.get(k), c.get("lang"))) }, 200);
};

export const download: AppRouteHandler<DownloadRoute, ApiBindings> = async (c) => {
  const { districtId, kind } = c.req.valid("param");
  const { dc } = await districtScope(c, districtId, READ_DISTRICT);
  const t = await templateFor(c.env, dc, kind);
  const filename = `${DOCUMENT_KINDS[kind].label.zh}-模板-v${t.version}.docx`;
  return new Response(t.bytes, {
    headers: {
      ...fileHeaders({ contentType: DOCX_TYPE, filename, size: t.bytes.byteLength }),
      "X-Template-Version": String(t.version),
    },
  }) as never;
};

/** Checked whole before anything is stored; the bytes go to the bucket under their hash, then the row and its event. */
export const upload: AppRouteHandler<UploadRoute, ApiBindings> = async (c) => {
  const { districtId, kind } = c.req.valid("param");
  const { dc } = await districtScope(c, districtId, MANAGE_DISTRICT);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > MAX_TEMPLATE_BYTES) throw new ProblemError("payload_too_large", EVIDENCE_TOO_LARGE);
  const placeholders = checkTemplate(kind, bytes);
  const sha256 = await sha256Hex(bytes);
  const key = templateKey(districtId, kind, sha256);
  await evidenceBucket(c.env).put(key, bytes, { httpMetadata: { contentType: DOCX_TYPE }, sha256 });
  const req = await writeRequest(c);
  const result = await districtWrite(dc, req, async ({ event }) => {
    const current = await latestDocumentTemplate(dc, kind);
    const row = {
      kind,
      version: (current?.version ?? 0) + 1,
      filename: `${kind}.docx`,
      size: bytes.byteLength,
      sha256,
      objectKey: key,
      createdAt: new Date().toISOString(),
      createdBy: req.actor.principalId,
    };
    return {
      statements: [insertDocumentTemplate(dc, row)],
      events: [
        event({
          action: "documents.template_set",
          subjectType: "document_template",
          subjectId: `${districtId}/${kind}`,
          before: current ? { version: current.version, sha256: current.sha256 } : null,
          after: { version: row.version, sha256, placeholders },
        }),
      ],
      result: view(kind, { ...row, districtId }, c.get("lang")),
    };
  }).catch(conflictAs({ zh: "另一个模板刚刚上传，请重试", en: "Another template was just uploaded; retry" }));
  return c.json(result, 200);
};
