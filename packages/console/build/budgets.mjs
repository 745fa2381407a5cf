// Gzipped JavaScript each console route loads, read from Vite's manifest: the entry and everything it
// imports statically, plus the route's own chunk and its static imports.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The budgets, in gzipped bytes: the sign-in page stays light, every other route under the cap. */
export const BUDGETS = { signIn: 250 * 1024, route: 600 * 1024 };
export const SIGN_IN_PAGE = "src/pages/account/SignIn.vue";
export const PHONE_SIGN_IN_PAGE = "src/pages/member/SignIn.vue";
const SIGN_IN_PAGES = new Set([SIGN_IN_PAGE, PHONE_SIGN_IN_PAGE]);
/**
 * The two apps of the build: the console (index.html) and the member's phone pages (m/index.html).
 * Pages shown inside an app's frame load its layout's chunk too; the sign-in and password pages
 * stand alone.
 */
const APPS = [
  {
    entry: "index.html",
    layout: "src/layouts/ConsoleLayout.vue",
    standalone: new Set([SIGN_IN_PAGE, "src/pages/account/ChangePassword.vue"]),
    owns: (page) => !page.startsWith("src/pages/member/"),
  },
  {
    entry: "m/index.html",
    layout: "src/phone/PhoneLayout.vue",
    standalone: new Set([PHONE_SIGN_IN_PAGE, "src/pages/member/Password.vue"]),
    owns: (page) => page.startsWith("src/pages/member/"),
  },
];

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
  for (const app of APPS)
    if (!manifest[app.entry]?.isEntry) throw new Error(`the console build has no entry ${app.entry}`);
  const pages = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && k.startsWith("src/pages/"));
  return pages
    .map((page) => {
      const app = APPS.find((a) => a.owns(page));
      const entry = closure(app.entry);
      const base = app.standalone.has(page) ? entry : closure(app.layout, entry);
      const files = closure(page, base);
      const bytes = [...files].filter((f) => f.endsWith(".js")).reduce((n, f) => n + size(f), 0);
      const budget = SIGN_IN_PAGES.has(page) ? BUDGETS.signIn : BUDGETS.route;
      return { page, bytes, budget, ok: bytes <= budget };
    })
    .sort((a, b) => a.page.localeCompare(b.page));
}
