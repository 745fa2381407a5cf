// Gzipped JavaScript each console route loads, read from Vite's manifest: the entry and everything it
// imports statically, plus the route's own chunk and its static imports.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The budgets, in gzipped bytes: the sign-in page stays light, every other route under the cap. */
export const BUDGETS = { signIn: 250 * 1024, route: 600 * 1024 };
export const SIGN_IN_PAGE = "src/pages/account/SignIn.vue";
/** Pages shown inside the console's frame load its chunk too; these two stand alone. */
const LAYOUT = "src/layouts/ConsoleLayout.vue";
const STANDALONE = new Set([SIGN_IN_PAGE, "src/pages/account/ChangePassword.vue"]);

export function routeSizes(outDir) {
  const manifest = JSON.parse(readFileSync(join(outDir, ".vite/manifest.json"), "utf8"));
  const gz = new Map();
  const size = (file) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(outDir, file))).length);
    return gz.get(file);
  };
  const closure = (key, seen = new Set()) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return seen;
    seen.add(chunk.file);
    for (const dep of chunk.imports ?? []) closure(dep, seen);
    return seen;
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey) throw new Error("the console build has no entry in its manifest");
  const entry = closure(entryKey);
  const pages = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && k.startsWith("src/pages/"));
  return pages
    .map((page) => {
      const base = STANDALONE.has(page) ? new Set(entry) : closure(LAYOUT, new Set(entry));
      const files = closure(page, base);
      const bytes = [...files].filter((f) => f.endsWith(".js")).reduce((n, f) => n + size(f), 0);
      const budget = page === SIGN_IN_PAGE ? BUDGETS.signIn : BUDGETS.route;
      return { page, bytes, budget, ok: bytes <= budget };
    })
    .sort((a, b) => a.page.localeCompare(b.page));
}
