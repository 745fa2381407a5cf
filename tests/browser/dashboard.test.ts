import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoKeys } from "../../scripts/seed/index.mjs";
import { demoDistrict } from "../support/demo";
import { base, must } from "../support/http";

/**
 * The dashboard as a person uses it: sign in with a key, see the district's grid and charts,
 * drill into a branch, switch to English, and read it on a phone. Screenshots land in
 * tests/artifacts/ (gitignored).
 */
const ARTIFACTS = join(import.meta.dirname, "../artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let demo: DemoKeys;
let profile: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  demo = await demoDistrict();
  // findings for the findings table: one audit run of the demo district
  const run = await must("POST", "/v1/audits/runs", { body: { districtId: demo.districtId } }, [202]);
  for (let i = 0; i < 600; i++) {
    if ((await must("GET", `/v1/audits/runs/${run.id}`)).status === "done") break;
    await new Promise((r) => setTimeout(r, 200));
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), "vanguard-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** How many pixels of a canvas are painted: a chart that rendered is far from blank. */
function paintedPixels(id: string): Promise<number> {
  return page.evaluate((canvasId) => {
    const canvas = document.getElementById(canvasId) as HTMLCanvasElement | null;
    if (!canvas?.width || !canvas.height) return 0;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  }, id);
}

async function chartsDrawn(ids: string[]) {
  for (const id of ids) {
    await page.waitForFunction((canvasId) => {
      const c = document.getElementById(canvasId) as HTMLCanvasElement | null;
      return !!c && c.width > 0;
    }, id);
    expect(await paintedPixels(id), id).toBeGreaterThan(500);
  }
}

describe("the dashboard", () => {
  it("signs in with a key and shows the district: grid, charts, funnel and findings", async () => {
    const offsite: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(base()) && !r.url().startsWith("blob:") && !r.url().startsWith("data:"))
        offsite.push(r.url());
    });
    await page.goto(`${base()}/dashboard`);
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await page.getByLabel("API 密钥").fill(demo.keys.auditor);
    await page.getByRole("button", { name: "登录" }).click();

    await page.getByRole("heading", { level: 1, name: "赣榆区" }).waitFor();
    const tiles = page.locator("#branch-grid button");
    // five units on record since January and 城南街道党支部 since September
    await expect.poll(() => tiles.count()).toBe(6);
    const classes = await tiles.evaluateAll((els) => els.map((e) => e.className));
    expect(classes.every((c) => /band-(good|fair|poor|none)/.test(c))).toBe(true);
    // the 党总支 is scored from the branch under it: every unit of this year has a band
    expect(classes.filter((c) => c.includes("band-none"))).toHaveLength(0);
    await chartsDrawn(["chart-study", "chart-meetings", "chart-dues", "chart-funnel"]);
    await page.locator("#findings tbody tr").first().waitFor();
    // the key stays in this tab's session storage, nowhere else
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.includes("key")))).toBe(false);
    expect(offsite).toEqual([]);
    // the first screen at 1280×800 (the README's picture), and the whole page
    await page.screenshot({ path: join(ARTIFACTS, "dashboard.png") });
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-full.png"), fullPage: true });
  });

  it("drills into a branch with the keyboard and back", async () => {
    const econ = page.locator(`#branch-grid button[data-branch="${demo.keys.branches.econ!.branchId}"]`);
    await econ.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: /经济信息中心党支部/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    const measures = (await page.locator("#measures").textContent()) ?? "";
    expect(measures).toContain("三会一课");
    expect(measures).toContain("党费");
    await chartsDrawn(["chart-study", "chart-meetings", "chart-dues"]);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-branch.png"), fullPage: true });
    await page.getByRole("link", { name: /返回区县总览/ }).click();
    await page.getByRole("heading", { level: 1, name: "赣榆区" }).waitFor();
  });

  it("switches to English and fits a phone's width", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 2, name: "Compliance by branch" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.setViewportSize({ width: 390, height: 844 });
    await chartsDrawn(["chart-study"]);
    // Chart.js resizes its canvases on a ResizeObserver tick, later on a busy machine: let the layout
    // settle (or time out) before measuring it
    await page
      .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, {
        timeout: 10_000,
      })
      .catch(() => undefined);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-phone-en.png"), fullPage: true });
    await page.getByRole("button", { name: "中文" }).click();
    await page.getByRole("heading", { level: 2, name: "各支部合规情况" }).waitFor();
  });

  it("asks again for a key that does not work", async () => {
    await page.locator("#signout").click();
    await page.getByLabel("API 密钥").fill("vgk_not_a_real_key_at_all");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("alert").filter({ hasText: "密钥无效" }).waitFor();
  });
});
