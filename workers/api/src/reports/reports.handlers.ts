import type { RollupProbes } from "@vanguard/db/reports";
import { monthOf, reportPeriod, todayIn, trendMonths } from "@vanguard/domain";
import type { AppRouteHandler } from "@vanguard/platform";
import type { ApiBindings } from "../env";
import { csvResponse, wantsCsv } from "../shared/csv";
import { COMPLIANCE_COLUMNS, type ComplianceRow, complianceOfSet } from "./compliance.report";
import { DEVELOPMENT_COLUMNS, developmentOfSet, districtFunnels } from "./development.report";
import { asCompleted } from "./fan-out";
import { keptReport } from "./report-cache";
import { branchesOf, type ReportScope, reportDistricts, reportScope } from "./report-scope";
import type { ComplianceRoute, DevelopmentRoute, StudyRoute, TrendsRoute } from "./reports.routes";
import { STUDY_COLUMNS, studyOfSet } from "./study.report";
import { readTrendsOfSet, TREND_COLUMNS, trendPoints } from "./trends.report";

/** "Today" where the report starts: the first district's time zone (districts default to Shanghai). */
const todayOf = (scope: ReportScope) => todayIn(scope.directory.districts[0]?.timeZone ?? "Asia/Shanghai");

/** Rows of every set, in the directory's order (sets finish in any order). */
async function inOrder<T extends { branchId: string }>(
  scope: ReportScope,
  reads: Promise<T[]>[],
): Promise<T[]> {
  const position = new Map(scope.branches.map((b, i) => [b.id, i]));
  const rows = (await Promise.all(reads)).flat();
  return rows.sort((a, b) => (position.get(a.branchId) ?? 0) - (position.get(b.branchId) ?? 0));
}

const districtsView = (scope: ReportScope) =>
  scope.directory.districts.map((d) => ({ id: d.id, code: d.code, name: d.name, shard: d.shard }));

export const compliance: AppRouteHandler<ComplianceRoute, ApiBindings> = async (c) => {
  const { districtId, period: key } = c.req.valid("query");
  const lang = c.get("lang");
  const read = (scope: ReportScope) => {
    const period = reportPeriod(key, todayOf(scope));
    const probes: RollupProbes = new Map();
    return { period, reads: scope.sets.map((rs) => complianceOfSet(scope, rs, period.key, lang, probes)) };
  };
  if (wantsCsv(c.req.header("accept"), c.req.query("format"))) {
    const { period, reads } = read(await reportScope(c, districtId));
    return csvResponse(
      {
        filename: `compliance-${period.key}.csv`,
        lang,
        columns: COMPLIANCE_COLUMNS,
        requestId: c.get("requestId"),
      },
      asCompleted(reads),
    );
  }
  const districts = reportDistricts(c, districtId);
  return keptReport(
    c,
    { report: "compliance", districts, params: [key ?? null, lang] },
    () => reportScope(c, districtId),
    async (scope) => {
      const { period, reads } = read(scope);
      const items = await inOrder(scope, reads);
      return {
        period: { key: period.key, kind: period.kind, from: period.from, to: period.to },
        generatedAt: new Date().toISOString(),
        dataAsOf: items.map((i) => i.dataAsOf).sort()[0] ?? null,
        districts: districtsView(scope),
        summary: summarize(items),
        items,
      };
    },
  );
};

function summarize(items: readonly ComplianceRow[]) {
  const bands = { good: 0, fair: 0, poor: 0, none: 0 };
  let sum = 0;
  let scored = 0;
  for (const r of items) {
    bands[r.band] += 1;
    if (r.score !== null) {
      sum += r.score;
      scored += 1;
    }
  }
  return {
    branches: items.length,
    averageScore: scored ? Math.round((sum / scored) * 10) / 10 : null,
    bands,
  };
}

export const development: AppRouteHandler<DevelopmentRoute, ApiBindings> = async (c) => {
  const { districtId, year: asked } = c.req.valid("query");
  const scope = await reportScope(c, districtId);
  const year = asked ?? Number(todayOf(scope).slice(0, 4));
  const reads = scope.sets.map((rs) => developmentOfSet(scope, rs, year));
  if (wantsCsv(c.req.header("accept"), c.req.query("format"))) {
    return csvResponse(
      {
        filename: `development-${year}.csv`,
        lang: c.get("lang"),
        columns: DEVELOPMENT_COLUMNS,
        requestId: c.get("requestId"),
      },
      asCompleted(reads),
    );
  }
  const items = await inOrder(scope, reads);
  return c.json(
    { year, generatedAt: new Date().toISOString(), districts: districtFunnels(scope, items), items },
    200,
  );
};

export const study: AppRouteHandler<StudyRoute, ApiBindings> = async (c) => {
  const { districtId, month: asked } = c.req.valid("query");
  const scope = await reportScope(c, districtId);
  const month = asked ?? monthOf(todayOf(scope));
  const reads = scope.sets.map((rs) => studyOfSet(scope, rs, month));
  if (wantsCsv(c.req.header("accept"), c.req.query("format"))) {
    return csvResponse(
      {
        filename: `study-${month}.csv`,
        lang: c.get("lang"),
        columns: STUDY_COLUMNS,
        requestId: c.get("requestId"),
      },
      asCompleted(reads),
    );
  }
  const items = await inOrder(scope, reads);
  return c.json({ month, generatedAt: new Date().toISOString(), items }, 200);
};

export const trends: AppRouteHandler<TrendsRoute, ApiBindings> = async (c) => {
  const { districtId, branchId, months: n, to } = c.req.valid("query");
  const scope = await reportScope(c, districtId, branchId);
  const today = todayOf(scope);
  const months = trendMonths(n, to ? `${to}-01` : today);
  const facts = await Promise.all(scope.sets.map((rs) => readTrendsOfSet(rs, months, branchesOf(scope, rs))));
  const points = trendPoints(months, facts, monthOf(today));
  if (wantsCsv(c.req.header("accept"), c.req.query("format"))) {
    return csvResponse(
      { filename: "trends.csv", lang: c.get("lang"), columns: TREND_COLUMNS, requestId: c.get("requestId") },
      asCompleted([Promise.resolve(points)]),
    );
  }
  return c.json({ months, generatedAt: new Date().toISOString(), points }, 200);
};
