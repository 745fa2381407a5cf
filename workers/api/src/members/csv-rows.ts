import { excelSerialDate, GENDER_ZH, MEMBER_STATUS_ZH } from "@vanguard/domain";

/** Header spellings accepted for each field: the API's names and the ones staff spreadsheets use. */
const HEADERS: Record<string, string[]> = {
  name: ["name", "姓名"],
  gender: ["gender", "性别"],
  birthDate: ["birthdate", "birth_date", "出生日期", "出生年月日"],
  status: ["status", "状态", "人员类别"],
  joinedOn: ["joinedon", "joined_on", "入党日期", "入党时间"],
  joinedBranchOn: ["joinedbranchon", "joined_branch_on", "转入日期", "转入本支部日期", "到支部日期"],
  idNumber: ["idnumber", "id_number", "身份证号", "身份证号码", "公民身份号码"],
  phone: ["phone", "手机号", "手机号码", "联系电话"],
  education: ["education", "学历"],
};

const REQUIRED = ["name", "gender", "birthDate", "status"];

/** The roll's own words (as the export writes them), and the short forms staff spreadsheets use. */
const fromZh = (labels: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(labels).map(([code, zh]) => [zh, code]));
const GENDER_OF: Record<string, string> = fromZh(GENDER_ZH);
const STATUS_OF: Record<string, string> = {
  ...fromZh(MEMBER_STATUS_ZH),
  申请人: "applicant",
  积极分子: "activist",
  党员: "full",
};

export interface CsvRow {
  line: number;
  values: Record<string, string | null>;
}

export type HeaderResult =
  | { ok: true; fields: (string | null)[] }
  | { ok: false; missing: string[]; unknown: string[] };

export function mapHeader(header: string[]): HeaderResult {
  const fields = header.map((h) => {
    const key = h.trim().toLowerCase();
    return Object.entries(HEADERS).find(([, names]) => names.includes(key))?.[0] ?? null;
  });
  const missing = REQUIRED.filter((f) => !fields.includes(f));
  const unknown = header.filter((_, i) => fields[i] === null);
  return missing.length || unknown.length ? { ok: false, missing, unknown } : { ok: true, fields };
}

/**
 * Accepts the date forms spreadsheets produce: 1985-03-12, 1985/3/12, 1985.3.12, 1985年3月12日,
 * and an xlsx date cell's serial number.
 */
export function normalizeDate(v: string): string {
  const serial = excelSerialDate(v);
  if (serial) return serial;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : v;
}

function normalize(field: string, v: string): string {
  if (field === "gender") return GENDER_OF[v] ?? v.toLowerCase();
  if (field === "status") return STATUS_OF[v] ?? v.toLowerCase();
  if (field === "birthDate" || field === "joinedOn" || field === "joinedBranchOn") return normalizeDate(v);
  return v;
}

export function rowValues(fields: (string | null)[], cells: string[]): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  fields.forEach((f, i) => {
    if (!f) return;
    const raw = cells[i]?.trim() ?? "";
    values[f] = raw === "" ? null : normalize(f, raw);
  });
  return values;
}
