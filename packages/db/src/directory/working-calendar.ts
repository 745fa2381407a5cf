import { WorkingCalendar } from "@vanguard/domain";
import type { DataPlane } from "../shards";
import { listCalendarDays } from "./calendar";

/** The bundled official calendar with the days a platform admin entered for [from, to]. */
export async function workingCalendar(plane: DataPlane, from: string, to: string): Promise<WorkingCalendar> {
  const entered = await listCalendarDays(plane, from, to);
  return new WorkingCalendar(entered.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? undefined })));
}
