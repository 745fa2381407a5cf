// Starting and stopping the local stack: every worker in one `wrangler dev`, sharing local D1.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const MODULES = ["onboarding", "study", "evaluations", "audits"];
export const CONFIGS = ["wrangler.toml", ...MODULES.map((m) => `workers/${m}/wrangler.toml`)];
const WRANGLER = join(ROOT, "node_modules/.bin/wrangler");

/**
 * Each worker reads the `.dev.vars` beside its config; they all start from the example, and follow
 * it when it changes (a new variable, or a key the workers would now refuse): they hold only the
 * example's local values.
 */
export function ensureDevVars() {
  const example = join(ROOT, ".dev.vars.example");
  const changed = statSync(example).mtimeMs;
  for (const dir of [ROOT, ...MODULES.map((m) => join(ROOT, "workers", m))]) {
    const target = join(dir, ".dev.vars");
    if (!existsSync(target) || statSync(target).mtimeMs < changed) copyFileSync(example, target);
  }
}

/** The docs' assets come from npm packages and are served by the worker itself. */
export function vendorAssets() {
  const copies = [["@scalar/api-reference/dist/browser/standalone.js", "scalar/standalone.js"]];
  for (const [from, to] of copies) {
    const target = join(ROOT, "workers/api/public/vendor", to);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(ROOT, "workers/api/node_modules", from), target);
  }
}

const CONSOLE = join(ROOT, "packages/console");
export const CONSOLE_BUILT = join(ROOT, "workers/api/public/console/index.html");

/** Builds the web console into the api worker's static assets (workers/api/public/console). */
export function buildConsole() {
  const r = spawnSync(join(CONSOLE, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], {
    cwd: CONSOLE,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0) throw new Error("building the console failed");
}

/** `vite build --watch`: the console is rebuilt on every change while `pnpm dev` runs. */
export function watchConsole() {
  return spawn(join(CONSOLE, "node_modules/.bin/vite"), ["build", "--watch", "--logLevel", "warn"], {
    cwd: CONSOLE,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
}

export function migrate(persistTo) {
  for (const db of ["DIRECTORY", "SHARD_0", "SHARD_1"]) {
    const r = spawnSync(
      WRANGLER,
      ["d1", "migrations", "apply", db, "--local", "--persist-to", persistTo, "-c", "wrangler.toml"],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
        encoding: "utf8",
      },
    );
    if (r.status !== 0) throw new Error(`migrating ${db} failed:\n${r.stdout}\n${r.stderr}`);
  }
}

export async function freePort() {
  return (await freePorts(1))[0];
}

/** Distinct free loopback ports: every listener stays open until all are taken, so none repeats. */
export async function freePorts(n) {
  const servers = [];
  try {
    for (let i = 0; i < n; i++) {
      servers.push(
        await new Promise((res, rej) => {
          const srv = createServer();
          srv.on("error", rej);
          srv.listen(0, "127.0.0.1", () => res(srv));
        }),
      );
    }
    return servers.map((s) => s.address().port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}

export async function waitForHealth(base, child, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the stack did not answer ${base}/health within ${timeoutMs} ms`);
}

/**
 * wrangler dev's own trace collector (the local explorer's spans and logs), off: it runs on the
 * workers' thread, and on a fresh bench stack `/health` answered 580–637 req/s with it against
 * 869–890 without (2026-12-04). Production has no such collector in the request's path; `pnpm dev`
 * keeps it for the explorer.
 */
export const WITHOUT_LOCAL_TRACES = { X_LOCAL_OBSERVABILITY: "false" };

/**
 * Starts `wrangler dev -c api -c onboarding …` on a port, with state under `persistTo`. Output goes
 * to `logFile` (or the terminal when `inherit`). `traces: false` leaves out wrangler's local trace
 * collector (the bench and the tests).
 */
export function startStack({
  port,
  inspectorPort,
  persistTo,
  inherit = false,
  extraArgs = [],
  vars = {},
  traces = true,
}) {
  const args = ["dev", ...CONFIGS.flatMap((c) => ["-c", c]), "--port", String(port), "--ip", "127.0.0.1"];
  // a fixed inspector port (9229) would collide with any other stack running on the machine
  if (inspectorPort) args.push("--inspector-port", String(inspectorPort));
  // --test-scheduled serves /__scheduled?cron=… (the api worker hands crons to the audits worker)
  args.push(
    "--persist-to",
    persistTo,
    "--show-interactive-dev-session=false",
    "--test-scheduled",
    ...extraArgs,
  );
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  const child = spawn(WRANGLER, args, {
    cwd: ROOT,
    stdio: inherit ? "inherit" : ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: "false",
      NO_COLOR: "1",
      ...(traces ? {} : WITHOUT_LOCAL_TRACES),
    },
    detached: !inherit,
  });
  return child;
}

export function stopStack(child) {
  if (!child || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
}
