import { directoryWrite, listCalendarDays, replaceCalendarYear } from "@vanguard/db";
import { bundledCalendarDays, PLATFORM_ONLY } from "@vanguard/domain";
import { type AppRouteHandler, invalid, requireRole, writeRequest } from "@vanguard/platform";
import type { ApiBindings } from "../env";
import type { GetRoute, PutRoute } from "./calendar.routes";

async function yearView(plane: Parameters<typeof listCalendarDays>[0], year: number) {
  const entered = await listCalendarDays(plane, `${year}-01-01`, `${year}-12-31`);
  const enteredDates = new Set(entered.map((d) => d.date));
  const days = [
    ...bundledCalendarDays(year)
      .filter((d) => !enteredDates.has(d.date))
      .map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null, source: "bundled" as const })),
    ...entered.map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: "entered" as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return { year, days };
}

export const get: AppRouteHandler<GetRoute, ApiBindings> = async (c) => {
  const { year } = c.req.valid("param");
  return c.json(await yearView(c.get("plane"), year), 200);
};

export const put: AppRouteHandler<PutRoute, ApiBindings> = async (c) => {
  const { year } = c.req.valid("param");
  const { days } = c.req.valid("json");
  requireRole(c.get("principal"), PLATFORM_ONLY);
  const outside = days.find((d) => !d.date.startsWith(`${year}-`));
  if (outside)
    throw invalid("days", { zh: `${outside.date} 不在 ${year} 年`, en: `${outside.date} is not in ${year}` });
  if (new Set(days.map((d) => d.date)).size !== days.length) {
    throw invalid("days", { zh: "日期重复", en: "A date appears twice" });
  }
  const plane = c.get("plane");
  const now = new Date().toISOString();
  await directoryWrite(plane, await writeRequest(c), "platform", async () => ({
    statements: replaceCalendarYear(
      plane,
      year,
      days.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null, updatedAt: now })),
    ),
    events: [
      {
        scopeId: "platform",
        districtId: "platform",
        action: "calendar.set",
        subjectType: "calendar",
        subjectId: String(year),
        after: days,
      },
    ],
    result: null,
  }));
  return c.json(await yearView(plane, year), 200);
};
