import { and, asc, gte, lte } from "drizzle-orm";
import { calendarDays } from "../schema/directory";
import type { DataPlane } from "../shards";
import { bulkInsert, rawStatement } from "../write/sql";

export type CalendarDayRow = typeof calendarDays.$inferSelect;

export function listCalendarDays(plane: DataPlane, from: string, to: string): Promise<CalendarDayRow[]> {
  return plane.directory.db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.date, from), lte(calendarDays.date, to)))
    .orderBy(asc(calendarDays.date));
}

/** Replaces one year's entered days (the State Council publishes a year at a time). */
export function replaceCalendarYear(
  plane: DataPlane,
  year: number,
  rows: CalendarDayRow[],
): D1PreparedStatement[] {
  return [
    rawStatement(plane.directory.d1, "DELETE FROM calendar_days WHERE date BETWEEN ? AND ?", [
      `${year}-01-01`,
      `${year}-12-31`,
    ]),
    ...bulkInsert(plane.directory.d1, calendarDays, rows),
  ];
}
