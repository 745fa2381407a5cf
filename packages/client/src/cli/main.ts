#!/usr/bin/env node
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { version } from "../../package.json";
import { createVanguardClient, VanguardError } from "../client";
import { paginate } from "../paginate";
import { globals, required, UsageError } from "./args";
import { COMMANDS, commandHelp, overallHelp } from "./commands";
import { importMembers } from "./import-members";
import { fieldName, type Lang, userLang } from "./lang";

type Out = (human: string, data: unknown) => void;

const OPTIONS = {
  url: { type: "string" },
  key: { type: "string" },
  lang: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  code: { type: "string" },
  name: { type: "string" },
  shard: { type: "string" },
  "time-zone": { type: "string" },
  district: { type: "string" },
  branch: { type: "string" },
  kind: { type: "string" },
  "founded-on": { type: "string" },
  parent: { type: "string" },
  role: { type: "string" },
  member: { type: "string" },
  label: { type: "string" },
  chunk: { type: "string" },
  period: { type: "string" },
  year: { type: "string" },
  month: { type: "string" },
  months: { type: "string" },
  limit: { type: "string" },
  out: { type: "string" },
  date: { type: "string" },
  wait: { type: "boolean" },
  status: { type: "string" },
  "include-left": { type: "boolean" },
} as const;

const REPORTS = ["compliance", "development", "study", "trends"];

/** A GET whose answer is a file (CSV or JSON) rather than a typed body; a problem is thrown. */
async function fetchFile(g: { url: string; key: string }, lang: Lang, path: string): Promise<Response> {
  const res = await fetch(`${g.url.replace(/\/$/, "")}${path}`, {
    headers: { authorization: `Bearer ${g.key}`, "accept-language": lang },
  });
  if (!res.ok || !res.body)
    throw new VanguardError(res.status, (await res.json().catch(() => ({}))) as object);
  return res;
}

async function saveTo(res: Response, file: string): Promise<void> {
  await pipeline(
    Readable.fromWeb(res.body as import("node:stream/web").ReadableStream),
    createWriteStream(file),
  );
}

/** What the process says and how it ends; `run` never exits itself, so tests can read it. */
async function run(argv: string[], lang: Lang): Promise<void> {
  const zh = lang === "zh-CN";
  const tr = (zhText: string, enText: string) => (zh ? zhText : enText);
  const { words, rest } = splitCommand(argv);
  const [group, action] = words;
  const name = `${group ?? ""} ${action ?? ""}`.trim();
  if (argv.includes("--version") || argv.includes("-v")) return void console.log(version);
  const known = name in COMMANDS;
  if (!group || group === "help" || (argv.some((a) => a === "--help" || a === "-h") && !known)) {
    return void console.log(overallHelp(lang));
  }
  if (!known)
    throw new UsageError(`${tr("没有这个命令", "unknown command")}: ${name}\n\n${overallHelp(lang)}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: OPTIONS,
  });
  if (values.help) return void console.log(commandHelp(name, lang));
  const g = globals(values, lang);
  const api = createVanguardClient({ baseUrl: g.url, key: g.key, lang });
  const out: Out = (human, data) => console.log(values.json ? JSON.stringify(data, null, 2) : human);

  switch (name) {
    case "districts create": {
      required(values, lang, "code", "name");
      const { data } = await api.POST("/v1/districts", {
        body: {
          code: values.code!,
          name: values.name!,
          ...(values["time-zone"] ? { timeZone: values["time-zone"] } : {}),
          ...(values.shard !== undefined ? { shard: Number(values.shard) } : {}),
        },
      });
      return out(
        tr(
          `区县 ${data!.id} ${data!.name}（分片 ${data!.shard}）`,
          `district ${data!.id} ${data!.name} (shard ${data!.shard})`,
        ),
        data,
      );
    }
    case "districts list": {
      const items = await all(
        paginate((cursor) =>
          api.GET("/v1/districts", { params: { query: { limit: pageSize(values.limit), cursor } } }),
        ),
      );
      return out(items.map((d) => `${d.id}  ${d.code}  ${d.name}  shard ${d.shard}`).join("\n"), { items });
    }
    case "branches create": {
      required(values, lang, "district", "name", "kind", "founded-on");
      const { data } = await api.POST("/v1/districts/{districtId}/branches", {
        params: { path: { districtId: values.district! } },
        body: {
          name: values.name!,
          kind: values.kind as "branch",
          foundedOn: values["founded-on"]!,
          ...(values.parent ? { parentId: values.parent } : {}),
        },
      });
      return out(tr(`支部 ${data!.id} ${data!.name}`, `branch ${data!.id} ${data!.name}`), data);
    }
    case "branches list": {
      required(values, lang, "district");
      const items = await all(
        paginate((cursor) =>
          api.GET("/v1/districts/{districtId}/branches", {
            params: {
              path: { districtId: values.district! },
              query: { limit: pageSize(values.limit), cursor },
            },
          }),
        ),
      );
      return out(items.map((b) => `${b.id}  ${b.kind}  ${b.name}`).join("\n"), { items });
    }
    case "keys issue": {
      required(values, lang, "role", "label");
      const once = tr("（只显示这一次：请立即保存）", "(shown once: store it now)");
      if (values.branch) {
        const { data } = await api.POST("/v1/branches/{branchId}/keys", {
          params: { path: { branchId: values.branch } },
          body: {
            role: values.role as "branch_admin",
            label: values.label!,
            ...(values.member ? { memberId: values.member } : {}),
          },
        });
        return out(`${data!.role} key ${data!.id}\n${data!.key}\n${once}`, data);
      }
      required(values, lang, "district");
      const { data } = await api.POST("/v1/districts/{districtId}/keys", {
        params: { path: { districtId: values.district! } },
        body: { role: values.role as "district_admin", label: values.label! },
      });
      return out(`${data!.role} key ${data!.id}\n${data!.key}\n${once}`, data);
    }
    case "keys revoke": {
      const keyId = positionals[0];
      if (!keyId) throw new UsageError(commandHelp(name, lang));
      await api.DELETE("/v1/keys/{keyId}", { params: { path: { keyId } } });
      return out(tr(`已吊销 ${keyId}`, `revoked ${keyId}`), { revoked: keyId });
    }
    case "members import": {
      required(values, lang, "branch");
      const file = positionals[0];
      if (!file) throw new UsageError(commandHelp(name, lang));
      const result = await importMembers({
        url: g.url,
        key: g.key,
        branchId: values.branch!,
        file,
        chunkSize: Number(values.chunk ?? 1000),
        lang,
        progress: Boolean(process.stderr.isTTY) && !values.json,
      });
      const line = (n: number) => tr(`  第 ${n} 行`, `  line ${n}`);
      const lines = result.rejected.map(
        (r) =>
          `${line(r.line)}: ${r.errors.map((e) => `${fieldName(e.path ?? "", lang) || (e.rule ?? "")} ${e.message}`.trim()).join("; ")}`,
      );
      const conflicts = result.conflicts.map(
        (r) =>
          `${line(r.line)}: ${tr(
            `已在名册上（${r.memberId}），但${r.fields.map((f) => fieldName(f, lang)).join("、")}不同，未改动`,
            `already on the roll as ${r.memberId}, differs in ${r.fields.join(", ")}; left as it is`,
          )}`,
      );
      const counts = tr(
        `新建 ${result.created}，未变 ${result.unchanged.length}，冲突 ${result.conflicts.length}，拒收 ${result.rejected.length}`,
        `created ${result.created}, unchanged ${result.unchanged.length}, conflicts ${result.conflicts.length}, rejected ${result.rejected.length}`,
      );
      const replayed = result.replayedChunks
        ? [
            tr(
              `（其中 ${result.replayedChunks} 批与此前导入的是同一文件，服务器按当时的结果作答，这次没有写入任何数据）`,
              `(${result.replayedChunks} chunk(s) of this same file were imported before: the server answered as it did then and wrote nothing now)`,
            ),
          ]
        : [];
      return out([counts, ...replayed, ...conflicts, ...lines].join("\n"), result);
    }
    case "members export": {
      required(values, lang, "branch", "out");
      const query = new URLSearchParams();
      if (values.status) query.set("status", values.status);
      if (values["include-left"]) query.set("includeLeft", "true");
      await saveTo(
        await fetchFile(g, lang, `/v1/branches/${values.branch}/members/export?${query}`),
        values.out!,
      );
      return out(tr(`花名册已写入 ${values.out}`, `wrote the roll to ${values.out}`), { out: values.out });
    }
    case "reports pull": {
      const report = positionals[0];
      if (!report || !REPORTS.includes(report)) throw new UsageError(commandHelp(name, lang));
      const query = new URLSearchParams();
      if (values.district) query.set("districtId", values.district);
      if (values.branch) query.set("branchId", values.branch);
      for (const k of ["period", "year", "month", "months"] as const) if (values[k]) query.set(k, values[k]!);
      const csv = Boolean(values.out?.toLowerCase().endsWith(".csv"));
      if (csv) query.set("format", "csv");
      const res = await fetchFile(g, lang, `/v1/reports/${report}?${query}`);
      if (!values.out) {
        const data = await res.json();
        return out(JSON.stringify(data, null, 2), data);
      }
      await saveTo(res, values.out);
      return out(tr(`已写入 ${values.out}`, `wrote ${values.out}`), { report, out: values.out });
    }
    case "audits run": {
      const { data } = await api.POST("/v1/audits/runs", {
        body: {
          ...(values.district ? { districtId: values.district } : {}),
          ...(values.date ? { date: values.date } : {}),
        },
      });
      let r = data!;
      while (values.wait && r.status !== "done" && r.status !== "failed") {
        await new Promise((resolve) => setTimeout(resolve, 500));
        r = (await api.GET("/v1/audits/runs/{runId}", { params: { path: { runId: r.id } } })).data!;
        if (process.stderr.isTTY) process.stderr.write(`\r${r.branchesDone}/${r.branchesTotal}`);
      }
      if (values.wait && process.stderr.isTTY) process.stderr.write("\n");
      return out(
        tr(
          `审计 ${r.id}：${r.status}，${r.branchesDone}/${r.branchesTotal} 个支部，新增预警 ${r.findingsOpened} 条`,
          `run ${r.id}: ${r.status}, ${r.branchesDone}/${r.branchesTotal} branches, ${r.findingsOpened} findings opened`,
        ),
        r,
      );
    }
  }
}

/** The command's two words, wherever the options stand, and everything else for parseArgs. */
function splitCommand(argv: string[]): { words: string[]; rest: string[] } {
  const words: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const option = /^--([^=]+)$/.exec(arg)?.[1];
    if (option && OPTIONS[option as keyof typeof OPTIONS]?.type === "string") {
      rest.push(arg, ...(i + 1 < argv.length ? [argv[++i]!] : []));
    } else if (!arg.startsWith("-") && words.length < 2) words.push(arg);
    else rest.push(arg);
  }
  return { words, rest };
}

/** Lists fetch this many a request (`--limit`, default 200, the API's most) and go on to the end. */
function pageSize(limit: string | undefined): number {
  const n = Number(limit ?? 200);
  return Number.isInteger(n) && n >= 1 && n <= 200 ? n : 200;
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The connection itself failed (nothing listening, unknown host): the server was never reached. */
function unreachable(err: unknown): boolean {
  // undici says "fetch failed" for every network error and keeps the reason (ECONNREFUSED, ENOTFOUND…) in `cause`
  return err instanceof TypeError && err.message === "fetch failed";
}

/** Parses without failing, only to know the language and the URL an error message should name. */
function peek(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

const argv = process.argv.slice(2);
const lang = userLang(peek(argv, "--lang"));
run(argv, lang).catch((err: unknown) => {
  const zh = lang === "zh-CN";
  if (err instanceof UsageError || (err as { code?: string })?.code?.startsWith("ERR_PARSE_ARGS")) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
  if (err instanceof VanguardError) {
    console.error(
      `${err.status} ${err.problem.code ?? ""}: ${err.problem.detail ?? err.problem.title ?? ""}`,
    );
    for (const e of err.problem.errors ?? []) {
      console.error(`  ${fieldName(e.path ?? "", lang) || (e.rule ?? "")}: ${e.message}`);
    }
    process.exit(1);
  }
  if (unreachable(err)) {
    const url = peek(argv, "--url") ?? process.env.VANGUARD_URL ?? "http://127.0.0.1:8787";
    console.error(
      zh
        ? `无法连接到 ${url}：服务器没有在运行？\n  在本机：在仓库根目录运行 pnpm dev，等它打印密钥后再试。\n  其他服务器：用 --url 或 VANGUARD_URL 指定地址。`
        : `Cannot reach ${url}: is the server running?\n  On this machine: run pnpm dev at the repository root and try again once it prints the keys.\n  Elsewhere: give the address with --url or VANGUARD_URL.`,
    );
    process.exit(3);
  }
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
