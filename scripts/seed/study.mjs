// Demo data for the study worker, seeded through the public API after the platform seed.
// `api` is a client with the platform-admin key (`api.as(key)` switches keys); `demo` is what
// seedPlatform returned: { district, branches, members, keys }.
//
// What it leaves: three months of 学习强国-style activity (most members study most days, one per
// branch never does, one stopped six weeks ago, one tried a scripted burst), a rule-set change a
// month ago (older days keep version 0), and this year's meetings — complete, except that
// 财政局第一党支部 skipped its committee meeting in three months. Then the district's study library
// (library.mjs), with points some members earn there today.
import { seedLibrary } from "./library.mjs";
import { rng } from "./people.mjs";

/** The branch that skipped committee meetings, and when (months of `today`'s year). */
export const SKIPPING_BRANCH = "finance";
export function skippedCommitteeMonths(today) {
  const m = Number(today.slice(5, 7));
  return [m - 6, m - 3, m - 2].filter((x) => x >= 1).map((x) => `${today.slice(0, 4)}-${pad(x)}`);
}

const STUDY_DAYS = 90;
const RULES_CHANGED_DAYS_AGO = 30;
const BATCH = 500;

export async function seedStudy(api, demo, { today }) {
  const rand = rng(20261201);
  const branches = Object.entries(demo.keys.branches).map(([key, b]) => ({
    key,
    ...b,
    party: (demo.members[key] ?? []).filter((m) => m.status === "full" || m.status === "probationary"),
  }));
  for (const b of branches) {
    const committee = await api.as(b.branchAdmin).get(`/v1/branches/${b.branchId}/committee`);
    b.committee = [...new Set(committee.posts.map((p) => p.memberId))];
    b.secretary = committee.posts.find((p) => p.post === "secretary")?.memberId ?? null;
  }
  // branches write to their own event chains, so they can be seeded side by side
  const plans = branches.map((b) => ({
    b,
    meetings: meetingsOf(b, today, rand),
    activities: branchActivities(b, today, rand),
  }));
  await Promise.all(
    plans.map(({ b, meetings }) => postMeetings(api.as(b.branchAdmin), b.branchId, meetings)),
  );

  // activity up to yesterday; the district tightens the video cap a month ago, so the days before
  // stay on version 0 and the later ones are scored with version 1
  const changed = addDays(today, -RULES_CHANGED_DAYS_AGO);
  await Promise.all(
    plans.map(({ b, activities }) =>
      send(
        api,
        b,
        activities.filter((a) => a.occurredAt < changed),
      ),
    ),
  );
  await publishRules(api.as(demo.keys.districtAdmin), demo.district.id);
  await Promise.all(
    plans.map(({ b, activities }) =>
      send(
        api,
        b,
        activities.filter((a) => a.occurredAt >= changed),
      ),
    ),
  );
  await seedLibrary(api, demo, branches);
}

async function send(api, b, activities) {
  const ba = api.as(b.branchAdmin);
  for (let i = 0; i < activities.length; i += BATCH) {
    await ba.post(`/v1/branches/${b.branchId}/study/activities/batch`, {
      activities: activities.slice(i, i + BATCH),
    });
  }
}

async function publishRules(da, districtId) {
  const { version, rules } = await da.get(`/v1/districts/${districtId}/study/rules`);
  rules.kinds.video = { ...rules.kinds.video, dailyCap: 4 };
  await da.put(`/v1/districts/${districtId}/study/rules`, { version, rules });
}

/** Who studies how: the secretary daily, most members often, one never, one who stopped. */
function profiles(party, rand) {
  return party.map((m, i) => {
    if (i === party.length - 1) return { m, rate: 0 };
    if (i === party.length - 2) return { m, rate: 0.7, stopsDaysAgo: 42 };
    if (i === 0) return { m, rate: 0.95, keen: true };
    return { m, rate: 0.45 + rand() * 0.45 };
  });
}

function branchActivities(b, today, rand) {
  const out = [];
  const people = profiles(b.party, rand);
  for (let back = STUDY_DAYS; back >= 1; back--) {
    const day = addDays(today, -back);
    for (const p of people) {
      if (p.stopsDaysAgo && back < p.stopsDaysAgo) continue;
      if (rand() >= p.rate) continue;
      out.push(...studyDay(p, day, rand));
    }
    // a committee reading session each month, recorded by the branch: class hours
    if (day.endsWith("-08")) {
      for (const id of b.committee) {
        out.push({
          memberId: id,
          kind: "offline_session",
          occurredAt: at(day, 19 * 60),
          durationSec: 3 * 3600,
        });
      }
    }
  }
  // someone tried a script once: the burst is flagged, not scored
  if (b.key === "econ" && b.party[2]) {
    const day = addDays(today, -10);
    for (let i = 0; i < 10; i++) {
      out.push({
        memberId: b.party[2].id,
        kind: "article",
        occurredAt: `${day}T23:50:${pad(i * 4)}+08:00`,
        ref: `xxqg-burst-${i}`,
      });
    }
  }
  return out;
}

/** One member's study on one day, spaced like a person reading on a phone. */
function studyDay(p, day, rand) {
  const out = [];
  let t = 6 * 60 + 30 + Math.floor(rand() * 14 * 60);
  const next = () => {
    t += 3 + Math.floor(rand() * 4);
    return at(day, Math.min(t, 23 * 60 + 40));
  };
  const memberId = p.m.id;
  out.push({ memberId, kind: "login", occurredAt: at(day, t) });
  const articles = (p.keen ? 8 : 2) + Math.floor(rand() * 5);
  let reading = 0;
  for (let i = 0; i < articles; i++) {
    const durationSec = 60 + Math.floor(rand() * 240);
    reading += durationSec;
    out.push({ memberId, kind: "article", occurredAt: next(), durationSec, ref: `xxqg-a-${day}-${i}` });
  }
  out.push({ memberId, kind: "article_time", occurredAt: next(), durationSec: reading });
  const videos = Math.floor(rand() * (p.keen ? 7 : 4));
  let viewing = 0;
  for (let i = 0; i < videos; i++) {
    const durationSec = 120 + Math.floor(rand() * 480);
    viewing += durationSec;
    out.push({ memberId, kind: "video", occurredAt: next(), durationSec, ref: `xxqg-v-${day}-${i}` });
  }
  if (viewing) out.push({ memberId, kind: "video_time", occurredAt: next(), durationSec: viewing });
  if (rand() < 0.75)
    out.push({ memberId, kind: "daily_quiz", occurredAt: next(), units: 2 + Math.floor(rand() * 4) });
  if (weekday(day) === 1 && rand() < 0.6) {
    out.push({ memberId, kind: "weekly_quiz", occurredAt: next(), units: 3 + Math.floor(rand() * 3) });
  }
  if (rand() < 0.08)
    out.push({ memberId, kind: "special_quiz", occurredAt: next(), units: 5 + Math.floor(rand() * 6) });
  return out;
}

const REASONS = ["出差", "病假", "外出培训", "家中有事", "值班"];

/** This year's 三会一课 and theme days up to today, on the days branches usually hold them. */
function meetingsOf(b, today, rand) {
  const year = today.slice(0, 4);
  const skipped = new Set(b.key === SKIPPING_BRANCH ? skippedCommitteeMonths(today) : []);
  const everyone = b.party.map((m) => m.id);
  const inactive = everyone.at(-1);
  const meetings = [];
  const split = (ids, absentChance) => {
    const absentees = ids
      .filter((id) => id === inactive || rand() < absentChance)
      .slice(0, Math.max(0, ids.length - Math.floor(ids.length / 2) - 1))
      .map((memberId) => ({ memberId, reason: REASONS[Math.floor(rand() * REASONS.length)] }));
    const away = new Set(absentees.map((a) => a.memberId));
    return { attendeeIds: ids.filter((id) => !away.has(id)), absentees };
  };
  for (let m = 1; m <= Number(today.slice(5, 7)); m++) {
    const month = `${year}-${pad(m)}`;
    if (b.committee.length && !skipped.has(month)) {
      meetings.push({
        kind: "committee",
        heldOn: `${month}-05`,
        topic: `${m}月支委会：研究本月党建工作`,
        ...split(b.committee, 0.1),
      });
    }
    meetings.push({
      kind: "theme_day",
      heldOn: `${month}-15`,
      topic: `${m}月主题党日：学习贯彻党的创新理论`,
      hours: 3,
      ...split(everyone, 0.1),
    });
    meetings.push({
      kind: "group",
      heldOn: `${month}-20`,
      topic: `${m}月党小组学习`,
      hours: 1.5,
      ...split(everyone, 0.15),
    });
    if (m % 3 === 2) {
      meetings.push({
        kind: "general_assembly",
        heldOn: `${month}-10`,
        topic: "支部党员大会",
        hours: 2,
        ...split(everyone, 0.1),
      });
    }
    if (m % 3 === 0) {
      // the secretary gives the first lecture of the year (书记每年至少讲1次党课)
      const lecturer = m === 3 && b.secretary ? b.secretary : (b.committee[1 + (m % 2)] ?? b.secretary);
      const listeners = split(
        everyone.filter((id) => id !== lecturer),
        0.1,
      );
      meetings.push({
        kind: "lecture",
        heldOn: `${month}-25`,
        topic: m === 3 ? "书记讲党课：坚定理想信念" : "专题党课：党章党规党纪",
        hours: 4,
        ...(lecturer ? { lecturerId: lecturer } : {}),
        attendeeIds: lecturer ? [lecturer, ...listeners.attendeeIds] : listeners.attendeeIds,
        absentees: listeners.absentees,
      });
    }
    if (m === 12) {
      meetings.push({
        kind: "life_meeting",
        heldOn: `${month}-26`,
        topic: "年度组织生活会",
        hours: 4,
        ...split(everyone, 0),
      });
    }
  }
  return meetings.filter((x) => x.heldOn <= today);
}

async function postMeetings(ba, branchId, meetings) {
  for (const meeting of meetings) {
    await ba.post(`/v1/branches/${branchId}/meetings`, {
      ...meeting,
      minutes: `${meeting.topic}。应到${meeting.attendeeIds.length + meeting.absentees.length}人，实到${meeting.attendeeIds.length}人。`,
    });
  }
}

function pad(n) {
  return String(n).padStart(2, "0");
}

function at(day, minutes) {
  return `${day}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00+08:00`;
}

function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function weekday(day) {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}
