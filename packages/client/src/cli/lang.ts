export type Lang = "zh-CN" | "en";

/**
 * The user's language: `--lang`, else VANGUARD_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG, as
 * POSIX orders them): Chinese for zh_*, English otherwise.
 */
export function userLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  // an empty variable counts as unset, as POSIX has it
  const chosen = [flag, env.VANGUARD_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v) ?? "";
  return /^zh/i.test(chosen) ? "zh-CN" : "en";
}

/** The fields the API names in `errors[].path`, as a clerk knows them. */
const FIELDS_ZH: Record<string, string> = {
  name: "姓名/名称",
  gender: "性别",
  birthDate: "出生日期",
  status: "状态",
  joinedOn: "入党日期",
  joinedBranchOn: "转入本支部日期",
  idNumber: "身份证号",
  phone: "手机号",
  education: "学历",
  code: "代码",
  timeZone: "时区",
  shard: "分片",
  kind: "组织类型",
  foundedOn: "成立日期",
  parentId: "上级组织",
  recordsFrom: "记录起始日",
  role: "角色",
  label: "用途说明",
  memberId: "党员",
  districtId: "区县",
  branchId: "支部",
  period: "统计期",
  year: "年度",
  month: "月份",
  months: "月数",
  date: "日期",
  amount: "金额",
  paidOn: "缴纳日期",
  limit: "每页条数",
  cursor: "翻页游标",
  format: "格式",
};

/** `attendees.0.memberId` → `attendees.第1项.党员` in Chinese; English keeps the API's names. */
export function fieldName(path: string, lang: Lang): string {
  if (lang !== "zh-CN" || !path) return path;
  return path
    .split(".")
    .map((seg) => (/^\d+$/.test(seg) ? `第${Number(seg) + 1}项` : (FIELDS_ZH[seg] ?? seg)))
    .join(".");
}
