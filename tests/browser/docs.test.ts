import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { base } from "../support/http";

/**
 * The API reference as a browser shows it, under its own Content-Security-Policy: it renders from
 * this origin alone, the policy blocks nothing it needs, and it asks no other host for anything.
 */
const ARTIFACTS = join(import.meta.dirname, "../artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let profile: string;
let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), "vanguard-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe("/docs", () => {
  it("renders the reference from this origin only, with nothing blocked by its policy", async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    const origin = new URL(base()).origin;
    const elsewhere: string[] = [];
    const violations: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) elsewhere.push(r.url());
    });
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on("pageerror", (e) => violations.push(`page error: ${e.message}`));
    await page.goto(`${base()}/docs`, { waitUntil: "networkidle" });
    // the spec was fetched and rendered: the first tag's operations are listed on the page (Scalar
    // renders the later tags lazily, as they scroll into view)
    await page
      .waitForFunction(
        () => (document.querySelector("#app")?.textContent ?? "").includes("/v1/auth/login"),
        null,
        {
          timeout: 60_000,
        },
      )
      .finally(() => page.screenshot({ path: join(ARTIFACTS, "docs.png") }));
    expect(violations).toEqual([]);
    expect(elsewhere).toEqual([]);
    expect(await page.getByText("Ask AI").count()).toBe(0);
  });

  it("links the root page to the console and the docs", async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base()}/`);
    expect(await page.locator('a[href="/console/"]').count()).toBe(1);
    expect(await page.locator('a[href="/docs"]').count()).toBe(1);
  });
});
