import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUDGETS, routeSizes, SIGN_IN_PAGE } from "../build/budgets.mjs";

const outDir = fileURLToPath(new URL("../../../workers/api/public/console", import.meta.url));

describe("the built console", () => {
  it("exists (pnpm test builds it first: pnpm console:build)", () => {
    expect(existsSync(`${outDir}/.vite/manifest.json`)).toBe(true);
  });

  it("loads at most 250 KB of gzipped JS for the sign-in page and 600 KB for any other route", () => {
    const rows = routeSizes(outDir);
    // every page is its own chunk: the branch and district pages are all there
    expect(rows.map((r) => r.page)).toEqual(
      expect.arrayContaining([
        SIGN_IN_PAGE,
        "src/pages/branch/Home.vue",
        "src/pages/branch/Members.vue",
        "src/pages/branch/Dues.vue",
        "src/pages/branch/Meetings.vue",
        "src/pages/branch/Findings.vue",
        "src/pages/branch/Accounts.vue",
        "src/pages/district/Overview.vue",
        "src/pages/district/Reports.vue",
      ]),
    );
    const signIn = rows.find((r) => r.page === SIGN_IN_PAGE)!;
    expect(signIn.budget).toBe(BUDGETS.signIn);
    for (const r of rows)
      expect(r.bytes, `${r.page}: ${r.bytes} gzipped bytes`).toBeLessThanOrEqual(r.budget);
  });

  it("keeps charts out of the sign-in page: ECharts loads only with the pages that draw", () => {
    const rows = routeSizes(outDir);
    const signIn = rows.find((r) => r.page === SIGN_IN_PAGE)!;
    const overview = rows.find((r) => r.page === "src/pages/district/Overview.vue")!;
    expect(overview.bytes - signIn.bytes).toBeGreaterThan(100 * 1024);
  });
});
