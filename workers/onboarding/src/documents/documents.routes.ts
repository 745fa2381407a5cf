import { createRoute, z } from "@hono/zod-openapi";
import { CASE_DOCUMENT_KINDS } from "@vanguard/domain";
import { DOCX_TYPE, errorResponses, security } from "@vanguard/platform";
import { CaseParams } from "../shared/schemas";

export const CASE_DOCUMENT_FILES = CASE_DOCUMENT_KINDS.map((k) => `${k}.docx`) as [string, ...string[]];

export const caseDocument = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/development/cases/{caseId}/documents/{file}",
  tags: ["Development pipeline"],
  security,
  summary: "A form of the case as a Word document, filled from its recorded steps",
  description:
    "入党积极分子考察登记表 (`activist_registration.docx`), 发展对象公示 (`candidate_publicity.docx`), 支部大会决议 for admission (`admission_resolution.docx`) and for full membership (`full_membership_resolution.docx`), 预备党员转正公示 (`full_membership_publicity.docx`). Made from the district's own template when it uploaded one, else the shipped default. A form whose step is not yet recorded answers 422.",
  request: { params: CaseParams.extend({ file: z.enum(CASE_DOCUMENT_FILES) }) },
  responses: {
    200: {
      description: "the .docx, with Content-Disposition and X-Template-Version",
      content: { [DOCX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
    },
    422: errorResponses[400],
    ...errorResponses,
  },
});

export type CaseDocumentRoute = typeof caseDocument;
