import { createRoute, z } from "@hono/zod-openapi";
import { DOCUMENT_KIND_CODES } from "@vanguard/domain";
import { DOCX_TYPE, errorResponses, json, security, writeResponses } from "@vanguard/platform";

const tags = ["Evidence"];
const Params = z.object({ districtId: z.string().max(64) });
const KindParams = Params.extend({ kind: z.enum(DOCUMENT_KIND_CODES) });

export const TEMPLATE_PATH = "/v1/districts/{districtId}/document-templates/{kind}";

const TemplateView = z
  .object({
    kind: z.enum(DOCUMENT_KIND_CODES),
    label: z.string().openapi({ example: "支部大会决议（接收预备党员）" }),
    placeholders: z
      .array(z.string())
      .openapi({ description: "what a template of this kind may use, as {name}" }),
    version: z.number().int().openapi({ description: "0: the shipped default" }),
    filename: z.string().nullable(),
    sha256: z.string().nullable(),
    uploadedAt: z.string().nullable(),
  })
  .openapi("DocumentTemplate");

export const list = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/document-templates",
  tags,
  security,
  summary: "The templates the district's forms are generated from (its own, or the shipped defaults)",
  request: { params: Params },
  responses: { 200: json(z.object({ items: z.array(TemplateView) }), "one per form"), ...errorResponses },
});

export const download = createRoute({
  method: "get",
  path: TEMPLATE_PATH,
  tags,
  security,
  summary: "Download the template in use for a form, to edit it in Word",
  request: { params: KindParams },
  responses: {
    200: {
      description: "the .docx",
      content: { [DOCX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...errorResponses,
  },
});

export const upload = createRoute({
  method: "put",
  path: TEMPLATE_PATH,
  tags,
  security,
  summary: "Upload the district's own template for a form: a new version, used from now on",
  description:
    "The body is the .docx itself. Refused when it is not a Word document, does not unzip, has malformed placeholders (400), or uses a placeholder the form does not fill (422 naming them).",
  request: {
    params: KindParams,
    body: { required: true, content: { [DOCX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } } },
  },
  responses: { 200: json(TemplateView, "the new version"), ...writeResponses },
});

export type ListRoute = typeof list;
export type DownloadRoute = typeof download;
export type UploadRoute = typeof upload;
