import { addDays } from "../calendar/dates";

/**
 * 政治生日: the anniversary of the day a member joined the Party (入党纪念日, from `joinedOn`), with
 * the count of years (docs/domain.md §Political birthdays).
 */
export interface PoliticalBirthday {
  memberId: string;
  name: string;
  joinedOn: string;
  /** the anniversary's date in the window */
  on: string;
  /** years since joining on that date */
  years: number;
}

/** The anniversary of `joinedOn` in `year`; 29 February falls on 28 February in common years. */
function anniversaryIn(joinedOn: string, year: number): string {
  const md = joinedOn.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${md === "02-29" && !leap ? "02-28" : md}`;
}

/** Members whose political birthday falls within `days` days from `today` (today included), soonest first. */
export function politicalBirthdaysWithin(
  members: readonly { memberId: string; name: string; joinedOn: string | null }[],
  today: string,
  days: number,
): PoliticalBirthday[] {
  if (days <= 0) return [];
  const last = addDays(today, days - 1);
  const year = Number(today.slice(0, 4));
  const out: PoliticalBirthday[] = [];
  for (const m of members) {
    if (!m.joinedOn) continue;
    for (const y of [year, year + 1]) {
      const on = anniversaryIn(m.joinedOn, y);
      const years = y - Number(m.joinedOn.slice(0, 4));
      if (on >= today && on <= last && years >= 1) {
        out.push({ memberId: m.memberId, name: m.name, joinedOn: m.joinedOn, on, years });
      }
    }
  }
  return out.sort((a, b) => a.on.localeCompare(b.on) || a.memberId.localeCompare(b.memberId));
}
