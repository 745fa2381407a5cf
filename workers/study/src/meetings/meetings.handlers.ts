import type { z } from "@hono/zod-openapi";
import { getCommittee, newId, resolveBranch, type TenantContext, tenantWrite } from "@vanguard/db";
import {
  correctMeetingStatements,
  getMeeting,
  insertMeetingStatements,
  listMeetings,
  type MeetingRow,
  meetingRevisionsOf,
  meetingsOfYear,
  rollMembersAmong,
} from "@vanguard/db/study";
import {
  checkMeeting,
  committeeQuorum,
  MANAGE_BRANCH,
  meetingCompliance,
  READ_BRANCH,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  encodeCursor,
  invalid,
  moduleBranch,
  notFound,
  ProblemError,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import { latestRules } from "../rules/rule-sets";
import type {
  ComplianceRoute,
  CorrectRoute,
  CreateRoute,
  GetRoute,
  ListRoute,
  MeetingDetail,
  MeetingInput,
} from "./meetings.routes";

const view = (m: MeetingRow) => ({
  id: m.id,
  branchId: m.branchId,
  kind: m.kind,
  heldOn: m.heldOn,
  topic: m.topic,
  hours: m.hours,
  minutes: m.minutes,
  lecturerId: m.lecturerId,
  lecturerPost: m.lecturerPost,
  present: m.present,
  absent: m.absent,
  committee: m.committeeSize === null ? null : { size: m.committeeSize, present: m.committeePresent ?? 0 },
  recordedAt: m.recordedAt,
  revision: m.revision,
  importedFrom: m.importedFrom,
});

type MeetingBody = z.infer<typeof MeetingInput>;

/**
 * Checks a meeting as described against the roll and the committee, and gives its row, its
 * attendance and the detail the API and the event log show: the same for a new meeting and for a
 * correction of one.
 */
async function planMeeting(
  tc: TenantContext,
  body: MeetingBody,
  id: string,
  recorded: { by: string; at: string },
) {
  const attendeeIds = [...new Set(body.attendeeIds)];
  const absenteeIds = body.absentees.map((a) => a.memberId);
  const named = [...new Set([...attendeeIds, ...absenteeIds, ...(body.lecturerId ? [body.lecturerId] : [])])];
  const [people, { posts }] = await Promise.all([rollMembersAmong(tc, named), getCommittee(tc)]);
  const committeeIds = [...new Set(posts.map((p) => p.memberId))];
  const failures = checkMeeting({
    kind: body.kind,
    heldOn: body.heldOn,
    today: todayIn(tc.timeZone),
    attendeeIds,
    absenteeIds,
    lecturerId: body.lecturerId ?? null,
    roll: new Set(people.map((p) => p.id)),
    committeeIds,
  });
  if (failures.length) throw ruleViolation(failures);
  const quorum = body.kind === "committee" ? committeeQuorum(committeeIds, attendeeIds) : null;
  const lecturerPost = body.lecturerId
    ? (posts.find((p) => p.memberId === body.lecturerId && p.post === "secretary")?.post ??
      posts.find((p) => p.memberId === body.lecturerId)?.post ??
      null)
    : null;
  const row = {
    id,
    kind: body.kind,
    heldOn: body.heldOn,
    topic: body.topic,
    hours: body.hours,
    minutes: body.minutes ?? null,
    lecturerId: body.lecturerId ?? null,
    lecturerPost,
    present: attendeeIds.length,
    absent: absenteeIds.length,
    committeeSize: quorum?.committeeSize ?? null,
    committeePresent: quorum?.committeePresent ?? null,
    recordedBy: recorded.by,
    recordedAt: recorded.at,
  };
  const names = new Map(people.map((p) => [p.id, p.name]));
  const attendance = [
    ...attendeeIds.map((memberId) => ({ memberId, present: true, reason: null })),
    ...body.absentees.map((a) => ({ memberId: a.memberId, present: false, reason: a.reason })),
  ];
  const detail = (revision: number) => ({
    ...view({ ...row, branchId: tc.branchId, districtId: tc.districtId, revision, importedFrom: null }),
    attendees: attendeeIds.map((memberId) => ({ memberId, name: names.get(memberId) ?? null })),
    absentees: body.absentees.map((a) => ({ ...a, name: names.get(a.memberId) ?? null })),
  });
  return { row, attendance, detail };
}

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const req = await writeRequest(c, 201);
  const result = await tenantWrite(tc, req, async ({ event }) => {
    const recorded = { by: req.actor.principalId, at: new Date().toISOString() };
    const { row, attendance, detail } = await planMeeting(tc, body, newId("meeting"), recorded);
    const shown = detail(0);
    return {
      statements: insertMeetingStatements(tc, row, attendance),
      events: [
        event({
          action: "meeting.recorded",
          subjectType: "meeting",
          subjectId: row.id,
          // minutes included: the chain is what makes the record tamper-evident (全程纪实)
          after: shown,
        }),
      ],
      result: shown,
    };
  });
  return c.json(result, 201);
};

/** The meeting as it stands, as the API shows it: what a correction preserves. */
function detailOf(found: NonNullable<Awaited<ReturnType<typeof getMeeting>>>) {
  return {
    ...view(found.meeting),
    attendees: found.attendance.filter((a) => a.present).map((a) => ({ memberId: a.memberId, name: a.name })),
    absentees: found.attendance
      .filter((a) => !a.present)
      .map((a) => ({ memberId: a.memberId, name: a.name, reason: a.reason })),
  };
}

export const correct: AppRouteHandler<CorrectRoute> = async (c) => {
  const { branchId, meetingId } = c.req.valid("param");
  const { reason, revision, ...body } = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const req = await writeRequest(c);
  const result = await tenantWrite(tc, req, async ({ event }) => {
    const found = await getMeeting(tc, meetingId);
    if (!found) throw notFound();
    if (found.meeting.revision !== revision) throw new ProblemError("version_conflict");
    const before = detailOf(found);
    // who first recorded it stays; who corrected it, when and why is the revision's
    const recorded = { by: found.meeting.recordedBy, at: found.meeting.recordedAt };
    const { row, attendance, detail } = await planMeeting(tc, body, meetingId, recorded);
    const after = detail(revision + 1);
    const correctedAt = new Date().toISOString();
    return {
      statements: correctMeetingStatements(tc, row, revision, attendance, {
        body: JSON.stringify(before),
        reason,
        correctedBy: req.actor.principalId,
        correctedAt,
      }),
      events: [
        event({
          action: "meeting.corrected",
          subjectType: "meeting",
          subjectId: meetingId,
          before,
          after: { ...after, correction: { reason, revision: revision + 1 } },
        }),
      ],
      result: after,
    };
  });
  return c.json(result, 200);
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const q = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const today = todayIn(tc.timeZone);
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? today;
  if (from > to) throw invalid("from", { zh: "起始日期不能晚于结束日期", en: "from must not be after to" });
  const after = decodeCursor(q.cursor);
  const [heldOn, id] = after ? after.split("|") : [];
  const rows = await listMeetings(tc, {
    from,
    to,
    kind: q.kind,
    limit: q.limit + 1,
    before: heldOn && id ? { heldOn, id } : undefined,
  });
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return c.json(
    { items: items.map(view), nextCursor: more && last ? encodeCursor(`${last.heldOn}|${last.id}`) : null },
    200,
  );
};

export const get: AppRouteHandler<GetRoute> = async (c) => {
  const { branchId, meetingId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const [found, revisions] = await Promise.all([
    getMeeting(tc, meetingId),
    meetingRevisionsOf(tc, meetingId),
  ]);
  if (!found) throw notFound();
  return c.json(
    {
      ...detailOf(found),
      corrections: revisions.map((r) => ({
        replacedRevision: r.revision,
        reason: r.reason,
        correctedBy: r.correctedBy,
        correctedAt: r.correctedAt,
        replaced: JSON.parse(r.body) as z.infer<typeof MeetingDetail>,
      })),
    },
    200,
  );
};

export const compliance: AppRouteHandler<ComplianceRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const q = c.req.valid("query");
  const tc = moduleBranch(c, branchId, READ_BRANCH);
  const plane = c.get("plane");
  const asOf = todayIn(tc.timeZone);
  const year = q.year ?? Number(asOf.slice(0, 4));
  const [rules, held, { posts }, branch] = await Promise.all([
    latestRules(plane, tc.districtId),
    meetingsOfYear(tc, year),
    getCommittee(tc),
    resolveBranch(plane, branchId),
  ]);
  const items = meetingCompliance({
    year,
    asOf,
    since: branch?.foundedOn ?? null,
    recordsFrom: branch?.recordsFrom ?? tc.recordsFrom,
    hasCommittee: posts.length > 0,
    rules: rules.rules.meetings,
    meetings: held,
  });
  const lang = c.get("lang");
  return c.json(
    {
      branchId,
      year,
      asOf,
      recordsFrom: branch?.recordsFrom ?? tc.recordsFrom,
      ruleVersion: rules.version,
      compliant: items.every((i) => i.compliant),
      items: items.map((i) => ({ ...i, label: lang === "en" ? i.label.en : i.label.zh })),
    },
    200,
  );
};
