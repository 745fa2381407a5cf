import { currentMembersMatching, insertMembers, type MemberRow, tenantWrite } from "@vanguard/db";
import {
  checkMemberFacts,
  MANAGE_BRANCH,
  type Message,
  nameBirthKey,
  type RollFields,
  RollMatcher,
  type RuleFailure,
  todayIn,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  branchScope,
  duplicatePerson,
  invalid,
  issuePath,
  localizeIssue,
  onAnotherRoll,
  readUploadTable,
  reserveOnRoll,
  sealedMemberRow,
  type UploadTable,
  writeRequest,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import { mapHeader, rowValues } from "./csv-rows";
import type { ImportRoute } from "./members.routes";
import { MemberInput } from "./members.schemas";
import { memberView } from "./members.view";

export const MAX_IMPORT_ROWS = 10_000;

interface Rejection {
  line: number;
  errors: { path?: string; rule?: string; message: Message }[];
}

const DUPLICATE_IN_FILE: Message = {
  zh: "文件中身份证号重复",
  en: "The identity number repeats an earlier row",
};

/** The roll as uploaded: CSV (UTF-8 or GB18030) or xlsx, read by the one upload reader. */
function readCsv(c: Parameters<AppRouteHandler<ImportRoute, ApiBindings>>[0]): Promise<UploadTable> {
  return readUploadTable(c.req);
}

/**
 * Every row is checked like a single create; the valid ones are sealed and written in one batch
 * (one transaction, `json_each` chunks under D1's parameter limit), the rest are reported by line.
 */
export const importCsv: AppRouteHandler<ImportRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { tc } = await branchScope(c, branchId, MANAGE_BRANCH);
  const parsed = await readCsv(c);
  const header = mapHeader(parsed.header);
  if (!header.ok) {
    throw invalid("header", {
      zh: `表头缺少：${header.missing.join("、") || "无"}；无法识别：${header.unknown.join("、") || "无"}`,
      en: `Header missing: ${header.missing.join(", ") || "none"}; unknown: ${header.unknown.join(", ") || "none"}`,
    });
  }
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    throw invalid("body", {
      zh: `一次最多导入 ${MAX_IMPORT_ROWS} 行，本文件 ${parsed.rows.length} 行`,
      en: `At most ${MAX_IMPORT_ROWS} rows per import; this file has ${parsed.rows.length}`,
    });
  }

  const today = todayIn(tc.timeZone);
  const rejected: Rejection[] = [];
  const candidates: { line: number; row: MemberRow }[] = [];
  const at = new Date().toISOString();
  const seenInFile = new Set<string>();
  for (const { line, cells } of parsed.rows) {
    const result = MemberInput.safeParse(rowValues(header.fields, cells));
    if (!result.success) {
      rejected.push({
        line,
        errors: result.error.issues.map((i) => ({ path: issuePath(i), message: localizeIssue(i) })),
      });
      continue;
    }
    const m = result.data;
    const failures = checkMemberFacts(m, today);
    if (failures.length) {
      rejected.push({ line, errors: failures.map((f) => ({ rule: f.rule, message: f.message })) });
      continue;
    }
    const row = await sealedMemberRow(c.env, tc, m, at);
    if (row.idNumberHash) {
      if (seenInFile.has(row.idNumberHash)) {
        rejected.push({
          line,
          errors: [{ path: "idNumber", rule: "unique_id_number", message: DUPLICATE_IN_FILE }],
        });
        continue;
      }
      seenInFile.add(row.idNumberHash);
    }
    candidates.push({ line, row });
  }

  // a person who is a current member of another branch cannot join this roll too
  const { verdicts, release } = await reserveOnRoll(
    c,
    tc,
    candidates.map((a) => a.row),
  );
  const refusals = new Map<string, Promise<RuleFailure>>();
  const accepted: typeof candidates = [];
  for (const a of candidates) {
    const v = verdicts.get(a.row.id)!;
    if (v.kind !== "held_elsewhere") {
      accepted.push(a);
      continue;
    }
    if (!refusals.has(v.place.branchId)) refusals.set(v.place.branchId, onAnotherRoll(c, v.place));
    const f = await refusals.get(v.place.branchId)!;
    rejected.push({ line: a.line, errors: [{ path: "idNumber", rule: f.rule, message: f.message }] });
  }

  const lang = c.get("lang");
  const say = (m: Message) => (lang === "en" ? m.en : m.zh);
  let written = new Set<string>();
  const outcome = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    // the people already on the roll: a rerun, or a file split or fixed up between runs
    const onRoll: (RollFields & { id: string })[] = await currentMembersMatching(
      tc,
      accepted.flatMap((a) => (a.row.idNumberHash ? [a.row.idNumberHash] : [])),
      accepted.map((a) => nameBirthKey(a.row)),
    );
    const roll = new RollMatcher(onRoll);
    const fresh: typeof accepted = [];
    const unchanged: { line: number; memberId: string }[] = [];
    const conflicts: { line: number; memberId: string; fields: string[] }[] = [];
    for (const a of accepted) {
      const match = roll.match(a.row);
      if (match.kind === "new") {
        fresh.push(a);
        roll.add(a.row); // a later row of this file may be the same person
      } else if (match.differs.length === 0) {
        unchanged.push({ line: a.line, memberId: match.memberId });
      } else {
        conflicts.push({ line: a.line, memberId: match.memberId, fields: match.differs });
      }
    }
    written = new Set(fresh.map((a) => a.row.id));
    return {
      statements: insertMembers(
        tc,
        fresh.map((a) => a.row),
      ),
      events: fresh.map((a) =>
        event({
          action: "member.imported",
          subjectType: "member",
          subjectId: a.row.id,
          after: memberView(a.row),
        }),
      ),
      result: {
        created: fresh.length,
        unchanged,
        conflicts,
        rejected: rejected
          .sort((x, y) => x.line - y.line)
          .map((r) => ({
            line: r.line,
            errors: r.errors.map((e) => ({ ...e, message: say(e.message) })),
          })),
      },
    };
  })
    .catch(async (err) => {
      await release(candidates.map((a) => a.row.id));
      throw err;
    })
    .catch(duplicatePerson);
  await release(candidates.map((a) => a.row.id).filter((id) => !written.has(id)));
  return c.json(outcome, 200);
};
