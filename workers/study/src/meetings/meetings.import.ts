import { contentId, rollForHistory, type TenantContext, tenantWrite } from "@vanguard/db";
import { importMeetingsStatements, meetingsAmong, type NewMeeting } from "@vanguard/db/study";
import {
  attendedOf,
  checkHeldOn,
  findOnRoll,
  indexRoll,
  MANAGE_BRANCH,
  type MeetingKind,
  meetingKindOf,
  parseDay,
  type RuleFailure,
  todayIn,
  unknownMeetingKind,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  checkLineLimit,
  type ImportIssue,
  invalid,
  type Keyring,
  localizeRejections,
  mapColumns,
  moduleBranch,
  PERSON_COLUMNS,
  personalDataKeys,
  personRefOf,
  readUploadTable,
  rowFields,
  type UploadTable,
  writeRequest,
} from "@vanguard/platform";
import type { StudyBindings } from "../env";
import type { ImportRoute } from "./meetings.routes";

const COLUMNS = {
  kind: ["kind", "会议类型", "类型", "会议形式"],
  heldOn: ["heldOn", "日期", "会议日期", "召开日期"],
  topic: ["topic", "主题", "会议主题", "内容"],
  hours: ["hours", "学时"],
  ...PERSON_COLUMNS,
  attended: ["attended", "出席情况", "是否出席", "出缺席"],
  reason: ["reason", "缺席原因", "请假原因"],
} as const;

interface Meeting {
  row: NewMeeting;
  lines: number[];
  attendees: { memberId: string; name: string; present: boolean; reason: string | null }[];
}

interface Planned {
  fresh: NewMeeting[];
  attendance: Parameters<typeof importMeetingsStatements>[2];
  touched: Meeting[];
  created: number;
  unchanged: number;
  rejected: { line: number; errors: ImportIssue[] }[];
}

const issues = (fs: RuleFailure[]): ImportIssue[] => fs.map((f) => ({ rule: f.rule, message: f.message }));

/**
 * One line per person at a meeting; the lines of one meeting share its kind, date and topic, which
 * are its identity (the meeting's id is derived from them), and a person's line is identified by
 * the meeting and the person. So a rerun of the file, or of a corrected one, adds only what is new.
 */
async function plan(tc: TenantContext, table: UploadTable, keys: Keyring, actor: string): Promise<Planned> {
  const cols = mapColumns(table.header, COLUMNS, ["kind", "heldOn", "topic"]);
  if (!cols.ok) throw invalid("header", cols.message);
  const today = todayIn(tc.timeZone);
  const index = indexRoll(await rollForHistory(tc));
  const rejected: Planned["rejected"] = [];
  const byKey = new Map<string, Meeting>();
  const now = new Date().toISOString();
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const f = rowFields(cols.index, row);
    const errors: ImportIssue[] = [];
    const kind: MeetingKind | null = f.kind ? meetingKindOf(f.kind) : null;
    if (!kind) errors.push(...issues([unknownMeetingKind(f.kind ?? "")]));
    const heldOn = f.heldOn ? parseDay(f.heldOn) : null;
    if (!heldOn)
      errors.push({
        path: "heldOn",
        message: { zh: `日期无法识别：${f.heldOn ?? ""}`, en: `Unreadable date: ${f.heldOn ?? ""}` },
      });
    else errors.push(...issues(checkHeldOn(heldOn, today)));
    const topic = f.topic?.slice(0, 200);
    if (!topic) errors.push({ path: "topic", message: { zh: "缺少会议主题", en: "The topic is missing" } });
    const hours = f.hours === undefined ? 0 : Number(f.hours);
    if (!Number.isFinite(hours) || hours < 0 || hours > 8) {
      errors.push({
        path: "hours",
        message: { zh: `学时无效：${f.hours}`, en: `Invalid class hours: ${f.hours}` },
      });
    }
    const present = attendedOf(f.attended);
    if (present === null) {
      errors.push({
        path: "attended",
        message: { zh: `出席情况无法识别：${f.attended}`, en: `Unreadable attendance: ${f.attended}` },
      });
    }
    const who = await personRefOf(keys, f);
    const found = "ref" in who ? findOnRoll(index, who.ref) : who;
    if ("failure" in found) errors.push(...issues([found.failure]));
    if (errors.length || !kind || !heldOn || !topic || present === null || !("person" in found)) {
      rejected.push({ line: row.line, errors });
      continue;
    }
    const key = `${kind}|${heldOn}|${topic}`;
    let m = byKey.get(key);
    if (!m) {
      const id = await contentId("meeting", tc.branchId, kind, heldOn, topic);
      m = {
        row: {
          id,
          kind,
          heldOn,
          topic,
          hours,
          minutes: null,
          lecturerId: null,
          lecturerPost: null,
          present: 0,
          absent: 0,
          committeeSize: null,
          committeePresent: null,
          recordedBy: actor,
          recordedAt: now,
          importedFrom: table.sha256,
        },
        lines: [],
        attendees: [],
      };
      byKey.set(key, m);
    }
    const personKey = `${m.row.id}|${found.person.id}`;
    const earlier = seen.get(personKey);
    if (earlier) {
      rejected.push({
        line: row.line,
        errors: [
          {
            rule: "duplicate_line",
            message: {
              zh: `与第 ${earlier} 行重复（同一会议同一人）`,
              en: `Repeats line ${earlier} (same meeting and person)`,
            },
          },
        ],
      });
      continue;
    }
    seen.set(personKey, row.line);
    m.lines.push(row.line);
    m.attendees.push({
      memberId: found.person.id,
      name: found.person.name,
      present,
      reason: present ? null : (f.reason ?? null),
    });
  }
  const all = [...byKey.values()];
  const existing = await meetingsAmong(
    tc,
    all.map((m) => m.row.id),
  );
  const out: Planned = { fresh: [], attendance: [], touched: [], created: 0, unchanged: 0, rejected };
  for (const m of all) {
    const added = m.attendees.filter((a) => !existing.attendance.has(`${m.row.id}|${a.memberId}`));
    out.unchanged += m.attendees.length - added.length;
    out.created += added.length;
    if (!added.length) continue;
    if (!existing.meetings.has(m.row.id)) out.fresh.push(m.row);
    out.touched.push({ ...m, attendees: added });
    for (const a of added) {
      out.attendance.push({
        meetingId: m.row.id,
        memberId: a.memberId,
        kind: m.row.kind,
        heldOn: m.row.heldOn,
        present: a.present,
        reason: a.reason,
        hours: a.present ? m.row.hours : 0,
      });
    }
  }
  return out;
}

/**
 * POST …/meetings/import: a branch joining mid-year brings its past meetings with who attended.
 * Valid lines land together in one transaction; each meeting touched is logged as
 * `meeting.imported` with the file's SHA-256 and the lines it came from; `?dryRun=true` previews.
 */
export const importHistory: AppRouteHandler<ImportRoute, StudyBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { dryRun } = c.req.valid("query");
  const tc = moduleBranch(c, branchId, MANAGE_BRANCH);
  const table = await readUploadTable(c.req);
  checkLineLimit(table);
  const keys = await personalDataKeys(c.env);
  const actor = c.get("principal").id;
  const report = (p: Planned, dry: boolean) => ({
    dryRun: dry,
    sha256: table.sha256,
    format: table.format,
    encoding: table.encoding,
    lines: table.rows.length,
    created: p.created,
    unchanged: p.unchanged,
    meetingsCreated: p.fresh.length,
    rejected: localizeRejections(p.rejected, c.get("lang")),
  });
  if (dryRun === "true") return c.json(report(await plan(tc, table, keys, actor), true), 200);
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const p = await plan(tc, table, keys, actor);
    return {
      statements: importMeetingsStatements(
        tc,
        p.fresh,
        p.attendance,
        p.touched.map((m) => m.row.id),
      ),
      events: p.touched.map((m) =>
        event({
          action: "meeting.imported",
          subjectType: "meeting",
          subjectId: m.row.id,
          after: {
            kind: m.row.kind,
            heldOn: m.row.heldOn,
            topic: m.row.topic,
            hours: m.row.hours,
            attendees: m.attendees
              .filter((a) => a.present)
              .map((a) => ({ memberId: a.memberId, name: a.name })),
            absentees: m.attendees
              .filter((a) => !a.present)
              .map((a) => ({ memberId: a.memberId, name: a.name, reason: a.reason })),
            import: { sha256: table.sha256, lines: m.lines },
          },
        }),
      ),
      result: report(p, false),
    };
  });
  return c.json(result, 200);
};
