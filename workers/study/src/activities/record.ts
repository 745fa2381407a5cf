import {
  type DataPlane,
  type EventDraft,
  newId,
  type TenantContext,
  tenantWriteReading,
  type WriteRequest,
} from "@vanguard/db";
import {
  readScoringInputs,
  recordStudyStatements,
  type ScoringInputs,
  type ScoringQuery,
  scoringInputsOf,
  scoringReads,
} from "@vanguard/db/study";
import {
  type ActivityInput,
  admitActivity,
  daysNeeded,
  type LedgerEntry,
  memberKey,
  periodKeysOf,
  type RuleFailure,
  rollUp,
  type StudyFlag,
  type StudyRules,
  type StudySource,
  scoreActivities,
  startsNewDay,
  todayIn,
} from "@vanguard/domain";
import { forbidden, notFound, ProblemError, ruleViolation } from "@vanguard/platform";
import { latestRules, rulesAt } from "../rules/rule-sets";

export interface RecordedActivity {
  id: string;
  memberId: string;
  kind: string;
  day: string;
  awarded: number;
  deducted: number;
  capped: boolean;
  flags: StudyFlag[];
  dayTotal: number;
  ruleVersion: number;
  source: StudySource;
}

export type Outcome =
  | { index: number; ok: true; result: RecordedActivity }
  | { index: number; ok: false; failures: RuleFailure[] };

function resultOf(e: Extract<LedgerEntry, { ok: true }>): RecordedActivity {
  return {
    id: newId("studyActivity"),
    memberId: e.activity.memberId,
    kind: e.activity.kind,
    day: e.activity.day,
    awarded: e.awarded,
    deducted: e.deducted,
    capped: e.capped,
    flags: e.flags,
    dayTotal: e.dayTotal,
    ruleVersion: e.ruleVersion,
    source: e.activity.source ?? "claimed",
  };
}

function refuseOne(failures: RuleFailure[]): never {
  const rule = failures[0]?.rule;
  if (rule === "member_not_on_roll") throw notFound();
  if (rule === "activity_recorded_by_branch") throw forbidden(failures[0]!.message);
  throw ruleViolation(failures);
}

function refuseAll(outcomes: Outcome[]): never {
  const items = outcomes.flatMap((o) =>
    o.ok
      ? []
      : o.failures.map((f) => ({
          path: `activities.${o.index}`,
          rule: f.rule,
          message: f.message,
          facts: f.facts,
        })),
  );
  throw new ProblemError("rule_violation", items[0]?.message, items);
}

/** What scoring a set of activities inside a write decided, and the statements that store it. */
export interface ScoredWrite {
  outcomes: Outcome[];
  landed: Extract<Outcome, { ok: true }>[];
  statements: D1PreparedStatement[];
}

/** The activities on their days in the branch's time zone, and what scoring them reads. */
export function scoringQuery(
  tc: TenantContext,
  activities: Omit<ActivityInput, "day">[],
): { inputs: ActivityInput[]; query: ScoringQuery } {
  const inputs: ActivityInput[] = activities.map((a) => ({
    ...a,
    day: todayIn(tc.timeZone, new Date(a.occurredAt)),
  }));
  const need = daysNeeded(inputs)!;
  return { inputs, query: { ...need, periods: [...new Set(inputs.flatMap((a) => periodKeysOf(a.day)))] } };
}

/**
 * Scores activities and builds the statements that store them, for a plan running inside a branch
 * write. Everything scoring depends on (the members' days, the roll, the rule sets) is read inside
 * the plan, or handed in as read with the chain's head on this try, so when a concurrent write wins
 * the branch's chain the plan re-runs on fresh data and caps hold under any concurrency. Refused
 * activities get no statement; the caller decides whether a refusal refuses the whole write.
 */
export async function scoreInPlan(
  plane: DataPlane,
  tc: TenantContext,
  activities: Omit<ActivityInput, "day">[],
  opts: {
    recorder: "member" | "branch";
    recordedBy: string;
    now?: Date;
    /** what `scoringReads` answered, when the write asked it beside the chain's head */
    read?: ScoringInputs;
  },
): Promise<ScoredWrite> {
  const now = opts.now ?? new Date();
  const { inputs, query } = scoringQuery(tc, activities);
  const today = todayIn(tc.timeZone, now);
  const read = opts.read ?? (await readScoringInputs(tc, query));
  const people = new Map(read.people.map((p) => [p.id, p]));

  const rules = new Map<number, StudyRules>();
  for (const v of new Set(read.days.map((d) => d.ruleVersion))) {
    rules.set(v, (await rulesAt(plane, tc.districtId, v)).rules);
  }
  let latestVersion = 0;
  if (startsNewDay(inputs, read.days)) {
    const latest = await latestRules(plane, tc.districtId);
    latestVersion = latest.version;
    rules.set(latest.version, latest.rules);
  }
  const versionOf = new Map(read.days.map((d) => [memberKey(d.memberId, d.day), d.ruleVersion]));

  // who may be scored at all, before any points move
  const refused = new Map<number, RuleFailure[]>();
  inputs.forEach((a, i) => {
    const rule = rules.get(versionOf.get(memberKey(a.memberId, a.day)) ?? latestVersion)?.kinds[a.kind];
    const failures = admitActivity(a, people.get(a.memberId), rule, opts.recorder);
    if (failures.length) refused.set(i, failures);
  });
  const { entries, changed } = scoreActivities({
    activities: inputs.filter((_, i) => !refused.has(i)),
    stored: read.days,
    rulesFor: (v) => rules.get(v)!,
    latestVersion,
    now,
    today,
    recorder: opts.recorder,
  });

  const outcomes: Outcome[] = [];
  const scored: LedgerEntry[] = [];
  let next = 0;
  for (let index = 0; index < inputs.length; index++) {
    const refusal = refused.get(index);
    if (refusal) {
      outcomes.push({ index, ok: false, failures: refusal });
      continue;
    }
    const e = entries[next++]!;
    if (!e.ok) {
      outcomes.push({ index, ok: false, failures: e.failures });
      continue;
    }
    scored.push(e);
    outcomes.push({ index, ok: true, result: resultOf(e) });
  }
  const landed = outcomes.filter((o): o is Extract<Outcome, { ok: true }> => o.ok);
  if (landed.length === 0) return { outcomes, landed, statements: [] };

  const at = now.toISOString();
  const { members, branch } = rollUp(scored, read.periods, read.earnedPeriods);
  const statements = recordStudyStatements(tc, {
    activities: landed.map(({ index, result: r }) => {
      const a = inputs[index]!;
      return {
        id: r.id,
        memberId: r.memberId,
        kind: r.kind,
        occurredAt: a.occurredAt,
        day: r.day,
        durationSec: a.durationSec,
        units: a.units,
        ref: a.ref,
        awarded: r.awarded,
        deducted: r.deducted,
        capped: r.capped,
        flags: r.flags.length ? JSON.stringify(r.flags) : null,
        ruleVersion: r.ruleVersion,
        recordedBy: opts.recordedBy,
        recordedAt: at,
        source: r.source,
      };
    }),
    days: changed,
    memberPeriods: members,
    branchPeriods: branch,
    roll: read.roll,
    at,
  });
  return { outcomes, landed, statements };
}

/**
 * Scores and stores a batch of activities a client posted (claimed, docs/domain.md §Earned and
 * claimed points) in one branch write; refusals write nothing.
 */
export async function recordActivities<T>(
  plane: DataPlane,
  tc: TenantContext,
  req: WriteRequest,
  activities: Omit<ActivityInput, "day">[],
  opts: {
    recorder: "member" | "branch";
    single?: boolean;
    /** the response body, built inside the plan so an idempotent replay answers the same */
    present: (outcomes: Outcome[]) => T;
  },
): Promise<T> {
  const claimed = activities.map((a) => ({ ...a, source: "claimed" as const }));
  const { query } = scoringQuery(tc, claimed);
  // what scoring reads is asked with the branch chain's head: the write is two round trips
  return tenantWriteReading(
    tc,
    req,
    () => scoringReads(tc, query),
    async ({ event, read }) => {
      const { outcomes, landed, statements } = await scoreInPlan(plane, tc, claimed, {
        recorder: opts.recorder,
        recordedBy: req.actor.principalId,
        read: scoringInputsOf(read),
      });
      // a refusal must write nothing, not even an idempotency record: the plan throws
      if (opts.single && !outcomes[0]!.ok) refuseOne(outcomes[0]!.failures);
      if (landed.length === 0) refuseAll(outcomes);
      const events: EventDraft[] =
        landed.length === 1
          ? [
              event({
                action: "study.activity_recorded",
                subjectType: "member",
                subjectId: landed[0]!.result.memberId,
                after: landed[0]!.result,
              }),
            ]
          : [
              event({
                action: "study.activities_recorded",
                subjectType: "branch",
                subjectId: tc.branchId,
                after: {
                  count: landed.length,
                  activities: landed.map(({ result: r }) => [
                    r.id,
                    r.memberId,
                    r.kind,
                    r.day,
                    r.awarded - r.deducted,
                  ]),
                },
              }),
            ];
      return { statements, events, result: opts.present(outcomes) };
    },
  );
}
