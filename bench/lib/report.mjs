// Writes bench/results/<date>-<scale>.json and .md, with the machine and versions they came from.
import { execSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../scripts/lib/stack.mjs";

function version(pkg) {
  try {
    return JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;
  } catch {
    return "?";
  }
}

export function environment() {
  let commit = "?";
  try {
    commit = execSync("git rev-parse --short HEAD", { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    // not a checkout
  }
  return {
    date: new Date().toISOString(),
    commit,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    // what else the cores were doing: on a shared machine the figures move with it
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
    wrangler: version("wrangler"),
    autocannon: version("autocannon"),
    // wrangler dev's trace collector shares the workers' thread: the bench turns it off (stack.mjs)
    localTraces: "off",
  };
}

const fmt = (v, digits = 0) =>
  v === null || v === undefined ? "—" : typeof v === "number" ? v.toFixed(digits) : String(v);

/** a first request that cost more (the isolate had not yet remembered the key) says so */
const coldNote = (cold, warm) => (cold !== undefined && cold !== warm ? ` (first: ${cold})` : "");

export function writeReport({
  scale,
  only,
  env,
  scenarios,
  audits,
  imports,
  evidence = [],
  signIn,
  budgets,
  elapsedSeconds,
}) {
  const dir = join(ROOT, "bench/results");
  mkdirSync(dir, { recursive: true });
  // a partial run (`--only`) never overwrites the whole run's report of the day
  const stem = `${env.date.slice(0, 10)}-${scale}${only ? `-${only.join("-")}` : ""}`;
  const data = { scale, only, env, elapsedSeconds, scenarios, audits, imports, evidence, signIn, budgets };
  writeFileSync(join(dir, `${stem}.json`), `${JSON.stringify(data, null, 2)}\n`);
  const lines = [
    `# Vanguard bench — scale \`${scale}\`${only ? ` — only ${only.join(", ")}` : ""}`,
    "",
    `${env.date} · commit ${env.commit} · ${env.machine} · load average ${env.loadAverage?.join(" / ") ?? "?"} · Node ${env.node} · wrangler ${env.wrangler} · autocannon ${env.autocannon}${env.localTraces ? ` · wrangler's local traces ${env.localTraces}` : ""} · ${elapsedSeconds} s in all`,
    "",
    ...(scenarios.length
      ? [
          "| scenario | req/s | p50 ms | p99 ms | × constant worker | × /health | D1 statements/req | D1 round trips/req | rows read/req | non-2xx |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
      : []),
    ...scenarios.map(
      (s) =>
        `| ${s.name} | ${fmt(s.rps)} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.vsConstant, 2)} | ${fmt(s.vsHealth, 2)}${s.pairedHealth ? ` (of ${fmt(s.pairedHealth)})` : ""} | ${fmt(s.queries)}${s.queriesSmall !== undefined ? ` (small: ${s.queriesSmall})` : ""}${coldNote(s.queriesCold, s.queries)} | ${fmt(s.roundTrips)}${coldNote(s.roundTripsCold, s.roundTrips)} | ${fmt(s.rowsRead)} | ${fmt(s.non2xx)}${
          s.non2xx
            ? ` (${Object.entries(s.statuses ?? {})
                .map(([c, n]) => `${c}×${n}`)
                .join(", ")})`
            : ""
        } |`,
    ),
    "",
    "| one-shot | result |",
    "|---|---|",
    ...imports.map(
      (i) => `| ${i.name} | ${fmt(i.ms)} ms (${fmt(i.rowsPerSecond)} rows/s), ${i.created} created |`,
    ),
    ...evidence.map((e) => `| ${e.name} | ${fmt(e.ms)} ms (${e.detail}) |`),
    ...(signIn
      ? [
          `| sign-in, one at a time | ${fmt(signIn.signInMs, 1)} ms median, of which PBKDF2-SHA-256 × ${signIn.iterations.toLocaleString("en")} alone in workerd ${fmt(signIn.kdfMs, 1)} ms |`,
          `| member list, ${signIn.versus.runs.map((r) => r.side).join(" – ")} | ${signIn.versus.runs.map((r) => fmt(r.rps)).join(" – ")} req/s: signed in ${fmt(signIn.versus.ratio, 2)} × the key path |`,
        ]
      : []),
    ...audits.map(
      (a) =>
        `| audit ${a.branches} branches × ${a.members} members | ${fmt(a.seconds, 1)} s (${fmt(a.secondsPer1000, 1)} s per 1,000 branches), ${fmt(a.queriesPerBranch, 2)} D1 queries/branch, ≤ ${fmt(a.maxQueriesPerBatch)} per batch of ${a.batchSize}, ${a.findingsOpened} findings |`,
    ),
    "",
    "| budget | limit | measured | |",
    "|---|---|---|---|",
    ...budgets.map((b) => `| ${b.name} | ${b.limit} | ${b.measured} | ${b.ok ? "ok" : "**broken**"} |`),
    "",
  ];
  writeFileSync(join(dir, `${stem}.md`), lines.join("\n"));
  return { json: join(dir, `${stem}.json`), md: join(dir, `${stem}.md`) };
}
