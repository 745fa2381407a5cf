import { addYears } from "../calendar/dates";
import type { MemberStatus } from "../members/member";
import { failure, type RuleFailure } from "../rules/rule";
import type { PracticeRules } from "./rules";

/**
 * 换届选举 of a branch committee at the general assembly (docs/domain.md §Committee terms and
 * elections): a quorum of the expected voters, more candidates than seats (差额), votes that fit the
 * voters present, and each elected with more than the set share of the voters.
 */
export interface ElectionInput {
  heldOn: string;
  today: string;
  /** voters with voting rights expected (应到) and present (实到) */
  expectedVoters: number;
  presentVoters: number;
  seats: number;
  candidates: { memberId: string; votes: number; status: MemberStatus | null }[];
}

/** 基层组织选举工作条例: the meeting is valid with more than four fifths of the expected voters. */
export const ELECTION_QUORUM = { numerator: 4, denominator: 5 } as const;

export interface ElectionOutcome {
  failures: RuleFailure[];
  /** elected members, most votes first */
  elected: string[];
  /** votes a candidate needed: more than this */
  threshold: number;
  termStart: string;
  termEnd: string;
}

/** Candidates needed for `seats` seats with a margin of `percent` % (差额): ⌈seats × (1 + p)⌉. */
export function minimumCandidates(seats: number, percent: number): number {
  return percent > 0 ? Math.ceil((seats * (100 + percent)) / 100 - 1e-9) : seats;
}

export function decideElection(e: ElectionInput, rules: PracticeRules): ElectionOutcome {
  const out: RuleFailure[] = [];
  const termStart = e.heldOn;
  const termEnd = addYears(e.heldOn, rules.committee.termYears);
  if (e.heldOn > e.today) {
    out.push(
      failure(
        "election_date_in_future",
        { zh: "选举日期不能晚于今天", en: "An election cannot be dated in the future" },
        { heldOn: e.heldOn, today: e.today },
      ),
    );
  }
  if (e.presentVoters > e.expectedVoters) {
    out.push(
      failure(
        "election_present_exceeds_expected",
        { zh: "实到人数不能多于应到人数", en: "More voters present than expected" },
        { expectedVoters: e.expectedVoters, presentVoters: e.presentVoters },
      ),
    );
  } else if (e.presentVoters * ELECTION_QUORUM.denominator <= e.expectedVoters * ELECTION_QUORUM.numerator) {
    out.push(
      failure(
        "election_quorum_not_met",
        {
          zh: `到会有选举权的党员须超过应到人数的五分之四（应到${e.expectedVoters}人，实到${e.presentVoters}人）`,
          en: `More than four fifths of the expected voters must be present (${e.presentVoters} of ${e.expectedVoters})`,
        },
        { expectedVoters: e.expectedVoters, presentVoters: e.presentVoters, quorum: ELECTION_QUORUM },
      ),
    );
  }
  const ids = e.candidates.map((c) => c.memberId);
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (repeated.length) {
    out.push(
      failure(
        "election_candidate_repeated",
        { zh: "同一候选人不能重复列出", en: "A candidate is listed more than once" },
        { memberIds: repeated },
      ),
    );
  }
  const needed = minimumCandidates(e.seats, rules.election.candidateMarginPercent);
  if (e.candidates.length < needed) {
    out.push(
      failure(
        "election_margin_too_small",
        {
          zh: `差额选举：候选人应多于应选人数的${rules.election.candidateMarginPercent}%（应选${e.seats}名，至少${needed}名候选人，提交了${e.candidates.length}名）`,
          en: `A contested election needs ${rules.election.candidateMarginPercent}% more candidates than seats (${e.seats} seats: at least ${needed} candidates; ${e.candidates.length} given)`,
        },
        {
          seats: e.seats,
          candidates: e.candidates.length,
          minimum: needed,
          marginPercent: rules.election.candidateMarginPercent,
        },
      ),
    );
  }
  for (const c of e.candidates) {
    if (c.votes > e.presentVoters) {
      out.push(
        failure(
          "election_votes_exceed_present",
          {
            zh: `候选人得票（${c.votes}）不能多于实到人数（${e.presentVoters}）`,
            en: `A candidate's votes (${c.votes}) exceed the voters present (${e.presentVoters})`,
          },
          { memberId: c.memberId, votes: c.votes, presentVoters: e.presentVoters },
        ),
      );
    }
    if (c.status !== "full") {
      out.push(
        failure(
          "election_candidate_not_full",
          { zh: "候选人须为本支部正式党员", en: "Candidates must be full members of the branch" },
          { memberId: c.memberId, status: c.status },
        ),
      );
    }
  }
  const totalVotes = e.candidates.reduce((s, c) => s + c.votes, 0);
  if (totalVotes > e.presentVoters * e.seats) {
    out.push(
      failure(
        "election_votes_exceed_ballots",
        {
          zh: `总票数（${totalVotes}）超过选票所能容纳的票数（实到${e.presentVoters}人×应选${e.seats}名）`,
          en: `The votes (${totalVotes}) exceed what the ballots hold (${e.presentVoters} voters × ${e.seats} seats)`,
        },
        { totalVotes, presentVoters: e.presentVoters, seats: e.seats },
      ),
    );
  }
  const { numerator, denominator } = rules.election.majorityOfPresent;
  const threshold = (e.presentVoters * numerator) / denominator;
  const passing = e.candidates.filter((c) => c.votes > threshold).sort((a, b) => b.votes - a.votes);
  let elected = passing.slice(0, e.seats);
  const last = elected.at(-1);
  const next = passing[e.seats];
  if (last && next && next.votes === last.votes) {
    out.push(
      failure(
        "election_tie_for_last_seat",
        {
          zh: "最后一个名额得票相等，须对得票相等的候选人再次投票",
          en: "Candidates tie for the last seat; they are voted on again",
        },
        {
          votes: last.votes,
          memberIds: passing.filter((c) => c.votes === last.votes).map((c) => c.memberId),
        },
      ),
    );
  }
  if (elected.length === 0 && out.length === 0) {
    out.push(
      failure(
        "election_none_elected",
        {
          zh: `无人得票超过实到人数的${numerator}/${denominator}，本次选举无人当选`,
          en: `No candidate has more than ${numerator}/${denominator} of the voters present; nobody is elected`,
        },
        { threshold, presentVoters: e.presentVoters },
      ),
    );
  }
  if (out.length) elected = [];
  return { failures: out, elected: elected.map((c) => c.memberId), threshold, termStart, termEnd };
}
