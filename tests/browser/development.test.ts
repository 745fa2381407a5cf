import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoKeys } from "../../scripts/seed/index.mjs";
import { demoDistrict } from "../support/demo";
import { idNumber, must } from "../support/http";
import { choose, launch, openMenu, settled, shoot } from "./console";
import { branchAccount, consoleSession, consoleUrl, districtAccount } from "./people";

/**
 * 发展党员 in Chromium against the real stack: a secretary opens a case for an applicant on the roll
 * and takes it through the talk and activist designation in the step forms (drawn from the served
 * OpenAPI), assigns contacts and a cultivation review; the district's organization department
 * records the upper-committee filing from its approvals page; candidate designation, tried a year
 * too early, is refused with the rule's own message and nothing changes.
 */
let demo: DemoKeys;
let browser: Browser;
const applicant = { name: "闵思远", gender: "male", birthDate: "1998-05-20", status: "applicant" };
let applicantId: string;
let full: { id: string; name: string }[];

const econ = () => demo.keys.branches.econ!;
const asSecretary = (path: string) =>
  must("GET", `/v1/branches/${econ().branchId}${path}`, { key: econ().branchAdmin });

beforeAll(async () => {
  demo = await demoDistrict();
  const made = await must("POST", `/v1/branches/${econ().branchId}/members`, {
    key: econ().branchAdmin,
    body: { ...applicant, idNumber: idNumber(applicant.birthDate, 913) },
  });
  applicantId = made.id;
  full = (await asSecretary("/members?status=full&limit=200")).items;
  expect(full.length).toBeGreaterThanOrEqual(3);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the form of a next step on the case page and waits for it to be drawn from the schema. */
async function openStep(page: Page, step: string, title: string) {
  await page
    .locator(`[data-testid="next-steps"] li[data-step="${step}"]`)
    .getByRole("button", { name: "办理" })
    .click();
  const dialog = page.getByRole("dialog", { name: title });
  await dialog.locator(`[data-step="${step}"]`).waitFor();
  return dialog;
}

/** Closes a multiple select's open list, as a person clicks elsewhere in the dialog. */
async function closeList(dialog: ReturnType<Page["getByRole"]>) {
  await dialog.locator(".el-dialog__title").click();
}

async function recordStep(page: Page, dialog: ReturnType<Page["getByRole"]>, label: string) {
  await dialog.getByRole("button", { name: `确认办理：${label}` }).click();
  await page
    .getByRole("status")
    .filter({ hasText: `已办理“${label}”` })
    .waitFor();
}

describe("a secretary takes an applicant through the first steps", () => {
  let page: Page;
  let caseId: string;

  beforeAll(async () => {
    const account = await branchAccount(econ().branchId, econ().branchAdmin, "branch_admin", "发展工作书记");
    ({ page } = await consoleSession(browser, account));
  });

  it("opens a case for the applicant from the board's form", async () => {
    await openMenu(page, "发展党员");
    await page.getByTestId("board").locator('[data-stage="applicant"]').waitFor();
    await shoot(page, "development-board");
    await page.getByRole("button", { name: "登记入党申请" }).click();
    const dialog = page.getByRole("dialog", { name: "登记入党申请" });
    await choose(page, "申请人", applicant.name);
    await dialog.getByRole("button", { name: "建立发展案卷" }).click();
    await page.waitForURL(/\/console\/development\/cases\//);
    caseId = page.url().split("/").pop()!;
    await page.getByRole("heading", { level: 1, name: `${applicant.name}的发展案卷` }).waitFor();
    const opened = await asSecretary(`/development/cases/${caseId}`);
    expect(opened.memberId).toBe(applicantId);
    expect(opened.stage).toBe("applicant");
    // the district has published no pipeline rules: the case names the built-in ones, not a "v0"
    expect(opened.ruleSetVersion).toBe(0);
    await page.getByText("默认规则").first().waitFor();
    expect(await page.getByText("规则版本 v0").count()).toBe(0);
  });

  it("records the talk with a talker picked from the roll, then designates the activist", async () => {
    const talk = await openStep(page, "application_talk", "2. 党组织派人谈话");
    await choose(page, "谈话人", full[0]!.name);
    await closeList(talk);
    await recordStep(page, talk, "党组织派人谈话");

    const designate = await openStep(page, "activist_designation", "3. 确定入党积极分子");
    await designate.getByRole("radiogroup", { name: "推荐方式" }).getByText("党员推荐").click();
    await recordStep(page, designate, "确定入党积极分子");
    await expect.poll(() => page.getByTestId("stage").textContent()).toBe("入党积极分子");

    const timeline = await asSecretary(`/development/cases/${caseId}/timeline?limit=50`);
    const talked = timeline.items.find((e: { step?: string }) => e.step === "application_talk");
    expect(talked.data.talkerIds).toEqual([full[0]!.id]);
    expect(timeline.items.find((e: { step?: string }) => e.step === "activist_designation").data).toEqual({
      recommendedBy: "party_members",
    });
    // the timeline names the talker and the rule set each step was checked against
    await page.getByTestId("timeline").getByText(`谈话人：${full[0]!.name}`).waitFor();
    expect(
      await page
        .getByTestId("timeline")
        .getByText(/默认规则|规则版本 v\d+/)
        .count(),
    ).toBeGreaterThanOrEqual(3);
  });

  it("assigns two contacts and records a cultivation review", async () => {
    const contacts = await openStep(page, "contacts_assigned", "5. 指定培养联系人");
    await choose(page, "培养联系人", full[1]!.name);
    await closeList(contacts);
    await choose(page, "培养联系人", full[2]!.name);
    await closeList(contacts);
    await recordStep(page, contacts, "指定培养联系人");

    const review = await openStep(page, "cultivation_review", "6. 培养教育考察");
    await review.getByRole("radiogroup", { name: "思想表现" }).getByText("优秀").click();
    await review.getByRole("radiogroup", { name: "工作表现" }).getByText("优秀").click();
    await review.getByLabel("培训学时").fill("24");
    await recordStep(page, review, "培养教育考察");
  });

  it("the district's organization department records the upper committee's filing from its approvals page", async () => {
    const account = await districtAccount(demo.districtId, demo.keys.districtAdmin, "发展工作组织员");
    const { page: district } = await consoleSession(browser, account);
    await openMenu(district, "发展审批");
    const row = district
      .getByTestId("approvals")
      .getByRole("row")
      .filter({ hasText: applicant.name })
      .filter({ hasText: "上级党委备案" });
    await row.waitFor();
    await shoot(district, "district-approvals");
    await row.getByRole("button", { name: "办理" }).click();
    const dialog = district.getByRole("dialog", { name: `${applicant.name} · 4. 上级党委备案` });
    await dialog.locator('[data-step="activist_filing"]').waitFor();
    await dialog.getByRole("button", { name: "确认办理：上级党委备案" }).click();
    await district.getByText(`已为 ${applicant.name} 办理“上级党委备案”`).waitFor();
    const timeline = await asSecretary(`/development/cases/${caseId}/timeline?limit=50`);
    const filed = timeline.items.find((e: { step?: string }) => e.step === "activist_filing");
    expect(filed).toBeDefined();
  });

  it("candidate designation a year too early: the blocker's own message, in the list and in the form, and nothing recorded", async () => {
    await page.reload();
    const item = page.locator('[data-testid="next-steps"] li[data-step="candidate_designation"]');
    const blocker = item.locator('[data-rule="cultivation_under_one_year"]');
    await blocker.waitFor();
    const message = ((await blocker.textContent()) ?? "").trim();
    expect(message).toMatch(/确定为入党积极分子未满\d+个月（\d{4}-\d{2}-\d{2}起方可）/);

    const form = await openStep(page, "candidate_designation", "7. 确定发展对象");
    for (const source of ["党小组", "培养联系人", "党员", "群众"])
      await form.getByText(source, { exact: true }).click();
    await form.getByRole("button", { name: "确认办理：确定发展对象" }).click();
    await form.getByTestId("problem").filter({ hasText: message }).waitFor();
    const after = await asSecretary(`/development/cases/${caseId}`);
    expect(after.stage).toBe("activist");
    expect(after.completedSteps).not.toContain("candidate_designation");
    await page.keyboard.press("Escape");
    await settled(page);
    await shoot(page, "case");
  });
});

describe("the step forms", () => {
  it("are drawn from the served OpenAPI: a vote's tally explains the double majority as it is typed", async () => {
    const account = await branchAccount(econ().branchId, econ().branchAdmin, "branch_admin", "表决演示书记");
    const { page } = await consoleSession(browser, account);
    // a seeded candidate's case; its admission vote is blocked, but its form can be drawn and typed in
    const cases = await asSecretary("/development/cases?stage=candidate&limit=50");
    await page.goto(consoleUrl(`/development/cases/${econ().branchId}/${cases.items[0].id}`));
    await page.getByTestId("next-steps").waitFor();
    const item = page.locator('[data-testid="next-steps"] li[data-step="admission_vote"]');
    await item.getByRole("button", { name: "办理" }).click();
    const dialog = page.getByRole("dialog", { name: /15\. 支部大会讨论/ });
    const vote = dialog.getByTestId("vote");
    await vote.waitFor();
    await vote.getByLabel("应到", { exact: true }).fill("9");
    await vote.getByLabel("实到", { exact: true }).fill("4");
    await vote.getByLabel("赞成", { exact: true }).fill("4");
    await vote.getByLabel("赞成", { exact: true }).press("Tab");
    const explained = dialog.getByTestId("majority");
    await explained.getByText("✗ 实到 4 人，应到 9 人，须至少 5 人到会").waitFor();
    await explained.locator('[data-rule="vote_quorum_not_met"]').waitFor();
    await vote.getByLabel("实到", { exact: true }).fill("6");
    await vote.getByLabel("赞成", { exact: true }).fill("5");
    await vote.getByLabel("赞成", { exact: true }).press("Tab");
    await explained.getByText("✓ 赞成 5 票（含书面意见），须至少 5 票").waitFor();
    expect(await explained.locator("[data-rule]").count()).toBe(0);
  });
});
