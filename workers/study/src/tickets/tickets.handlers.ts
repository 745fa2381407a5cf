import { newId, tenantWrite } from "@vanguard/db";
import {
  insertTicket,
  readRedemption,
  readTicketIssue,
  redeemTicketStatements,
  type StudyTicketRow,
} from "@vanguard/db/study";
import {
  checkIssue,
  checkRedemption,
  checkStudent,
  failure,
  materialStatus,
  READ_OWN,
  REPEAT_READ,
  ticketActivities,
  ticketTimes,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  moduleBranch,
  notFound,
  ruleViolation,
  writeRequest,
} from "@vanguard/platform";
import type { RecordedActivity } from "../activities/record";
import { NOT_PUBLISHED } from "../materials/materials.handlers";
import { ticketView } from "../materials/materials.view";
import { latestRules } from "../rules/rule-sets";
import { earnInPlan, earningMember, type Reason, reason, reasonOf, refuseAbsent } from "./earn";
import type { IssueRoute, RedeemRoute } from "./tickets.routes";

const NO_TICKET = {
  zh: "没有这张阅读凭证（凭证只能由领取它的党员本人兑换）",
  en: "No such reading ticket (a ticket is redeemed only by the member it was issued to)",
};

const QUIZ_NEEDS_NO_TICKET = failure(
  "material_needs_no_ticket",
  { zh: "答题直接提交答案，无需阅读凭证", en: "A quiz is answered directly; it takes no reading ticket" },
  {},
);

export const issue: AppRouteHandler<IssueRoute> = async (c) => {
  const { branchId, materialId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const memberId = earningMember(c);
  const plane = c.get("plane");
  /** What to answer: the member's open ticket for this material, a refusal, or a new ticket. */
  const decide = async (now: Date) => {
    const read = await readTicketIssue(tc, { memberId, materialId, now: now.toISOString() });
    refuseAbsent(read.person);
    const student = checkStudent(memberId, read.person!.status);
    if (student.length) throw ruleViolation(student);
    const m = read.material;
    if (!m || materialStatus(m, todayIn(tc.timeZone, now)) !== "published") throw notFound(NOT_PUBLISHED);
    if (m.kind === "quiz" || m.minSec === null) throw ruleViolation([QUIZ_NEEDS_NO_TICKET]);
    return { held: read.open.find((t) => t.materialId === materialId), open: read.open, minSec: m.minSec };
  };
  // opening it again (a page reload, a second tab) answers the ticket already held, writing nothing
  const first = await decide(new Date());
  if (first.held) return c.json(ticketView(first.held, new Date()), 200);
  const ticket = await tenantWrite(tc, await writeRequest(c, 201), async ({ event }) => {
    const now = new Date();
    const d = await decide(now);
    if (d.held) return { statements: [], events: [], result: ticketView(d.held, now) };
    const { rules } = await latestRules(plane, tc.districtId);
    const refused = checkIssue(d.open, rules.library);
    if (refused.length) throw ruleViolation(refused);
    const row: StudyTicketRow = {
      branchId: tc.branchId,
      districtId: tc.districtId,
      id: newId("readingTicket"),
      memberId,
      materialId,
      ...ticketTimes(now, d.minSec, rules.library),
      redeemedAt: null,
      redeemedDay: null,
      outcome: null,
      awarded: null,
      activityIds: null,
    };
    const view = ticketView(row, now);
    return {
      statements: [insertTicket(tc, row)],
      events: [
        event({
          action: "study.ticket_issued",
          subjectType: "member",
          subjectId: memberId,
          after: { ticketId: row.id, materialId, redeemableAt: row.redeemableAt, expiresAt: row.expiresAt },
        }),
      ],
      result: view,
    };
  });
  return c.json(ticket, 201);
};

interface Redemption {
  ticket: ReturnType<typeof ticketView>;
  outcome: "credited" | "repeat";
  awarded: number;
  capped: boolean;
  reason: Reason | null;
  activities: RecordedActivity[];
  dayTotal: number | null;
}

export const redeem: AppRouteHandler<RedeemRoute> = async (c) => {
  const { branchId, ticketId } = c.req.valid("param");
  const tc = moduleBranch(c, branchId, READ_OWN);
  const memberId = earningMember(c);
  const plane = c.get("plane");
  const lang = c.get("lang");
  const recordedBy = c.get("principal").id;
  const result = await tenantWrite<Redemption>(tc, await writeRequest(c), async ({ event }) => {
    const now = new Date();
    const day = todayIn(tc.timeZone, now);
    const read = await readRedemption(tc, { ticketId, memberId, day });
    const { ticket, material } = read;
    if (!ticket) throw notFound(NO_TICKET);
    refuseAbsent(read.person);
    const published = material !== undefined && materialStatus(material, day) === "published";
    const refused = checkRedemption(ticket, { now, published });
    if (refused.length) throw ruleViolation(refused);
    const redeemedAt = now.toISOString();
    const logged = (outcome: string, awarded: number, activityIds: string[]) =>
      event({
        action: "study.ticket_redeemed",
        subjectType: "member",
        subjectId: memberId,
        after: { ticketId, materialId: ticket.materialId, outcome, awarded, activityIds },
      });

    if (read.creditedToday) {
      // the material already counted today: the ticket is used, nothing is recorded
      const done = {
        redeemedAt,
        redeemedDay: day,
        outcome: "repeat" as const,
        awarded: 0,
        activityIds: null,
      };
      return {
        statements: redeemTicketStatements(tc, ticketId, done),
        events: [logged("repeat", 0, [])],
        result: {
          ticket: ticketView({ ...ticket, ...done }, now),
          outcome: "repeat" as const,
          awarded: 0,
          capped: false,
          reason: reason(REPEAT_READ, lang),
          activities: [],
          dayTotal: null,
        },
      };
    }

    const { rules } = await latestRules(plane, tc.districtId);
    const kind = material!.kind === "video" ? "video" : "article";
    const earned = await earnInPlan(
      plane,
      tc,
      ticketActivities({ kind, minSec: material!.minSec ?? 0 }, rules).map((a) => ({
        memberId,
        kind: a.kind,
        units: null,
        durationSec: a.durationSec,
        // count kinds carry the material, so the same one never earns twice a day
        ref: a.durationSec === null ? ticket.materialId : null,
      })),
      { recordedBy, now },
    );
    const ids = earned.activities.map((a) => a.id);
    const done = {
      redeemedAt,
      redeemedDay: day,
      outcome: "credited" as const,
      awarded: earned.awarded,
      activityIds: JSON.stringify(ids),
    };
    return {
      statements: [...earned.statements, ...redeemTicketStatements(tc, ticketId, done)],
      events: [logged("credited", earned.awarded, ids)],
      result: {
        ticket: ticketView({ ...ticket, ...done }, now),
        outcome: "credited" as const,
        awarded: earned.awarded,
        capped: earned.capped,
        reason: reasonOf(earned, lang),
        activities: earned.activities,
        dayTotal: earned.dayTotal,
      },
    };
  });
  return c.json(result, 200);
};
