import { pdf } from "@vanguard/testing/evidence-files";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoKeys } from "../../scripts/seed/index.mjs";
import { demoDistrict } from "../support/demo";
import { must } from "../support/http";
import { choose, launch, openMenu, settled, shoot, upload } from "./console";
import { branchAccount, consoleSession, districtAccount } from "./people";

/**
 * 考核 in Chromium against the real stack: a branch fills this quarter's inspection item by item
 * (evidence, and for lost points the reason and the member who answers), meets a 409 in place
 * when an item changed meanwhile, submits; the district reviews it on its own page; the
 * accountability view names who lost which points; the appraisal shows the excellent limit.
 */
let demo: DemoKeys;
let browser: Browser;
let inspectionId: string;
const econ = () => demo.keys.branches.econ!;
const path = () => `/v1/branches/${econ().branchId}`;
const now = new Date();
const quarter = `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
const PDF = pdf("会议记录");

beforeAll(async () => {
  demo = await demoDistrict();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe("the quarter's inspection", () => {
  let page: Page;
  let committee: { memberId: string; post: string; name: string }[];

  beforeAll(async () => {
    const account = await branchAccount(econ().branchId, econ().branchAdmin, "branch_admin", "考核书记");
    ({ page } = await consoleSession(browser, account));
    committee = (await must("GET", `${path()}/committee`, { key: econ().branchAdmin })).posts;
  });

  it("is opened for this quarter from the district's checklist", async () => {
    await openMenu(page, "考核检查");
    await page.getByTestId("inspections").getByRole("row").nth(1).waitFor();
    await page.getByRole("button", { name: "开始本季度自查" }).click();
    const dialog = page.getByRole("dialog", { name: "开始本季度自查" });
    await dialog.getByRole("button", { name: "开始自查" }).click();
    await page.waitForURL(/\/console\/branch\/inspections\/ins_/);
    inspectionId = page.url().split("/").pop()!;
    await page.getByRole("heading", { level: 1, name: `${quarter} 党建工作检查` }).waitFor();
  });

  it("is filled item by item; an item changed meanwhile is refused in place (409) and keeps what it had", async () => {
    const ins = await must("GET", `${path()}/inspections/${inspectionId}`, { key: econ().branchAdmin });
    const items: { code: string; maxScore: number; title: string }[] = ins.items;
    const [first, second, ...rest] = items;
    const card = (code: string) => page.locator(`[data-item="${code}"]`);
    async function fill(code: string, score: number, evidence: string) {
      await card(code).getByLabel("得分").fill(String(score));
      await card(code).getByLabel("得分").press("Tab");
      await card(code).getByLabel("佐证材料").fill(evidence);
    }

    // the first item loses points: the reason, and the member who answers for them
    await fill(first!.code, first!.maxScore - 2, "支委会会议记录 3 份");
    await card(first!.code).getByLabel("扣分原因").fill("10 月支委会未按时召开");
    const answerer = committee.find((p) => p.post === "organization") ?? committee[0]!;
    await choose(page, `${first!.code} 丢分责任人`, answerer.name);
    await card(first!.code).getByRole("button", { name: "保存本项" }).click();
    await card(first!.code).getByText("已保存").waitFor();

    // someone else saves the second item meanwhile: this page's version is now stale
    await must("PUT", `${path()}/inspections/${inspectionId}/items/${second!.code}`, {
      key: econ().branchAdmin,
      body: { score: second!.maxScore, evidence: "另一处保存的佐证" },
    });
    await fill(second!.code, second!.maxScore - 1, "本页填写的佐证");
    await card(second!.code).getByLabel("扣分原因").fill("本页填写的原因");
    await card(second!.code).getByRole("button", { name: "保存本项" }).click();
    const refusal = card(second!.code).getByTestId("problem");
    await refusal.waitFor();
    const stale = await must("GET", `${path()}/inspections/${inspectionId}`, { key: econ().branchAdmin });
    const kept = stale.items.find((i: { code: string }) => i.code === second!.code);
    expect(kept.selfScore).toBe(second!.maxScore);
    expect(kept.evidence).toBe("另一处保存的佐证");
    expect((await refusal.textContent())?.length).toBeGreaterThan(4);

    // read again, the rest is filled and saved
    await page.reload();
    await card(second!.code).getByLabel("得分").waitFor();
    for (const item of [second!, ...rest]) {
      await fill(item.code, item.maxScore, `${quarter} ${item.title.split("：")[0]}台账`);
      await card(item.code).getByRole("button", { name: "保存本项" }).click();
      await card(item.code).getByText("已保存").waitFor();
    }
    await settled(page);
    await shoot(page, "inspection");
  });

  it("takes an item's evidence file while it is a draft", async () => {
    const ins = await must("GET", `${path()}/inspections/${inspectionId}`, { key: econ().branchAdmin });
    const item: { code: string; title: string } = ins.items[0];
    await page.getByRole("button", { name: `附件：${item.title}` }).click();
    const dialog = page.getByRole("dialog", { name: `佐证附件：${item.title}` });
    await dialog.getByTestId("attachments").waitFor();
    await choose(page, "材料类型", "会议记录");
    await upload(dialog, "支委会会议记录.pdf", PDF);
    await dialog.getByRole("link", { name: "支委会会议记录.pdf" }).waitFor();
    await settled(page);
    await shoot(page, "inspection-item-files");
    await page.keyboard.press("Escape");
    const files = await must("GET", `${path()}/inspections/${inspectionId}/items/${item.code}/attachments`, {
      key: econ().branchAdmin,
    });
    expect(files.items.map((a: { filename: string; document: string }) => [a.filename, a.document])).toEqual([
      ["支委会会议记录.pdf", "minutes"],
    ]);
  });

  it("is submitted to the district", async () => {
    await page.getByRole("button", { name: "提交上级审核" }).click();
    await page.getByText("自查结果已提交，等待上级审核").waitFor();
    await expect.poll(() => page.getByTestId("inspection-status").textContent()).toBe("待审核");
    const submitted = await must("GET", `${path()}/inspections/${inspectionId}`, { key: econ().branchAdmin });
    expect(submitted.status).toBe("submitted");
    // once submitted, an item's files are read, not changed
    const item: { title: string } = submitted.items[0];
    await page.getByRole("button", { name: `附件：${item.title}` }).click();
    const dialog = page.getByRole("dialog", { name: `佐证附件：${item.title}` });
    await dialog.getByRole("link", { name: "支委会会议记录.pdf" }).waitFor();
    expect(await dialog.getByTestId("evidence-file").count()).toBe(0);
    expect(await dialog.getByRole("button", { name: "上传" }).count()).toBe(0);
    await page.keyboard.press("Escape");
  });
});

describe("the district's review", () => {
  it("finds the submitted inspection, takes off what it finds, and names who answers", async () => {
    const account = await districtAccount(demo.districtId, demo.keys.districtAdmin, "考核审核组织员");
    const { page } = await consoleSession(browser, account);
    await openMenu(page, "检查审核");
    const row = page
      .getByTestId("district-inspections")
      .getByRole("row")
      .filter({ hasText: econ().name })
      .filter({ hasText: quarter });
    await row.getByRole("link", { name: "审核" }).click();
    await page.getByRole("heading", { level: 1, name: `${quarter} 检查审核` }).waitFor();
    const ins = await must("GET", `${path()}/inspections/${inspectionId}`, { key: econ().branchAdmin });
    const last = ins.items.at(-1);
    await page.getByLabel(`${last.title} 审核得分`).fill(String(last.maxScore - 3));
    await page.getByLabel(`${last.title} 审核得分`).press("Tab");
    await page.getByLabel(`${last.title} 扣分原因`).fill("廉政谈话记录缺少签字");
    await page.getByLabel("审核意见").fill("已逐项核查台账");
    await settled(page);
    await shoot(page, "inspection-review");
    await page.getByRole("button", { name: "完成审核" }).click();
    await page.getByText(/审核完成，最终得分/).waitFor();
    const reviewed = await must("GET", `${path()}/inspections/${inspectionId}`, { key: econ().branchAdmin });
    expect(reviewed.status).toBe("reviewed");
    const item = reviewed.items.find((i: { code: string }) => i.code === last.code);
    expect(item.finalScore).toBe(last.maxScore - 3);
    expect(item.responsible?.memberId).toBeTruthy();

    // who lost which points: the district's accountability view names that member
    await openMenu(page, "问责情况");
    await page.getByText(item.responsible.name).first().waitFor();
    await shoot(page, "district-accountability");
  });
});

describe("the branch's other evaluations", () => {
  it("duty tasks, records and the appraisal's excellent limit", async () => {
    const account = await branchAccount(econ().branchId, econ().branchAdmin, "branch_admin", "评议书记");
    const { page } = await consoleSession(browser, account);
    await openMenu(page, "一岗双责");
    await page.getByTestId("duty-tasks").getByRole("row").nth(1).waitFor();
    await shoot(page, "duty-tasks");
    await openMenu(page, "工作写实");
    await page.getByTestId("records").getByText("已更正").first().waitFor();
    await shoot(page, "records");
    await openMenu(page, "民主评议");
    const limit = page.getByTestId("excellent-limit");
    await expect.poll(() => limit.textContent()).toMatch(/优秀 \d+ 人，上限 \d+ 人/);
    await shoot(page, "appraisal");
    await openMenu(page, "问责情况");
    await settled(page);
    await shoot(page, "accountability");
  });
});
