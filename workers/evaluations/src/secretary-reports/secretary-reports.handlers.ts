import { getCommittee, newId, tenantWrite } from "@vanguard/db";
import {
  currentPeople,
  getSecretaryReport,
  insertSecretaryReport,
  listSecretaryReports,
  type SecretaryReportRow,
  updateSecretaryReport,
} from "@vanguard/db/evaluations";
import {
  BRANCH_ONLY,
  checkReportReviewable,
  checkSecretaryReport,
  READ_BRANCH,
  type SecretaryReportRating,
  todayIn,
  UPPER_COMMITTEE,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  conflictAs,
  decodeCursor,
  moduleBranch,
  notFound,
  ProblemError,
  page,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { CreateRoute, GetRoute, ListRoute, ReviewRoute } from "./secretary-reports.routes";

function reportView(r: SecretaryReportRow) {
  return {
    id: r.id,
    branchId: r.branchId,
    year: r.year,
    secretaryId: r.secretaryId,
    secretaryName: r.secretaryName,
    deliveredOn: r.deliveredOn,
    dutyReport: r.dutyReport,
    integrityReport: r.integrityReport,
    status: r.status,
    rating: r.rating as SecretaryReportRating | null,
    reviewComment: r.reviewComment,
    reviewedAt: r.reviewedAt,
    createdAt: r.createdAt,
    version: r.version,
  };
}

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, BRANCH_ONLY);
  const today = todayIn(tc.timeZone);
  const taken = { zh: `${body.year} 年度述职述廉报告已提交`, en: `The ${body.year} report is already filed` };
  const result = await tenantWrite(tc, await writeRequest(c, 201), async ({ event }) => {
    const { posts } = await getCommittee(tc);
    const secretaryId = body.secretaryId ?? posts.find((p) => p.post === "secretary")?.memberId;
    const person = secretaryId ? (await currentPeople(tc, [secretaryId])).get(secretaryId) : undefined;
    const failures = checkSecretaryReport({
      year: body.year,
      deliveredOn: body.deliveredOn,
      today,
      reporterPosts: posts.filter((p) => p.memberId === secretaryId).map((p) => p.post),
    });
    if (failures.length) throw ruleViolation(failures);
    if (!secretaryId || !person)
      throw notFound({ zh: "该党员不在本支部", en: "No such member in this branch" });
    if ((await listSecretaryReports(tc, { year: body.year, limit: 1 })).length) {
      throw new ProblemError("conflict", taken);
    }
    const now = new Date().toISOString();
    const row = {
      id: newId("secretaryReport"),
      year: body.year,
      secretaryId,
      secretaryName: person.name,
      deliveredOn: body.deliveredOn,
      dutyReport: body.dutyReport,
      integrityReport: body.integrityReport,
      status: "submitted" as const,
      rating: null,
      reviewComment: null,
      reviewedAt: null,
      reviewedBy: null,
      createdAt: now,
      createdBy: c.get("principal").id,
      version: 1,
    };
    const view = reportView({ ...row, districtId: tc.districtId, branchId });
    return {
      statements: [insertSecretaryReport(tc, row)],
      events: [
        event({
          action: "secretary_report.filed",
          subjectType: "secretary_report",
          subjectId: row.id,
          after: { year: row.year, secretaryId, deliveredOn: row.deliveredOn },
        }),
      ],
      result: view,
    };
  }).catch(conflictAs(taken));
  return c.json(result, 201);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { limit, cursor, year } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const rows = await listSecretaryReports(tc, { limit: limit + 1, after: decodeCursor(cursor), year });
  return c.json(
    page(rows, limit, (r) => r.id, reportView),
    200,
  );
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { branchId, reportId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const r = await getSecretaryReport(tc, reportId);
  if (!r) throw notFound();
  return c.json(reportView(r), 200);
};

export const review: AppRouteHandler<ReviewRoute> = async (c) => {
  const { branchId, reportId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, UPPER_COMMITTEE);
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const r = await getSecretaryReport(tc, reportId);
    if (!r) throw notFound();
    const failures = checkReportReviewable(r.status);
    if (failures.length) throw ruleViolation(failures);
    if (body.version !== undefined && body.version !== r.version) throw new ProblemError("version_conflict");
    const patch = {
      status: "reviewed" as const,
      rating: body.rating,
      reviewComment: body.comment ?? null,
      reviewedAt: new Date().toISOString(),
      reviewedBy: c.get("principal").id,
    };
    const after = reportView({ ...r, ...patch, version: r.version + 1 });
    return {
      statements: updateSecretaryReport(tc, reportId, r.version, patch),
      events: [
        event({
          action: "secretary_report.rated",
          subjectType: "secretary_report",
          subjectId: reportId,
          after: { rating: patch.rating, comment: patch.reviewComment },
        }),
      ],
      result: after,
    };
  });
  return c.json(result, 200);
};
