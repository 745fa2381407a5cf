import type { Lang } from "./lang";

/** A command's usage line and what it does, in both languages (`vanguard <command> --help`). */
export interface CommandHelp {
  usage: string;
  zh: string;
  en: string;
}

export const COMMANDS: Record<string, CommandHelp> = {
  "districts create": {
    usage: "vanguard districts create --code <code> --name <名称> [--shard 0] [--time-zone Asia/Shanghai]",
    zh: "创建区县（平台管理员密钥）",
    en: "Create a district (platform admin key)",
  },
  "districts list": {
    usage: "vanguard districts list [--limit 200]",
    zh: "列出可见的全部区县（每次取 --limit 条，自动翻页到底）",
    en: "List every district in the key's scope (--limit a request, paging to the end)",
  },
  "branches create": {
    usage:
      "vanguard branches create --district <id> --name <名称> --kind branch|general_branch|committee --founded-on YYYY-MM-DD [--parent <id>]",
    zh: "在区县下开设支部（区县管理员密钥）",
    en: "Provision a branch in a district (district admin key)",
  },
  "branches list": {
    usage: "vanguard branches list --district <id> [--limit 200]",
    zh: "列出区县的全部支部（每次取 --limit 条，自动翻页到底）",
    en: "List every branch of a district (--limit a request, paging to the end)",
  },
  "keys issue": {
    usage:
      "vanguard keys issue --district <id> --role district_admin|auditor --label <text>\n  vanguard keys issue --branch <id> --role branch_admin|member [--member <id>] --label <text>",
    zh: "签发区县或支部的 API 密钥（只显示一次）",
    en: "Issue a district or branch API key (shown once)",
  },
  "keys revoke": {
    usage: "vanguard keys revoke <keyId>",
    zh: "吊销密钥，立即失效",
    en: "Revoke a key; it stops working at once",
  },
  "members import": {
    usage: "vanguard members import --branch <id> <file.csv|file.xlsx> [--chunk 1000]",
    zh: "导入党员名册（CSV：UTF-8 或 GB18030；或 xlsx）。可放心重复运行：已在名册上的人记为未变，不会重复创建",
    en: "Import a roll (CSV in UTF-8 or GB18030, or xlsx). Safe to run again: people already on the roll come back unchanged, nobody is created twice",
  },
  "members export": {
    usage:
      "vanguard members export --branch <id> --out <file.csv> [--status full|probationary|…] [--include-left]",
    zh: "导出党员花名册为 CSV（中文表头与导入相同，证件号和手机号脱敏）；--include-left 连同已转出的人",
    en: "Save the roll as CSV (the import's headers; identity and phone numbers masked); --include-left adds those transferred out",
  },
  "reports pull": {
    usage:
      "vanguard reports pull compliance|development|study|trends [--district <id>] [--branch <id>] [--period|--year|--month|--months …] [--out <file.csv|file.json>]",
    zh: "下载统计报表：--out 以 .csv 结尾存为 CSV，否则存 JSON；不给 --out 则打印",
    en: "Download a report: CSV when --out ends in .csv, else JSON; printed when there is no --out",
  },
  "audits run": {
    usage: "vanguard audits run [--district <id>] [--date YYYY-MM-DD] [--wait]",
    zh: "立即运行审计；--wait 等到运行结束",
    en: "Run the audit now; --wait waits until it is done",
  },
};

const COMMON = {
  zh: `通用选项：
  --url <地址>    默认 $VANGUARD_URL 或 http://127.0.0.1:8787
  --key <密钥>    默认 $VANGUARD_KEY
  --lang zh|en    提示语言；默认按 LANG（zh_* 为中文，否则英文）
  --json          打印接口原始应答
  --help          本命令的用法
  --version       版本号`,
  en: `Every command takes:
  --url <url>     default $VANGUARD_URL or http://127.0.0.1:8787
  --key <key>     default $VANGUARD_KEY
  --lang zh|en    messages' language; by default from LANG (zh_* is Chinese, else English)
  --json          print the API's answer as it is
  --help          this command's usage
  --version       the version`,
};

export function overallHelp(lang: Lang): string {
  const zh = lang === "zh-CN";
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${zh ? c.zh : c.en}`);
  return [
    zh ? "vanguard — 先锋 Vanguard 命令行" : "vanguard — the Vanguard 先锋 command line",
    "",
    ...lines,
    "",
    zh ? COMMON.zh : COMMON.en,
  ].join("\n");
}

export function commandHelp(name: string, lang: Lang): string {
  const c = COMMANDS[name]!;
  const zh = lang === "zh-CN";
  return [`${zh ? "用法" : "Usage"}: ${c.usage}`, "", zh ? c.zh : c.en, "", zh ? COMMON.zh : COMMON.en].join(
    "\n",
  );
}
