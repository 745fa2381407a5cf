import {
  getCommittee,
  getMeeting,
  insertMeetingStatements,
  listMeetings,
  type MeetingRow,
  meetingsOfYear,
  newId,
  resolveBranch,
  rollMembersAmong,
  tenantWrite,
} from "@vanguard/db";
import { checkMeeting, committeeQuorum, meetingCompliance, todayIn } from "@vanguard/domain";
import {
  type AppRouteHandler,
  decodeCursor,
  encodeCursor,
  invalid,
  moduleBranch,
  notFound,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import { latestRules } from "../rules/rule-sets";
import { MANAGE_BRANCH, READ_BRANCH } from "../shared/roles";
import type { ComplianceRoute, CreateRoute, GetRoute, ListRoute } from "./meetings.routes";

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
});

export const create: AppRouteHandler<CreateRoute> = async (c) => {
  const { branchId } = c.req.valid("param");
  const body = c.req.valid("json");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const attendeeIds = [...new Set(body.attendeeIds)];
  const absenteeIds = body.absentees.map((a) => a.memberId);
  const req = await writeRequest(c, 201);
  const result = await tenantWrite(tc, req, async ({ event }) => {
    const named = [
      ...new Set([...attendeeIds, ...absenteeIds, ...(body.lecturerId ? [body.lecturerId] : [])]),
    ];
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
      id: newId("meeting"),
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
      recordedBy: req.actor.principalId,
      recordedAt: new Date().toISOString(),
    };
    const names = new Map(people.map((p) => [p.id, p.name]));
    const detail = {
      ...view({ ...row, branchId, districtId: tc.districtId }),
      attendees: attendeeIds.map((memberId) => ({ memberId, name: names.get(memberId) ?? null })),
      absentees: body.absentees.map((a) => ({ ...a, name: names.get(a.memberId) ?? null })),
    };
    return {
      statements: insertMeetingStatements(tc, row, [
        ...attendeeIds.map((memberId) => ({ memberId, present: true, reason: null })),
        ...body.absentees.map((a) => ({ memberId: a.memberId, present: false, reason: a.reason })),
      ]),
      events: [
        event({
          action: "meeting.recorded",
          subjectType: "meeting",
          subjectId: row.id,
          // minutes included: the chain is what makes the record tamper-evident (全程纪实)
          after: detail,
        }),
      ],
      result: detail,
    };
  });
  return c.json(result, 201);
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
  const found = await getMeeting(tc, meetingId);
  if (!found) throw notFound();
  return c.json(
    {
      ...view(found.meeting),
      attendees: found.attendance
        .filter((a) => a.present)
        .map((a) => ({ memberId: a.memberId, name: a.name })),
      absentees: found.attendance
        .filter((a) => !a.present)
        .map((a) => ({ memberId: a.memberId, name: a.name, reason: a.reason })),
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
      ruleVersion: rules.version,
      compliant: items.every((i) => i.compliant),
      items: items.map((i) => ({ ...i, label: lang === "en" ? i.label.en : i.label.zh })),
    },
    200,
  );
};
