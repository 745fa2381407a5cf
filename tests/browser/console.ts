import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import { base } from "../support/http";

/** Helpers for driving the console in Debian's Chromium. Artifacts land in tests/artifacts/ (gitignored). */
export const ARTIFACTS = join(import.meta.dirname, "../artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
export const DESK = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A person's own browser: cookies of their own, Chinese, every request and CSP report watched. */
export async function person(browser: Browser) {
  const context: BrowserContext = await browser.newContext({
    viewport: DESK,
    locale: "zh-CN",
    acceptDownloads: true,
  });
  // a step that waits longer than this has failed: the test says which, instead of hanging
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const offsite: string[] = [];
  const cspViolations: string[] = [];
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(base()) && !url.startsWith("blob:") && !url.startsWith("data:")) offsite.push(url);
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  return { context, page, offsite, cspViolations };
}

export async function signIn(page: Page, login: string, password: string) {
  await page.goto(`${base()}/console/`);
  await page.getByLabel("账号").fill(login);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** The forced change after a one-time password: fields 新密码 and 确认新密码, button 确认修改. */
export async function changePassword(page: Page, current: string, next: string) {
  await page.getByLabel("新密码", { exact: true }).waitFor();
  await page.getByLabel("当前密码").fill(current);
  await page.getByLabel("新密码", { exact: true }).fill(next);
  await page.getByLabel("确认新密码").fill(next);
  await page.getByRole("button", { name: "确认修改" }).click();
}

/** Opens a page from the menu and waits for its heading. */
export async function openMenu(page: Page, name: string) {
  // a dialog left open by a failed step would cover the menu: close it, as a person would
  const open = page.getByRole("dialog").filter({ visible: true });
  if (await open.count()) {
    await page.keyboard.press("Escape");
    await open.first().waitFor({ state: "hidden" });
  }
  await page
    .getByRole("navigation", { name: "菜单" })
    .first()
    .getByRole("menuitem", { name, exact: true })
    .click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** Picks an option of an Element Plus select found by its label. */
export async function choose(page: Page, label: string, option: string) {
  // the select's own input is hidden until it opens: click the select that holds it
  await page.locator(".el-select", { has: page.getByRole("combobox", { name: label }) }).click();
  await page.getByRole("option", { name: option, exact: true }).last().click();
}

/** Nothing still loading or moving: every list and card has shown its data, its empty note or its refusal. */
export async function settled(page: Page) {
  await page.waitForFunction(
    () =>
      !document.querySelector('[role="status"].state') &&
      // a dialog still closing (or any transition under way) is not the page a person reads
      !document.querySelector('.is-closing, [class*="-leave-active"], [class*="-enter-active"]'),
  );
}

/** axe-core in the page (evaluated over the DevTools protocol, so the page's CSP stays as it is). */
export async function axe(page: Page, name: string) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the script evaluated above
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return (
      result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]
    )
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations, `axe on ${name}`).toEqual([]);
}

/** How many pixels of the chart's canvas are painted: a drawn chart is far from blank. */
export function painted(page: Page, testId: string): Promise<number> {
  return page.evaluate((id) => {
    const canvas = document.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement | null;
    if (!canvas?.width || !canvas.height) return 0;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  }, testId);
}

/**
 * The page at desk width and at a phone's (390×844): checked by axe at both, nothing wider than
 * the phone's screen (wide tables scroll inside their own box), and a screenshot of each; the
 * page is left at the width it had.
 */
export async function shoot(page: Page, name: string) {
  const before = page.viewportSize() ?? DESK;
  if (before.width !== DESK.width) await page.setViewportSize(DESK);
  await settled(page);
  await axe(page, `${name} (desk)`);
  await page.screenshot({ path: join(ARTIFACTS, `console-${name}-1440.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} is wider than a phone`).toBeLessThanOrEqual(0);
  await axe(page, `${name} (phone)`);
  await page.screenshot({ path: join(ARTIFACTS, `console-${name}-390.png`), fullPage: true });
  await page.setViewportSize(before);
}

/** Chooses a file in an attachments dialog and presses 上传, as a secretary does; the caller waits for the outcome. */
export async function upload(dialog: Locator, name: string, bytes: Uint8Array, mimeType = "application/pdf") {
  await dialog.getByTestId("evidence-file").setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
  await dialog.getByRole("button", { name: "上传" }).click();
}
