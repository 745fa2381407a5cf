import { addDays, type BranchSnapshot, lastEndedQuarter, quarterEnd, quarterStart } from "@vanguard/domain";
import { caseStateOf } from "../onboarding/case-state";
import type { CaseRow } from "../onboarding/cases";
import type { StepRow } from "../onboarding/steps";
import { type BranchSetContext, branchIdsJson } from "../tenant/context";

type Row = Record<string, string | number | null>;

const camel = (r: Row): Record<string, string | number | null> =>
  Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );

/**
 * What the module rules need of a batch of branches, in one round trip of six aggregate reads:
 * open development cases and their steps, this and last year's meetings, 30 days of study points
 * per party member, duty tasks still open or unverified, last quarter's inspection, and last
 * quarter's confirmed service hours of every registration that covered the whole quarter.
 */
export async function readModuleFacts(
  set: BranchSetContext,
  today: string,
): Promise<
  Map<
    string,
    Required<
      Pick<
        BranchSnapshot,
        "cases" | "meetings" | "studyPoints" | "dutyTasks" | "lastQuarterInspection" | "lastQuarterService"
      >
    >
  >
> {
  const ids = branchIdsJson(set);
  const d1 = set.shard.d1;
  const quarter = lastEndedQuarter(today);
  const live = "c.branch_id IN (SELECT value FROM json_each(?1)) AND c.stage NOT IN ('full', 'closed')";
  const [cases, steps, meetings, study, tasks, inspections, service] = await d1.batch<Row>([
    d1
      .prepare(
        `SELECT c.*, m.name AS member_name, m.birth_date AS member_birth_date
           FROM development_cases c JOIN members m ON m.branch_id = c.branch_id AND m.id = c.member_id
          WHERE ${live}`,
      )
      .bind(ids),
    d1
      .prepare(
        `SELECT s.* FROM development_steps s JOIN development_cases c ON c.branch_id = s.branch_id AND c.id = s.case_id
          WHERE ${live} ORDER BY s.case_id, s.seq`,
      )
      .bind(ids),
    d1
      .prepare(
        `SELECT branch_id, kind, held_on, lecturer_post FROM meetings
          WHERE branch_id IN (SELECT value FROM json_each(?)) AND held_on >= ?`,
      )
      .bind(ids, `${Number(today.slice(0, 4)) - 1}-01-01`),
    d1
      .prepare(
        `SELECT m.branch_id, m.id, m.name, m.joined_branch_on,
                coalesce((SELECT sum(d.points) FROM study_days d
                           WHERE d.branch_id = m.branch_id AND d.member_id = m.id AND d.day > ?), 0) AS points
           FROM members m
          WHERE m.branch_id IN (SELECT value FROM json_each(?)) AND m.left_on IS NULL AND m.status IN ('probationary', 'full')`,
      )
      .bind(addDays(today, -30), ids),
    d1
      .prepare(
        `SELECT t.branch_id, t.id, t.assignee_id, coalesce(m.name, t.assignee_id) AS assignee_name, t.title, t.month,
                t.due_on, t.status, t.completed_on
           FROM duty_tasks t LEFT JOIN members m ON m.branch_id = t.branch_id AND m.id = t.assignee_id
          WHERE t.branch_id IN (SELECT value FROM json_each(?)) AND t.status <> 'verified' AND t.due_on >= ?`,
      )
      .bind(ids, addDays(today, -120)),
    d1
      .prepare(
        "SELECT branch_id, status FROM inspections WHERE branch_id IN (SELECT value FROM json_each(?)) AND period = ?",
      )
      .bind(ids, quarter),
    d1
      .prepare(
        `SELECT r.branch_id, r.member_id, m.name, r.kind,
                coalesce((SELECT sum(s.hours) FROM service_sessions s
                           WHERE s.branch_id = r.branch_id AND s.registration_id = r.id AND s.status = 'confirmed'
                             AND s.served_on BETWEEN ?2 AND ?3), 0) AS hours
           FROM service_registrations r JOIN members m ON m.branch_id = r.branch_id AND m.id = r.member_id
          WHERE r.branch_id IN (SELECT value FROM json_each(?1)) AND m.left_on IS NULL
            AND r.registered_on <= ?2 AND (r.ended_on IS NULL OR r.ended_on >= ?3)
          ORDER BY r.member_id, r.kind`,
      )
      .bind(ids, quarterStart(quarter), quarterEnd(quarter)),
  ]);

  const out = new Map(
    set.branches.map((b) => [
      b.branchId,
      {
        cases: [] as BranchSnapshot["cases"] & object,
        meetings: [] as BranchSnapshot["meetings"] & object,
        studyPoints: [] as BranchSnapshot["studyPoints"] & object,
        dutyTasks: [] as BranchSnapshot["dutyTasks"] & object,
        lastQuarterInspection: { period: quarter, status: null } as NonNullable<
          BranchSnapshot["lastQuarterInspection"]
        >,
        lastQuarterService: { period: quarter, people: [] } as NonNullable<
          BranchSnapshot["lastQuarterService"]
        >,
      },
    ]),
  );
  const stepsByCase = new Map<string, StepRow[]>();
  for (const r of steps?.results ?? []) {
    const s = camel(r) as unknown as StepRow;
    stepsByCase.set(s.caseId, [...(stepsByCase.get(s.caseId) ?? []), s]);
  }
  for (const r of cases?.results ?? []) {
    const { memberName, memberBirthDate, ...row } = camel(r) as unknown as CaseRow & {
      memberName: string;
      memberBirthDate: string;
    };
    out.get(row.branchId)?.cases.push({
      caseId: row.id,
      memberId: row.memberId,
      memberName,
      state: caseStateOf(row, stepsByCase.get(row.id) ?? [], memberBirthDate),
    });
  }
  for (const r of meetings?.results ?? []) {
    out.get(String(r.branch_id))?.meetings.push({
      kind: r.kind as NonNullable<BranchSnapshot["meetings"]>[number]["kind"],
      heldOn: String(r.held_on),
      lecturerPost: (r.lecturer_post as string | null) ?? null,
    });
  }
  for (const r of study?.results ?? []) {
    out.get(String(r.branch_id))?.studyPoints.push({
      memberId: String(r.id),
      name: String(r.name),
      points: Number(r.points),
      joinedBranchOn: String(r.joined_branch_on),
    });
  }
  for (const r of tasks?.results ?? []) {
    out.get(String(r.branch_id))?.dutyTasks.push({
      id: String(r.id),
      assigneeId: String(r.assignee_id),
      assigneeName: String(r.assignee_name),
      title: String(r.title),
      month: String(r.month),
      dueOn: String(r.due_on),
      status: r.status as "open" | "completed" | "verified",
      completedOn: (r.completed_on as string | null) ?? null,
    });
  }
  for (const r of inspections?.results ?? []) {
    const f = out.get(String(r.branch_id));
    if (f)
      f.lastQuarterInspection = { period: quarter, status: r.status as "draft" | "submitted" | "reviewed" };
  }
  for (const r of service?.results ?? []) {
    out.get(String(r.branch_id))?.lastQuarterService.people.push({
      memberId: String(r.member_id),
      name: String(r.name),
      kind: r.kind as "community" | "volunteer",
      confirmedHours: Number(r.hours),
    });
  }
  return out;
}
