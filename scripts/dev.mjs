// `pnpm dev`: migrate local D1, start every worker on http://127.0.0.1:8787, seed 赣榆区, print keys.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
const state = join(ROOT, ".wrangler/state");

ensureDevVars();
vendorAssets();
buildConsole();
mkdirSync(state, { recursive: true });
migrate(state);
const adminKey = /^BOOTSTRAP_ADMIN_KEY=(.*)$/m
  .exec(readFileSync(join(ROOT, ".dev.vars"), "utf8"))?.[1]
  ?.trim();

const child = startStack({ port, inspectorPort: await freePort(), persistTo: state });
child.stdout.pipe(process.stdout);
child.stderr.pipe(process.stderr);
const consoleWatch = watchConsole();
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    stopStack(consoleWatch);
    stopStack(child);
    process.exit(0);
  });
}
child.on("exit", (code) => {
  stopStack(consoleWatch);
  process.exit(code ?? 0);
});

await waitForHealth(base, child);
const demo = await seedDemo({ base, adminKey, keysFile: join(state, "demo-keys.json") });
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
