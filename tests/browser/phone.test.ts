import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoKeys } from "../../scripts/seed/index.mjs";
import { demoDistrict } from "../support/demo";
import { base, must } from "../support/http";
import { ARTIFACTS, axe, launch, PHONE, person, settled, shoot } from "./console";
import { type Account, branchAccount } from "./people";

/**
 * The member's phone pages (/m/) at 390×844 in Chromium against the real stack: a member signs in,
 * reads an article for its minimum time (a material published with a short one: the test waits for
 * the page's own button to open, never a fixed time) and earns the points; a second read the same
 * day earns none, with the server's reason; a ticket redeemed before its time is refused with the
 * server's message and awards nothing.
 */
let demo: DemoKeys;
let browser: Browser;
let account: Account;
let reader: { id: string; name: string };
let short: { id: string; title: string };
let long: { id: string; title: string };
const econ = () => demo.keys.branches.econ!;

async function publish(title: string, minReadSec: number) {
  return must("POST", `/v1/districts/${demo.districtId}/study/materials`, {
    key: demo.keys.districtAdmin,
    body: {
      kind: "article",
      title,
      summary: "学习党章，遵守党章，贯彻党章，维护党章。",
      tags: ["党章党规"],
      body: "党章是党的根本大法，是全党必须共同遵守的根本行为规范。\n每一名党员都要认真学习党章，严格遵守党章。",
      minReadSec,
    },
  });
}

/** The member's points today, as the API counts them. */
async function pointsToday(): Promise<number> {
  const s = await must("GET", `/v1/branches/${econ().branchId}/study/members/${reader.id}/summary`, {
    key: econ().branchAdmin,
  });
  return s.progress.kinds.reduce((n: number, k: { points: number }) => n + k.points, 0);
}

beforeAll(async () => {
  demo = await demoDistrict();
  const full = (
    await must("GET", `/v1/branches/${econ().branchId}/members?status=full&limit=200`, {
      key: econ().branchAdmin,
    })
  ).items;
  reader = full.find((m: { id: string }) => m.id !== demo.keys.member.memberId);
  account = await branchAccount(econ().branchId, econ().branchAdmin, "member", reader.name, reader.id);
  // each run has a fresh stack: the titles are this run's own
  short = await publish("学习党章：总纲", 3);
  long = await publish("学习党章：党员的义务和权利", 900);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Besides `shoot`'s whole page: the phone's screen as the member sees it, the tab bar at its foot. */
async function screen(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  await settled(page);
  await page.screenshot({ path: join(ARTIFACTS, `phone-${name}-390x844.png`) });
}

async function openMaterial(page: Page, title: string) {
  await page.getByRole("link", { name: "学习资料" }).click();
  await page.getByTestId("library").getByText(title, { exact: true }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

describe("a member on a phone", () => {
  let page: Page;

  beforeAll(async () => {
    ({ page } = await person(browser));
    await page.setViewportSize(PHONE);
  });

  it("signs in at /m/ and changes the one-time password first", async () => {
    await page.goto(`${base()}/m/`);
    await page.getByRole("heading", { level: 1, name: "党员登录" }).waitFor();
    await shoot(page, "phone-sign-in");
    await page.getByLabel("账号").fill(account.login);
    await page.getByLabel("密码").fill(account.password);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByLabel("新密码", { exact: true }).waitFor();
    await page.getByLabel("当前密码").fill(account.password);
    await page.getByLabel("新密码", { exact: true }).fill("Dangzhang-Xuexi-2026");
    await page.getByLabel("确认新密码").fill("Dangzhang-Xuexi-2026");
    await page.getByRole("button", { name: "确认修改" }).click();
    await page.waitForURL(/\/m\/study$/);
    await page.getByTestId("today-points").waitFor();
    await expect.poll(() => page.getByTestId("who").textContent()).toContain(reader.name);
  });

  it("reads an article for its minimum time and earns the points", async () => {
    const before = await pointsToday();
    await openMaterial(page, short.title);
    await page.getByRole("button", { name: "开始学习" }).click();
    // the page's own signal: the button opens when the server's ticket says the time has come
    await page.locator('[data-testid="finish"]:not([disabled])').waitFor();
    await page.getByRole("button", { name: "完成学习，领取积分" }).click();
    const result = page.getByTestId("reading-result");
    await result.getByText(/获得 \d+ 分，今日共 \d+ 分/).waitFor();
    const awarded = Number(/获得 (\d+) 分/.exec((await result.textContent()) ?? "")![1]);
    expect(awarded).toBeGreaterThan(0);
    expect(await pointsToday()).toBe(before + awarded);
    await shoot(page, "phone-material");
    await screen(page, "material");
  });

  it("a second read the same day earns nothing, and the server says why", async () => {
    const before = await pointsToday();
    await page.reload();
    await page.getByTestId("studied-today").waitFor();
    await page.getByRole("button", { name: "开始学习" }).click();
    await page.locator('[data-testid="finish"]:not([disabled])').waitFor();
    await page.getByRole("button", { name: "完成学习，领取积分" }).click();
    const result = page.getByTestId("reading-result");
    await result.getByText("本次学习没有积分").waitFor();
    expect(await result.locator("[data-reason]").getAttribute("data-reason")).toBe("already_read_today");
    expect(await pointsToday()).toBe(before);
  });

  it("我的学习 shows today's points against the caps and the branch's ranking", async () => {
    await page.getByRole("link", { name: "我的学习" }).click();
    await page.getByTestId("my-rank").waitFor();
    await shoot(page, "phone-study");
    await screen(page, "study");
    for (const tab of ["学习资料", "我的党费", "我的会议", "我的记录"]) {
      await page.getByRole("link", { name: tab }).click();
      await page.locator('nav a[aria-current="page"]', { hasText: tab }).waitFor();
      await settled(page);
      await axe(page, tab);
    }
  });

  it("我的党费 shows the member's own line of the month, as the secretary's grid has it", async () => {
    await page.getByRole("link", { name: "我的党费" }).click();
    const card = page.getByTestId("dues");
    await card.getByTestId("dues-behind").waitFor();
    const now = new Date();
    const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
    const grid = await must("GET", `/v1/branches/${econ().branchId}/dues?month=${month}&limit=200`, {
      key: econ().branchAdmin,
    });
    const line = grid.items.find((i: { memberId: string }) => i.memberId === reader.id);
    expect(line).toBeDefined();
    // what the member's own session is given: their line, and no one else's
    const own = await page.request.get(`${base()}/v1/branches/${econ().branchId}/dues?month=${month}`);
    expect(own.status()).toBe(200);
    expect((await own.json()).items).toEqual([line]);
    const text = (await card.textContent()) ?? "";
    expect(text).toContain(line.monthlyDue === null ? "未核定" : `${line.monthlyDue} 元`);
    expect(text).toContain(
      line.consecutiveUnpaid ? `连续未交${line.consecutiveUnpaid} 个月（截至上月）` : "连续未交无",
    );
    if (line.lateMonths.length) expect(text).toContain(line.lateMonths.join("、"));
    expect(await page.getByTestId("dues-refused").count()).toBe(0);
    await shoot(page, "phone-dues");
  });

  it("sees only its own data: another member's summary is not theirs to read", async () => {
    const res = await page.request.get(
      `${base()}/v1/branches/${econ().branchId}/study/members/${demo.keys.member.memberId}/summary`,
    );
    expect([403, 404]).toContain(res.status());
  });
});

describe("a ticket redeemed before its time", () => {
  it("is refused with the server's message and awards nothing", async () => {
    const { page, context } = await person(browser);
    await page.setViewportSize(PHONE);
    // this browser's clock runs ahead of the server's: the page opens the button early, the server says no
    await context.clock.install();
    await page.goto(`${base()}/m/sign-in`);
    await page.getByLabel("账号").fill(account.login);
    await page.getByLabel("密码").fill("Dangzhang-Xuexi-2026");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/m\/study$/);
    const before = await pointsToday();
    await openMaterial(page, long.title);
    await page.getByRole("button", { name: "开始学习" }).click();
    await page
      .getByRole("timer")
      .filter({ hasText: /\d+ 秒后可领取积分/ })
      .waitFor();
    await context.clock.fastForward("16:00");
    await page.locator('[data-testid="finish"]:not([disabled])').waitFor();
    await page.getByRole("button", { name: "完成学习，领取积分" }).click();
    const refusal = page.getByTestId("problem");
    await refusal.getByText(/阅读时间不足，还需 \d+ 秒才能兑换/).waitFor();
    expect(await pointsToday()).toBe(before);
    await shoot(page, "phone-refused");
    await screen(page, "refused");
  });
});
