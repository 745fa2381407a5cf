import { getCurrentMembers, resolveBranch } from "@vanguard/db";
import { readCase } from "@vanguard/db/onboarding";
import {
  type CaseDocumentFacts,
  caseDocumentData,
  DOCUMENT_KINDS,
  type DocumentKind,
  failure,
  READ_OWN,
  StepNotReached,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  DOCX_TYPE,
  fileHeaders,
  internalContext,
  moduleBranch,
  notFound,
  renderDocx,
  ruleViolation,
  templateFor,
} from "@vanguard/platform";
import type { OnboardingBindings } from "../env";
import type { CaseDocumentRoute } from "./documents.routes";

/** The people the steps name by id (contacts, introducers), so a form can print their names. */
function namedIds(steps: { data: string }[]): string[] {
  const ids = new Set<string>();
  for (const s of steps) {
    const d = JSON.parse(s.data) as Record<string, unknown>;
    for (const key of ["contactIds", "introducerIds", "talkerIds"]) {
      const v = d[key];
      if (Array.isArray(v)) for (const id of v) ids.add(String(id));
    }
  }
  return [...ids];
}

export const caseDocument: AppRouteHandler<CaseDocumentRoute, OnboardingBindings> = async (c) => {
  const { branchId, caseId, file } = c.req.valid("param");
  const kind = file.replace(/\.docx$/, "") as DocumentKind;
  const tc = moduleBranch(c, branchId, READ_OWN);
  const read = await readCase(tc, caseId);
  if (!read) throw notFound();
  const p = internalContext(c).principal;
  if (p.role === "member" && p.memberId !== read.row.memberId) throw notFound();
  const plane = c.get("plane");
  const [branch, people, template] = await Promise.all([
    resolveBranch(plane, branchId),
    getCurrentMembers(tc, namedIds(read.steps)),
    templateFor(c.env, tc, kind),
  ]);
  const facts: CaseDocumentFacts = {
    branchName: branch?.name ?? "",
    person: { name: read.member.name, gender: read.member.gender, birthDate: read.member.birthDate },
    appliedOn: read.row.appliedOn,
    probationEndsOn: read.row.probationEndsOn,
    steps: read.steps.map((s) => ({ step: s.step, occurredOn: s.occurredOn, data: JSON.parse(s.data) })),
    names: new Map(people.map((m) => [m.id, m.name])),
    generatedOn: todayIn(tc.timeZone),
  };
  let data: Record<string, unknown>;
  try {
    data = caseDocumentData(kind, facts);
  } catch (err) {
    if (!(err instanceof StepNotReached)) throw err;
    throw ruleViolation([
      failure(
        "document_step_not_reached",
        {
          zh: `案卷尚未记录“${err.label.zh}”，不能生成此文书`,
          en: `The case has not recorded ${err.label.en} yet; this form cannot be generated`,
        },
        { step: err.step, kind },
      ),
    ]);
  }
  const bytes = renderDocx(template.bytes, data);
  const filename = `${read.member.name}-${DOCUMENT_KINDS[kind].label.zh}.docx`;
  return new Response(bytes, {
    status: 200,
    headers: {
      ...fileHeaders({ contentType: DOCX_TYPE, filename, size: bytes.byteLength }),
      "X-Template-Version": String(template.version),
    },
  }) as never;
};
