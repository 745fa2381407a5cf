import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pdf } from "@vanguard/testing/evidence-files";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoKeys } from "../../scripts/seed/index.mjs";
import { auditDistrict } from "../support/audits";
import { demoDistrict } from "../support/demo";
import { base, http, idNumber, must } from "../support/http";
import {
  ARTIFACTS,
  changePassword,
  choose,
  DESK,
  launch,
  openMenu,
  painted,
  person,
  settled,
  shoot,
  signIn,
  upload,
} from "./console";

/**
 * The console as its people use it, in Chromium against the real stack: the demo branch secretary
 * signs in, changes the one-time password and does the month's work; the district's organization
 * department creates a branch with its secretary and reads its reports; a member cannot open the
 * branch pages. Every page is checked by axe and photographed at desk and phone width.
 */
let demo: DemoKeys;
let browser: Browser;
// the month the console opens on: the browser's own calendar, which this process shares
const now = new Date();
const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;

beforeAll(async () => {
  demo = await demoDistrict();
  // findings for the 预警 pages: one audit run of the demo district
  await auditDistrict(demo.districtId);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const econ = () => demo.keys.branches.econ!;

describe("a branch secretary's month", () => {
  let page: Page;
  let watched: Awaited<ReturnType<typeof person>>;
  const newPassword = "Jingji-Xinxi-2026";

  beforeAll(async () => {
    watched = await person(browser);
    page = watched.page;
  });

  it("/dashboard, the old page, sends people to the console", async () => {
    await page.goto(`${base()}/dashboard`);
    await page.waitForURL(`${base()}/console/sign-in`);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
  });

  it("signs in after a wrong password, told why in Chinese, and must change the one-time password first", async () => {
    const account = demo.accounts.branchAdmin;
    expect(account.login).toBe("econ-secretary");
    await page.getByRole("heading", { level: 1, name: "登录支部工作台" }).waitFor();
    await shoot(page, "sign-in");

    const refusal = await http("POST", "/v1/auth/login", {
      key: null,
      body: { login: "no-such-person", password: "not-the-password" },
    });
    await signIn(page, account.login, "not-the-password");
    await page.getByRole("alert").filter({ hasText: refusal.body.detail }).waitFor();

    await signIn(page, account.login, account.password);
    await page.waitForURL(/\/console\/password$/);
    // the policy's own message, in place
    await changePassword(page, account.password, "short");
    await page.getByRole("alert").filter({ hasText: /10/ }).waitFor();
    await shoot(page, "password");
    await changePassword(page, account.password, newPassword);
    await page.waitForURL(/\/console\/branch\/home$/);
    await page.getByRole("heading", { level: 1, name: /您好/ }).waitFor();
  });

  it("sees who is signed in, for which branch, and a secretary's menu", async () => {
    await expect.poll(() => page.getByTestId("who").textContent()).toContain(econ().name);
    const menu = page.getByRole("navigation", { name: "菜单" }).first().getByRole("menuitem");
    expect(await menu.allTextContents()).toEqual([
      "首页",
      "党员名册",
      "党费",
      "三会一课",
      "发展党员",
      "考核检查",
      "一岗双责",
      "工作写实",
      "民主评议",
      "问责情况",
      "预警",
      "账号",
    ]);
  });

  it("首页 shows what needs doing, each linking to where it is done", async () => {
    for (const card of ["home-findings", "home-meetings", "home-dues", "home-tasks", "home-development"])
      await page.getByTestId(card).waitFor();
    await settled(page);
    // the demo has a member who stopped paying in May: the arrears card names them
    expect(await page.getByTestId("home-dues").textContent()).toMatch(/截至上月已连续 \d+ 个月未交/);
    expect(
      await page.getByTestId("home-dues").getByRole("link", { name: "去处理" }).getAttribute("href"),
    ).toBe("/console/branch/dues");
    // the meetings card names each meeting the branch's day still owes, by the rule's own name
    const day = await must("GET", `/v1/branches/${econ().branchId}/today`, { key: econ().branchAdmin });
    expect(day.meetingsDue.length).toBeGreaterThan(0);
    const meetingsCard = (await page.getByTestId("home-meetings").textContent()) ?? "";
    for (const m of day.meetingsDue as { open: string; label: string }[])
      expect(meetingsCard).toContain(`${m.open} 尚需召开${m.label}`);
    await shoot(page, "home");
  });

  it("党员名册: a wrong ID number is refused next to its field, then the member is added and shown masked", async () => {
    await openMenu(page, "党员名册");
    await page.getByTestId("roll").getByRole("row").nth(1).waitFor();
    await shoot(page, "members");

    const person = {
      name: "郑晓东",
      birthDate: "1990-03-15",
      gender: "male",
      status: "full",
      joinedOn: "2015-07-01",
    };
    const good = idNumber(person.birthDate, 777);
    const bad = `${good.slice(0, 17)}${good.endsWith("1") ? "2" : "1"}`;
    // what the API says of that number (asked of a branch nobody uses, so nothing changes here)
    const probe = await http("POST", `/v1/branches/${demo.keys.branches.office!.branchId}/members`, {
      key: demo.keys.branches.office!.branchAdmin,
      body: { ...person, idNumber: bad },
    });
    expect(probe.status).toBeGreaterThanOrEqual(400);
    const idMessage = probe.body.errors.find((e: { path?: string }) => e.path === "idNumber")
      .message as string;

    await page.getByRole("button", { name: "新增党员" }).click();
    const dialog = page.getByRole("dialog", { name: "新增党员" });
    await dialog.getByLabel("姓名").fill(person.name);
    await dialog.getByLabel("出生日期").fill(person.birthDate);
    await dialog.getByLabel("出生日期").press("Enter");
    await dialog.getByLabel("入党日期").fill(person.joinedOn);
    await dialog.getByLabel("入党日期").press("Enter");
    await dialog.getByLabel("身份证号").fill(bad);
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog
      .locator(".el-form-item", { has: page.getByLabel("身份证号") })
      .getByText(idMessage)
      .waitFor();

    await dialog.getByLabel("身份证号").fill(good);
    await dialog.getByRole("button", { name: "保存" }).click();
    await page.getByText(`已添加 ${person.name}`).waitFor();
    const row = page.getByTestId("roll").getByRole("row", { name: new RegExp(person.name) });
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    expect(text).not.toContain(good);
    expect(text).toContain(good.slice(-4));
    const roll = await must(
      "GET",
      `/v1/branches/${econ().branchId}/members?q=${encodeURIComponent(person.name)}`,
      {
        key: econ().branchAdmin,
      },
    );
    expect(roll.items).toHaveLength(1);
  });

  it("党员名册: imports a CSV, previewed before sending, with the rejected line named by its number", async () => {
    const rows = [
      "姓名,性别,出生日期,状态,入党日期,身份证号",
      `钱立新,男,1985-06-01,正式党员,2010-07-01,${idNumber("1985-06-01", 781)}`,
      `孙悦,女,1992-09-09,入党申请人,,${idNumber("1992-09-09", 782)}`,
      "赵某,男,不是日期,正式党员,2010-07-01,",
    ];
    const file = join(ARTIFACTS, "roll-import.csv");
    writeFileSync(file, `${rows.join("\n")}\n`);
    await page.getByRole("button", { name: "导入名册" }).click();
    const dialog = page.getByRole("dialog", { name: "从表格导入党员名册" });
    await dialog.locator("#csv-file").setInputFiles(file);
    const preview = dialog.getByTestId("csv-preview");
    await preview.getByRole("row", { name: /钱立新/ }).waitFor();
    expect(await preview.getByRole("row").count()).toBe(4); // the header and three lines
    await dialog.getByRole("button", { name: "导入", exact: true }).click();
    await dialog.getByText("已导入 2 人，1 行未导入").waitFor();
    expect(await dialog.getByTestId("rejected").textContent()).toMatch(/^行号 4：/);
    await page.keyboard.press("Escape");
    await page.getByTestId("roll").getByRole("row", { name: /孙悦/ }).waitFor();
  });

  it("党员名册: exports the roll as 花名册, the branch's name on the file and the numbers masked", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "导出花名册" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^花名册-${econ().name}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("姓名,性别,出生日期,人员类别,入党日期,转入本支部日期,身份证号,手机号,学历");
    // one line for each current member, the two just imported among them, as the API lists them
    const roll = await must("GET", `/v1/branches/${econ().branchId}/members?limit=200`, {
      key: econ().branchAdmin,
    });
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(
      roll.items.map((m: { name: string }) => m.name),
    );
    expect(lines.find((l) => l.startsWith("孙悦,"))).toMatch(
      /^孙悦,女,1992-09-09,入党申请人,,\d{4}-\d{2}-\d{2},\*{14}\d{3}[\dX],/,
    );
    expect(csv).not.toContain(idNumber("1992-09-09", 782));
  });

  it("三会一课: records a committee meeting with the attendance picked from the roll", async () => {
    await openMenu(page, "三会一课");
    await page.getByTestId("compliance").getByRole("row").nth(1).waitFor();
    // the quarterly 党课 and the secretary's own yearly one are two rows, told apart by name
    for (const name of ["党课", "书记讲党课"])
      expect(await page.getByTestId("compliance").getByRole("cell", { name, exact: true }).count()).toBe(1);
    // each rule's verdict as the API gives it; a period under way without its meeting reads as due
    const cadence = await must(
      "GET",
      `/v1/branches/${econ().branchId}/meetings/compliance?year=${month.slice(0, 4)}`,
      { key: econ().branchAdmin },
    );
    const judged = cadence.items.filter((i: { applicable: boolean }) => i.applicable);
    expect(judged.some((i: { open: string | null }) => i.open)).toBe(true);
    for (const item of judged as { label: string; compliant: boolean; open: string | null }[]) {
      const row = page.getByTestId("compliance").getByRole("row", { name: new RegExp(`^${item.label} `) });
      const verdict = !item.compliant ? "未达标" : item.open ? `${item.open} 待召开` : "达标";
      expect(await row.textContent()).toContain(verdict);
    }
    await shoot(page, "meetings");
    const topic = `支委会：研究${month}党员发展工作`;
    await page.getByRole("button", { name: "记录会议" }).click();
    const dialog = page.getByRole("dialog", { name: "记录会议" });
    await dialog.getByLabel("议题").fill(topic);
    const attendees = dialog.getByTestId("attendees");
    await attendees.getByText("乔宇航", { exact: true }).click();
    await attendees.getByText("方宇航", { exact: true }).click();
    await dialog.getByRole("button", { name: "提交" }).click();
    await page.getByText("会议已记录").waitFor();
    await page
      .getByTestId("meetings")
      .getByRole("row", { name: new RegExp(topic) })
      .waitFor();
    const meetings = await must("GET", `/v1/branches/${econ().branchId}/meetings?kind=committee&limit=200`, {
      key: econ().branchAdmin,
    });
    const recorded = meetings.items.filter((m: { topic: string }) => m.topic === topic);
    expect(recorded).toHaveLength(1);
    expect(recorded[0].present).toBe(2);
  });

  it("三会一课: attaches the meeting's sign-in sheet, a renamed executable refused in the API's words", async () => {
    const topic = `支委会：研究${month}党员发展工作`;
    await page
      .getByTestId("meetings")
      .getByRole("row", { name: new RegExp(topic) })
      .getByTestId("open-evidence")
      .click();
    const dialog = page.getByRole("dialog", { name: new RegExp(`会议材料：${topic}`) });
    await dialog.getByTestId("attachments").waitFor();
    const exe = Buffer.alloc(256);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    await upload(dialog, "签到表.pdf", exe);
    await dialog.getByRole("alert").filter({ hasText: "文件内容不是允许的类型" }).waitFor();
    await upload(dialog, "支委会签到表.pdf", pdf("签到表"));
    await dialog.getByRole("link", { name: "支委会签到表.pdf" }).waitFor();
    await settled(page);
    await shoot(page, "meeting-evidence");
    expect(await dialog.getByTestId("minutes-docx").getAttribute("href")).toMatch(
      /\/documents\/minutes\.docx$/,
    );
    const meetings = await must("GET", `/v1/branches/${econ().branchId}/meetings?kind=committee&limit=200`, {
      key: econ().branchAdmin,
    });
    const m = meetings.items.find((x: { topic: string }) => x.topic === topic);
    const files = await must("GET", `/v1/branches/${econ().branchId}/meetings/${m.id}/attachments`, {
      key: econ().branchAdmin,
    });
    expect(files.items.map((a: { filename: string; document: string }) => [a.filename, a.document])).toEqual([
      ["支委会签到表.pdf", "sign_in_sheet"],
    ]);
    await page.keyboard.press("Escape");
  });

  it("党费: a payment recorded with a double click is recorded once", async () => {
    await openMenu(page, "党费");
    const row = page
      .getByTestId("dues-grid")
      .getByRole("row", { name: /乔宇航/ })
      .first();
    await row.waitFor();
    await shoot(page, "dues");
    // at a desk the whole year, the arrears and the actions are seen without scrolling sideways
    expect(page.viewportSize()).toEqual(DESK);
    const sideways = await page.getByTestId("dues-grid").evaluate((t) => {
      const wrap = t.querySelector(".el-table__body-wrapper .el-scrollbar__wrap");
      return wrap ? wrap.scrollWidth - wrap.clientWidth : null;
    });
    expect(sideways).toBe(0);
    const before = await must("GET", `/v1/branches/${econ().branchId}/dues?month=${month}&limit=200`, {
      key: econ().branchAdmin,
    });
    const member = before.items.find((i: { name: string }) => i.name === "乔宇航");
    expect(member.monthlyDue).toBeGreaterThan(0);
    // each member's arrears tag names the API's unpaid months less the month under way, as the audit counts
    let tagged = 0;
    for (const line of before.items as { name: string; arrearsMonths: string[]; lateMonths: string[] }[]) {
      // the API leaves the month under way out of the late months
      expect(line.lateMonths).toEqual(line.arrearsMonths.filter((m) => m !== month));
      const late = line.lateMonths;
      const text = await page
        .getByTestId("dues-grid")
        .getByRole("row", { name: line.name })
        .first()
        .textContent();
      if (late.length) tagged += 1;
      if (late.length) expect(text).toContain(`自 ${late[0]} 起 ${late.length} 个月`);
      else expect(text).not.toContain("个月");
    }
    expect(tagged).toBeGreaterThan(0);

    await row.getByRole("button", { name: "登记缴费" }).click();
    const dialog = page.getByRole("dialog", { name: "登记缴费" });
    await dialog.getByRole("button", { name: "提交" }).dblclick();
    await dialog.getByText(/已登记 乔宇航/).waitFor();
    const after = await must("GET", `/v1/branches/${econ().branchId}/dues?month=${month}&limit=200`, {
      key: econ().branchAdmin,
    });
    const paid = after.items.find((i: { name: string }) => i.name === "乔宇航");
    expect(paid.paid).toBeCloseTo(member.paid + member.monthlyDue, 2);
    expect(after.totals.collected).toBeCloseTo(before.totals.collected + member.monthlyDue, 2);
  });

  it("预警: acknowledges a finding with a note", async () => {
    await openMenu(page, "预警");
    const first = page.getByTestId("findings").getByRole("row").nth(1);
    await first.waitFor();
    await shoot(page, "findings");
    const message = (await first.locator("td").nth(1).textContent())?.trim() ?? "";
    await first.getByRole("button", { name: "确认" }).click();
    const dialog = page.getByRole("dialog", { name: "确认预警" });
    await dialog.getByLabel("处理说明").fill("已安排组织委员跟进");
    await dialog.getByRole("button", { name: "确定" }).click();
    await page.getByText(/已更新/).waitFor();
    const acknowledged = await must("GET", `/v1/branches/${econ().branchId}/findings?status=acknowledged`, {
      key: econ().branchAdmin,
    });
    const found = acknowledged.items.find((f: { message: string }) => f.message === message);
    expect(found?.note).toBe("已安排组织委员跟进");
  });

  it("账号: lists the branch's people and keys", async () => {
    await openMenu(page, "账号");
    await page
      .getByTestId("accounts")
      .getByRole("row", { name: /econ-secretary/ })
      .waitFor();
    await shoot(page, "accounts");
  });

  it("switches to English and back", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Accounts" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("button", { name: "中文" }).click();
    await page.getByRole("heading", { level: 1, name: "账号" }).waitFor();
  });

  it("signs out, and the session is gone on the server too", async () => {
    const cookies = await watched.context.cookies();
    const session = cookies.find((c) => c.name === "vg_session");
    expect(session?.httpOnly).toBe(true);
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.getByRole("heading", { level: 1, name: "登录支部工作台" }).waitFor();
    const me = await fetch(`${base()}/v1/auth/me`, { headers: { cookie: `vg_session=${session!.value}` } });
    expect(me.status).toBe(401);
    expect(watched.offsite).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
  });
});

describe("the district's organization department", () => {
  let page: Page;
  let watched: Awaited<ReturnType<typeof person>>;

  beforeAll(async () => {
    watched = await person(browser);
    page = watched.page;
  });

  it("signs in and sees every branch scored, with charts drawn by ECharts", async () => {
    const account = demo.accounts.districtAdmin;
    expect(account.login).toBe("ganyu-admin");
    await signIn(page, account.login, account.password);
    await changePassword(page, account.password, "Ganyu-Zuzhi-2026");
    await page.waitForURL(/\/console\/district\/overview$/);
    await page.getByRole("heading", { level: 1, name: "赣榆区" }).waitFor();
    const tags = page.getByTestId("branch-tree").locator("[data-band]");
    // the district's compliance report takes a while on a loaded machine: wait for the tree, not a second
    await expect.poll(() => tags.count(), { timeout: 30_000 }).toBe(6); // five on record since January, one since September
    const bands = await tags.evaluateAll((els) => els.map((e) => e.getAttribute("data-band")));
    // every unit is scored: the 党总支 from the branch under it, the September branch on its own months
    expect(bands.filter((b) => b === "none" || b === "no-records")).toEqual([]);
    for (const chart of ["chart-scores", "chart-trends", "chart-funnel"])
      await expect.poll(() => painted(page, chart), { timeout: 30_000 }).toBeGreaterThan(500);
    await shoot(page, "district");
  });

  it("creates a branch and its secretary's account in one form", async () => {
    await page.getByRole("button", { name: "新建支部及书记账号" }).click();
    const dialog = page.getByRole("dialog", { name: "新建支部及书记账号" });
    const name = `城西社区党支部${Date.now().toString(36)}`;
    const login = `chengxi-${Date.now().toString(36)}`;
    await dialog.getByLabel("支部名称").fill(name);
    await dialog.getByLabel("书记登录账号").fill(login);
    await dialog.getByLabel("书记姓名").fill("城西书记");
    await dialog.getByRole("button", { name: "提交" }).click();
    const secret = page.getByTestId("secret-value");
    await secret.waitFor();
    const password = ((await secret.textContent()) ?? "").trim();
    const branches = await must("GET", `/v1/districts/${demo.districtId}/branches?limit=200`, {
      key: demo.keys.districtAdmin,
    });
    expect(branches.items.filter((b: { name: string }) => b.name === name)).toHaveLength(1);
    const login1 = await http("POST", "/v1/auth/login", { key: null, body: { login, password } });
    expect(login1.status).toBe(200);
    expect(login1.body.mustChangePassword).toBe(true);
    expect(login1.body.account.role).toBe("branch_admin");
  });

  it("reads the district's findings", async () => {
    await openMenu(page, "全区预警");
    await page.getByTestId("district-findings").getByRole("row").nth(1).waitFor();
    await shoot(page, "district-findings");
  });

  it("reports: the period selector drives every chart, and CSV downloads", async () => {
    await openMenu(page, "统计报表");
    for (const chart of ["chart-compliance", "chart-development", "chart-study"])
      await expect.poll(() => painted(page, chart), { timeout: 30_000 }).toBeGreaterThan(500);
    const quarter = `第${Math.floor(new Date().getMonth() / 3) + 1}季度`;
    const asked = page.waitForResponse(
      (r) => r.url().includes("/v1/reports/compliance") && r.url().includes("-Q"),
    );
    await choose(page, "季度或月份", quarter);
    expect((await asked).status()).toBe(200);
    await page.getByRole("heading", { level: 2, name: /合规评分 · \d{4}-Q\d/ }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "导出 CSV" }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^compliance-\d{4}-Q\d\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(econ().name);
    await shoot(page, "reports");
  });

  it("manages the department's own staff accounts", async () => {
    await openMenu(page, "部门账号");
    await page
      .getByTestId("accounts")
      .getByRole("row", { name: /ganyu-admin/ })
      .waitFor();
    await shoot(page, "staff");
    expect(watched.offsite).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
  });
});

describe("the district's auditor", () => {
  it("reads the district's pages with nothing to change", async () => {
    const { page } = await person(browser);
    const account = demo.accounts.auditor;
    expect(account.login).toBe("ganyu-auditor");
    await signIn(page, account.login, account.password);
    await changePassword(page, account.password, "Ganyu-Shenji-2026");
    await page.waitForURL(/\/console\/district\/overview$/);
    await page.getByText("审计员账号只能查看，不能修改。").waitFor();
    const menu = page.getByRole("navigation", { name: "菜单" }).first().getByRole("menuitem");
    expect(await menu.allTextContents()).toEqual([
      "支部总览",
      "全区预警",
      "发展审批",
      "检查审核",
      "问责情况",
      "统计报表",
    ]);
    expect(await page.getByRole("button", { name: "新建支部及书记账号" }).count()).toBe(0);
  });
});

describe("a member's account", () => {
  it("cannot open the branch pages: the API refuses and the page says why", async () => {
    const { page } = await person(browser);
    const member = demo.keys.member;
    const account = demo.accounts.member;
    expect(account.login).toBe("econ-member");
    await signIn(page, account.login, account.password);
    await changePassword(page, account.password, "Qiao-Yuhang-2026");
    await page.waitForURL(/\/console\/me$/);
    const refusal = await http("GET", `/v1/branches/${econ().branchId}/members`, { key: member.key });
    expect(refusal.status).toBe(403);
    await page.goto(`${base()}/console/branch/members`);
    await page.getByTestId("not-for").filter({ hasText: "本页面供支部书记使用。" }).waitFor();
    // the roll and the transfer letters both ask, and both show the API's refusal
    await page.getByRole("alert").filter({ hasText: refusal.body.detail }).first().waitFor();
    // and offers nothing a member may not do
    for (const name of ["新增党员", "导入名册"])
      expect(await page.getByRole("button", { name }).count(), name).toBe(0);
    // nor a search over a roll it may not read
    await expect.poll(() => page.getByRole("search").count()).toBe(0);
    await shoot(page, "member-refused");
  });
});
