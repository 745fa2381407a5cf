import { type CadenceRule, DEFAULT_MEETING_CADENCE } from "../meetings/cadence";
import { failure, type Message, type RuleFailure } from "../rules/rule";
import type { RuleSetKind } from "../rules/rule-set";

/**
 * How an activity kind earns points. `count` kinds earn per unit (an article, a correct quiz
 * answer); `time` kinds earn per full `unitSec` of accumulated time that day, so two 90-second
 * sessions make one 3-minute unit and a remainder never earns.
 */
export interface KindRule {
  label: Message;
  measure: "count" | "time";
  /** points per unit; negative for deductions (违规扣减) */
  points: number;
  /** time kinds: seconds per unit */
  unitSec: number | null;
  /** most points the kind earns in a day (null: no cap) */
  dailyCap: number | null;
  /** most points the kind earns in an ISO week (weekly quizzes) */
  weeklyCap: number | null;
  /** a cap group the kind shares with others (reading: articles + reading time) */
  group: string | null;
  /** `branch`: only the branch records it (offline sessions, deductions) */
  recordedBy: "member" | "branch";
  /** its duration counts toward the member's class hours (docs/domain.md §Class hours) */
  classHours: boolean;
  /** one record longer than this is impossible */
  maxDurationSec: number | null;
  /** a count activity finished faster than this is implausible and earns nothing */
  minDurationSec: number | null;
  /** the same `ref` (article, video) earns once a day */
  distinctRef: boolean;
}

export interface StudyRules {
  kinds: Record<string, KindRule>;
  capGroups: Record<string, { label: Message; dailyCap: number }>;
  antiFarming: {
    /** more activities than this by one member within 60 seconds are flagged, not scored */
    maxPerMinute: number;
    /** clock skew tolerated before an activity counts as "in the future" */
    futureToleranceSec: number;
    /** how many days back a member may record their own activity */
    selfBackdateDays: number;
    /** points taken for each flagged activity */
    flagDeduction: number;
  };
  /** what member keys see of their branch's ranking (学习强国's lesson: make it configurable) */
  ranking: { memberView: "full" | "anonymous" | "self" | "hidden" };
  /** class hours a year (党员教育管理工作条例 2019) */
  classHours: { member: number; committee: number };
  meetings: CadenceRule[];
  /** the district's study library: reading tickets and what a redeemed one records */
  library: LibraryRules;
  /** how points a client claimed (not earned in the library) count */
  claimed: ClaimedRules;
}

/** docs/domain.md §Study library. */
export interface LibraryRules {
  /** open reading tickets a member may hold at once */
  maxOpenTickets: number;
  /** how long a ticket stays redeemable once its minimum time has passed */
  ticketWindowSec: number;
  /** an article's minimum reading time unless its publisher sets one: its characters at this pace… */
  charsPerMinute: number;
  /** …and never less than this */
  minReadSec: number;
  /** what a redeemed article ticket records: count kinds one unit, timed kinds its minimum time */
  articleKinds: string[];
  /** what a redeemed video ticket records: count kinds one unit, timed kinds the video's duration */
  videoKinds: string[];
}

/** docs/domain.md §Earned and claimed points. */
export interface ClaimedRules {
  /** what one claimed point counts for, 0 to 1 */
  weight: number;
  /** whether claimed points count in the leaderboards (else they rank by earned points alone) */
  ranked: boolean;
}

export const DEFAULT_LIBRARY_RULES: LibraryRules = {
  maxOpenTickets: 3,
  ticketWindowSec: 7200,
  charsPerMinute: 400,
  minReadSec: 30,
  articleKinds: ["article", "article_time"],
  videoKinds: ["video", "video_time"],
};

export const DEFAULT_CLAIMED_RULES: ClaimedRules = { weight: 1, ranked: true };

const kind = (k: Partial<KindRule> & Pick<KindRule, "label" | "points">): KindRule => ({
  measure: "count",
  unitSec: null,
  dailyCap: null,
  weeklyCap: null,
  group: null,
  recordedBy: "member",
  classHours: false,
  maxDurationSec: null,
  minDurationSec: null,
  distinctRef: false,
  ...k,
});

/** docs/domain.md §Study points: the realistic default every district starts from (version 0). */
export const DEFAULT_STUDY_RULES: StudyRules = {
  kinds: {
    login: kind({ label: { zh: "登录", en: "Login" }, points: 1, dailyCap: 1 }),
    article: kind({
      label: { zh: "阅读文章", en: "Articles read" },
      points: 1,
      group: "reading",
      minDurationSec: 10,
      distinctRef: true,
    }),
    article_time: kind({
      label: { zh: "文章学习时长", en: "Reading time" },
      measure: "time",
      points: 1,
      unitSec: 120,
      group: "reading",
      maxDurationSec: 4 * 3600,
    }),
    video: kind({
      label: { zh: "观看视频", en: "Videos watched" },
      points: 1,
      dailyCap: 6,
      minDurationSec: 10,
      distinctRef: true,
    }),
    video_time: kind({
      label: { zh: "视听学习时长", en: "Viewing time" },
      measure: "time",
      points: 1,
      unitSec: 180,
      dailyCap: 6,
      maxDurationSec: 4 * 3600,
    }),
    daily_quiz: kind({ label: { zh: "每日答题", en: "Daily quiz" }, points: 1, dailyCap: 5 }),
    weekly_quiz: kind({
      label: { zh: "每周答题", en: "Weekly quiz" },
      points: 1,
      dailyCap: 5,
      weeklyCap: 5,
    }),
    special_quiz: kind({ label: { zh: "专项答题", en: "Special quiz" }, points: 1, dailyCap: 10 }),
    offline_session: kind({
      label: { zh: "线下集中学习", en: "Offline study session" },
      measure: "time",
      points: 1,
      unitSec: 1800,
      recordedBy: "branch",
      classHours: true,
      maxDurationSec: 8 * 3600,
    }),
    deduction: kind({ label: { zh: "违规扣减", en: "Deduction" }, points: -1, recordedBy: "branch" }),
    // a featured 学习体会: the branch features it, the server records it once (docs/domain.md §Study reflections)
    reflection: kind({
      label: { zh: "学习体会被推荐", en: "Featured reflection" },
      points: 5,
      dailyCap: 5,
      recordedBy: "branch",
    }),
  },
  capGroups: {
    reading: { label: { zh: "阅读（文章与时长）", en: "Reading (articles and time)" }, dailyCap: 12 },
  },
  antiFarming: { maxPerMinute: 6, futureToleranceSec: 300, selfBackdateDays: 3, flagDeduction: 1 },
  ranking: { memberView: "full" },
  classHours: { member: 32, committee: 56 },
  meetings: DEFAULT_MEETING_CADENCE,
  library: DEFAULT_LIBRARY_RULES,
  claimed: DEFAULT_CLAIMED_RULES,
};

/**
 * A stored body as the code reads it: versions published before the library and the claimed
 * weight existed take those sections' defaults (docs/domain.md §Rule sets and versions).
 */
export function withStudyDefaults(
  body: Omit<StudyRules, "library" | "claimed"> & Partial<StudyRules>,
): StudyRules {
  return {
    ...body,
    library: { ...DEFAULT_LIBRARY_RULES, ...body.library },
    claimed: { ...DEFAULT_CLAIMED_RULES, ...body.claimed },
  };
}

/** Consistency a schema cannot express: references between parts of the rule set. */
export function checkStudyRules(r: StudyRules): RuleFailure[] {
  const out: RuleFailure[] = [];
  for (const [code, k] of Object.entries(r.kinds)) {
    if (k.group !== null && !r.capGroups[k.group]) {
      out.push(
        failure(
          "study_rules_unknown_group",
          {
            zh: `活动 ${code} 引用了不存在的上限组`,
            en: `Kind ${code} names a cap group that does not exist`,
          },
          { kind: code, group: k.group },
        ),
      );
    }
    if (k.measure === "time" && !(k.unitSec && k.unitSec > 0)) {
      out.push(
        failure(
          "study_rules_time_unit",
          { zh: `计时活动 ${code} 须设置计分时长单位`, en: `Timed kind ${code} needs unitSec` },
          { kind: code },
        ),
      );
    }
    if (k.points < 0 && (k.dailyCap !== null || k.weeklyCap !== null || k.group !== null)) {
      out.push(
        failure(
          "study_rules_capped_deduction",
          { zh: `扣分项 ${code} 不能设置上限`, en: `Deduction kind ${code} cannot have caps` },
          { kind: code },
        ),
      );
    }
  }
  for (const [list, code] of [
    [r.library.articleKinds, "articleKinds"],
    [r.library.videoKinds, "videoKinds"],
  ] as const) {
    for (const k of list) {
      const rule = r.kinds[k];
      if (!rule || rule.points <= 0 || rule.recordedBy !== "member") {
        out.push(
          failure(
            "study_rules_library_kind",
            {
              zh: `学习资料记录的活动 ${k} 须是党员本人记录、计正分的活动`,
              en: `The library's kind ${k} must be an earning kind members record`,
            },
            { list: code, kind: k },
          ),
        );
      }
    }
  }
  const codes = r.meetings.map((m) => m.code);
  const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (repeated.length) {
    out.push(
      failure(
        "study_rules_duplicate_cadence",
        { zh: "会议频次规则编码重复", en: "Meeting cadence codes must be unique" },
        { codes: [...new Set(repeated)] },
      ),
    );
  }
  return out;
}

/** The study rule set (module `study`): a body stored before the library and claimed points existed reads their defaults. */
export const STUDY_RULES_KIND: RuleSetKind<StudyRules, "study"> = {
  module: "study",
  defaults: DEFAULT_STUDY_RULES,
  resolve: (body) => withStudyDefaults(body as StudyRules),
  check: checkStudyRules,
};
