// `pnpm dev`: migrate local D1, start every worker on http://127.0.0.1:8787, seed 赣榆区, print keys.
// Interrupted (Ctrl-C) at any point, it stops every process it started; if that was during the first
// seed, the next `pnpm dev` finds the seed unfinished and starts the demo over on fresh state.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SEEDING_MARK, stopStray, stopWithin } from "./lib/dev-state.mjs";
import {
  buildConsole,
  ensureDevVars,
  freePort,
  migrate,
  ROOT,
  startStack,
  stopStack,
  vendorAssets,
  waitForHealth,
  watchConsole,
} from "./lib/stack.mjs";
import { seedDemo } from "./seed/index.mjs";

const port = Number(process.env.PORT ?? 8787);
const base = `http://127.0.0.1:${port}`;
// VANGUARD_STATE: another state directory (the dev-resume test uses a temporary one)
const state = process.env.VANGUARD_STATE ?? join(ROOT, ".wrangler/state");
// VANGUARD_CONSOLE=0: the API alone, without building or watching the console
const withConsole = process.env.VANGUARD_CONSOLE !== "0";

// a stack left by a `pnpm dev` that was killed outright (kill -9, a closed terminal) holds the port
await stopStray(state);
const keysFile = join(state, "demo-keys.json");
// state without the demo's keys is a first seed cut short (or from before the mark existed)
if (existsSync(join(state, SEEDING_MARK)) || (existsSync(join(state, "v3")) && !existsSync(keysFile))) {
  console.log("the last pnpm dev stopped before the demo was seeded: starting over on fresh state");
  rmSync(state, { recursive: true, force: true });
}

ensureDevVars();
vendorAssets();
if (withConsole) buildConsole();
mkdirSync(state, { recursive: true });
migrate(state);
const adminKey = /^BOOTSTRAP_ADMIN_KEY=(.*)$/m
  .exec(readFileSync(join(ROOT, ".dev.vars"), "utf8"))?.[1]
  ?.trim();

const child = startStack({ port, inspectorPort: await freePort(), persistTo: state });
writeFileSync(join(state, "dev.pid"), `${child.pid}\n`);
child.stdout.pipe(process.stdout);
child.stderr.pipe(process.stderr);
const consoleWatch = withConsole ? watchConsole() : null;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  stopStack(consoleWatch);
  // wait for wrangler and workerd to let go of the port, so the next `pnpm dev` finds it free
  await stopWithin(child, 10_000);
  rmSync(join(state, "dev.pid"), { force: true });
  process.exit(code);
}
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => void shutdown(0));
child.on("exit", (code) => {
  if (!stopping) void shutdown(code ?? 0);
});

let demo;
try {
  await waitForHealth(base, child);
  // the mark stays until the seed has finished: its presence next time means the seed was cut short
  if (!existsSync(keysFile)) writeFileSync(join(state, SEEDING_MARK), `${new Date().toISOString()}\n`);
  demo = await seedDemo({ base, adminKey, keysFile });
  rmSync(join(state, SEEDING_MARK), { force: true });
} catch (err) {
  // a Ctrl-C during the seed makes its requests fail: that is the shutdown under way, not an error
  if (!stopping) console.error(`pnpm dev could not start: ${err instanceof Error ? err.message : err}`);
  await shutdown(1);
  // the shutdown already under way exits the process
  await new Promise(() => {});
}
const k = demo.keys;
console.log(`
  Vanguard 先锋 is running: ${base}   (console: ${base}/console/   docs: ${base}/docs)

  demo district 赣榆区 ${demo.districtId}
  platform admin   ${adminKey}
  district admin   ${k.districtAdmin}
  auditor          ${k.auditor}
${Object.values(k.branches)
  .map((b) => `  branch admin     ${b.branchAdmin}   ${b.name} ${b.branchId}`)
  .join("\n")}
  branch admin     ${k.adopted.branchAdmin}   ${k.adopted.name} ${k.adopted.branchId} (records from ${k.adopted.recordsFrom})
  member           ${k.member.key}   ${k.member.name} ${k.member.memberId}
${
  demo.accounts
    ? `
  people sign in at ${base}/console/ (one-time passwords: each must be changed at first sign-in)
${Object.values(demo.accounts)
  .map((a) => `  ${a.login.padEnd(16)} ${a.password}   ${a.role} ${a.displayName}`)
  .join("\n")}
`
    : ""
}
  try: curl -H "Authorization: Bearer ${k.districtAdmin}" ${base}/v1/districts/${demo.districtId}/branches
`);
