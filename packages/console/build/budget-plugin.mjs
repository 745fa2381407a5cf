import { routeSizes } from "./budgets.mjs";

/** Prints each route's gzipped JavaScript against its budget when a build finishes. */
export function reportBudgets() {
  let outDir = "";
  return {
    name: "vanguard-console-budgets",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const rows = routeSizes(outDir);
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      console.log("\nconsole routes, gzipped JS (budget):");
      for (const r of rows)
        console.log(
          `  ${r.ok ? " " : "!"} ${r.page.padEnd(42)} ${kb(r.bytes).padStart(9)}  (${kb(r.budget)})`,
        );
      const over = rows.filter((r) => !r.ok);
      if (over.length) console.log(`  ${over.length} route(s) over budget`);
    },
  };
}
