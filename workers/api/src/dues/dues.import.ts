import {
  insertPayments,
  newId,
  paymentsBetween,
  rollForHistory,
  type TenantContext,
  tenantWrite,
} from "@vanguard/db";
import {
  checkDuesHistory,
  findOnRoll,
  indexRoll,
  MANAGE_BRANCH,
  parseDay,
  parseMonth,
  parseYuan,
  type RuleFailure,
  todayIn,
  yuanToFen,
} from "@vanguard/domain";
import {
  type AppRouteHandler,
  branchScope,
  checkLineLimit,
  type ImportIssue,
  invalid,
  type Keyring,
  localizeRejections,
  mapColumns,
  PERSON_COLUMNS,
  personalDataKeys,
  personRefOf,
  readUploadTable,
  rowFields,
  type UploadTable,
  writeRequest,
} from "@vanguard/platform";
import type { ApiBindings } from "../env";
import type { ImportRoute } from "./dues.routes";

const COLUMNS = {
  ...PERSON_COLUMNS,
  month: ["month", "月份", "所属月份", "党费月份", "交纳月份"],
  amount: ["amount", "金额", "交纳金额", "党费金额", "实交金额"],
  paidOn: ["paidOn", "交纳日期", "缴纳日期"],
} as const;

interface Planned {
  rows: Parameters<typeof insertPayments>[1];
  lines: Map<string, number>;
  unchanged: number;
  rejected: { line: number; errors: ImportIssue[] }[];
}

const issues = (fs: RuleFailure[]): ImportIssue[] => fs.map((f) => ({ rule: f.rule, message: f.message }));

/**
 * Checks every line of a dues history file against the roll and what is already recorded: one
 * read of each, whatever the file's length. A line names a payment by member and month, which is
 * its identity: a month already paid at the same amount is `unchanged`, so a rerun creates nothing.
 */
async function plan(tc: TenantContext, table: UploadTable, keys: Keyring, actor: string): Promise<Planned> {
  const cols = mapColumns(table.header, COLUMNS, ["month", "amount"]);
  if (!cols.ok) throw invalid("header", cols.message);
  const today = todayIn(tc.timeZone);
  const parsed: { line: number; memberId: string; month: string; amountFen: number; paidOn: string }[] = [];
  const rejected: Planned["rejected"] = [];
  const index = indexRoll(await rollForHistory(tc));
  for (const row of table.rows) {
    const f = rowFields(cols.index, row);
    const errors: ImportIssue[] = [];
    const who = await personRefOf(keys, f);
    const found = "ref" in who ? findOnRoll(index, who.ref) : who;
    if ("failure" in found) errors.push(...issues([found.failure]));
    const month = f.month ? parseMonth(f.month) : null;
    if (!month)
      errors.push({
        path: "month",
        message: { zh: `月份无法识别：${f.month ?? ""}`, en: `Unreadable month: ${f.month ?? ""}` },
      });
    const amount = f.amount ? parseYuan(f.amount) : null;
    if (amount === null)
      errors.push({
        path: "amount",
        message: { zh: `金额无效：${f.amount ?? ""}`, en: `Invalid amount: ${f.amount ?? ""}` },
      });
    const paidOn = f.paidOn ? parseDay(f.paidOn) : month ? `${month}-01` : null;
    if (!paidOn)
      errors.push({
        path: "paidOn",
        message: { zh: `交纳日期无法识别：${f.paidOn}`, en: `Unreadable payment date: ${f.paidOn}` },
      });
    if ("person" in found && month && amount !== null && paidOn) {
      errors.push(
        ...issues(checkDuesHistory({ month, amountFen: yuanToFen(amount), paidOn }, found.person, today)),
      );
    }
    if (errors.length || !("person" in found) || !month || amount === null || !paidOn) {
      rejected.push({ line: row.line, errors });
      continue;
    }
    parsed.push({ line: row.line, memberId: found.person.id, month, amountFen: yuanToFen(amount), paidOn });
  }
  const months = parsed.map((p) => p.month).sort();
  const recorded = months.length ? await paymentsBetween(tc, months[0]!, months.at(-1)!) : [];
  const have = new Map(recorded.map((p) => [`${p.memberId}|${p.month}`, p.amountFen]));
  const now = new Date().toISOString();
  const rows: Planned["rows"] = [];
  const lines = new Map<string, number>();
  let unchanged = 0;
  for (const p of parsed) {
    const key = `${p.memberId}|${p.month}`;
    const prior = have.get(key);
    if (prior === p.amountFen) {
      unchanged++;
      continue;
    }
    if (prior !== undefined) {
      const earlier = lines.get(key);
      rejected.push({
        line: p.line,
        errors: [
          {
            rule: earlier ? "duplicate_line" : "dues_already_recorded",
            message: earlier
              ? {
                  zh: `与第 ${earlier} 行重复（同一党员同一月份）`,
                  en: `Repeats line ${earlier} (same member and month)`,
                }
              : {
                  zh: `该党员 ${p.month} 的党费已登记为其他金额`,
                  en: `Dues for ${p.month} are recorded with another amount`,
                },
          },
        ],
      });
      continue;
    }
    have.set(key, p.amountFen);
    lines.set(key, p.line);
    rows.push({
      id: newId("payment"),
      memberId: p.memberId,
      month: p.month,
      amountFen: p.amountFen,
      paidOn: p.paidOn,
      recordedAt: now,
      recordedBy: actor,
      importedFrom: table.sha256,
    });
  }
  return { rows, lines, unchanged, rejected };
}

/**
 * POST …/dues/import: a branch joining mid-year brings its past payments. Valid lines land together
 * in one transaction, each payment in the event log as `dues.imported` with the file's SHA-256 and
 * its line; rejected lines are reported with their reasons; `?dryRun=true` answers without writing.
 */
export const importHistory: AppRouteHandler<ImportRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { dryRun } = c.req.valid("query");
  const { tc } = await branchScope(c, branchId, MANAGE_BRANCH);
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
    created: p.rows.length,
    unchanged: p.unchanged,
    rejected: localizeRejections(p.rejected, c.get("lang")),
  });
  if (dryRun === "true") return c.json(report(await plan(tc, table, keys, actor), true), 200);
  const result = await tenantWrite(tc, await writeRequest(c), async ({ event }) => {
    const p = await plan(tc, table, keys, actor);
    return {
      statements: insertPayments(tc, p.rows),
      events: p.rows.map((r) =>
        event({
          action: "dues.imported",
          subjectType: "member",
          subjectId: r.memberId,
          after: {
            id: r.id,
            month: r.month,
            amount: r.amountFen / 100,
            paidOn: r.paidOn,
            import: { sha256: table.sha256, line: p.lines.get(`${r.memberId}|${r.month}`) },
          },
        }),
      ),
      result: report(p, false),
    };
  });
  return c.json(result, 200);
};
