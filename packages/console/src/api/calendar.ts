import { type CalendarDay, WorkingCalendar } from "@vanguard/domain";
import { api, call } from "./client";

const years = new Map<number, Promise<CalendarDay[]>>();

function yearDays(year: number): Promise<CalendarDay[]> {
  let days = years.get(year);
  if (!days) {
    days = call(api.GET("/v1/calendar/{year}", { params: { path: { year } } })).then((r) =>
      r.days.map((d) => ({ date: d.date, kind: d.kind })),
    );
    days.catch(() => years.delete(year));
    years.set(year, days);
  }
  return days;
}

/**
 * The working-day calendar the API checks publicity against: the official holidays and make-up
 * workdays as the API serves them (`/v1/calendar/{year}`: its bundled days overlaid by what a
 * platform admin entered), so the count shown is the count the API makes.
 */
export async function workingCalendar(from: string, to: string): Promise<WorkingCalendar> {
  const days: CalendarDay[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) days.push(...(await yearDays(y)));
  return new WorkingCalendar(days, false);
}
