import { listMembers } from "@vanguard/db";
import { GENDER_ZH, MEMBER_STATUS_ZH, READ_BRANCH, todayIn } from "@vanguard/domain";
import { type AppRouteHandler, branchScope } from "@vanguard/platform";
import type { ApiBindings } from "../env";
import { type Column, csvResponse } from "../shared/csv";
import type { exportRoll } from "./members.routes";
import { type MemberView, memberView } from "./members.view";

/**
 * The 花名册's columns. In Chinese the headers are words the import reads (csv-rows.ts), and the
 * values the roll's own words; the numbers stay masked as in every list (docs/domain.md §Personal data).
 */
const ROLL_COLUMNS: readonly Column<MemberView>[] = [
  { zh: "姓名", en: "name", value: (m) => m.name },
  { zh: "性别", en: "gender", value: (m, lang) => (lang === "en" ? m.gender : GENDER_ZH[m.gender]) },
  { zh: "出生日期", en: "birthDate", value: (m) => m.birthDate },
  {
    zh: "人员类别",
    en: "status",
    value: (m, lang) => (lang === "en" ? m.status : MEMBER_STATUS_ZH[m.status]),
  },
  { zh: "入党日期", en: "joinedOn", value: (m) => m.joinedOn },
  { zh: "转入本支部日期", en: "joinedBranchOn", value: (m) => m.joinedBranchOn },
  { zh: "身份证号", en: "idNumber", value: (m) => m.idNumber },
  { zh: "手机号", en: "phone", value: (m) => m.phone },
  { zh: "学历", en: "education", value: (m) => m.education },
];

const LEFT_COLUMNS: readonly Column<MemberView>[] = [
  { zh: "转出日期", en: "leftOn", value: (m) => m.leftOn },
  { zh: "转出原因", en: "leftReason", value: (m) => m.leftReason },
];

/** A page of the roll at a time: a branch holds tens of people, a general branch a few hundred. */
const PAGE = 500;

type ExportRoute = typeof exportRoll;

export const exportRollCsv: AppRouteHandler<ExportRoute, ApiBindings> = async (c) => {
  const { branchId } = c.req.valid("param");
  const { status, includeLeft } = c.req.valid("query");
  const { tc, branch } = await branchScope(c, branchId, READ_BRANCH);
  const role = c.get("principal").role;
  const left = includeLeft === "true";
  // read whole before the first byte, so a failure is still a problem and not a cut-off file
  const rows: MemberView[] = [];
  for (let after: string | undefined; ; ) {
    const page = await listMembers(tc, { limit: PAGE, after, status, includeLeft: left });
    rows.push(...page.map((m) => memberView(m, role)));
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  return csvResponse(
    {
      filename: `花名册-${branch.name}-${todayIn(tc.timeZone)}.csv`,
      lang: c.get("lang"),
      columns: left ? [...ROLL_COLUMNS, ...LEFT_COLUMNS] : ROLL_COLUMNS,
      requestId: c.get("requestId"),
    },
    [rows],
  );
};
