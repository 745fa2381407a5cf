import { readFileSync } from "node:fs";
import { stepDefinition } from "@vanguard/domain";
import { happyPath } from "@vanguard/domain/testing";
import { pdf } from "@vanguard/testing/evidence-files";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idNumber, must, putCommittee, tenant } from "../support/http";
import { choose, launch, openMenu, settled, shoot, upload } from "./console";
import { branchAccount, consoleSession, consoleUrl } from "./people";

/**
 * Evidence in the console, in Chromium against the real stack: a secretary sees on a case which
 * documents the district requires of each step and which are missing, attaches a scanned PDF to a
 * step (a text file calling itself .pdf is refused in the API's words), downloads it again, sees
 * what the cultivation review recorded of the community service, downloads the case's forms as
 * Word documents, and attaches a photo to a 写实 record.
 */
let browser: Browser;
let page: Page;
let t: Awaited<ReturnType<typeof tenant>>;
let caseId: string;
const PERSON = { name: "韩明远", gender: "male", birthDate: "1998-05-04" };
const PDF = Buffer.from(pdf("入党申请书"));
// a 1×1 PNG
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const branchPath = () => `/v1/branches/${t.branch.id}`;

beforeAll(async () => {
  t = await tenant(0);
  const full: string[] = [];
  for (const [i, name] of [
    "张建国",
    "李红梅",
    "王志强",
    "赵秀英",
    "孙卫东",
    "周海燕",
    "吴立新",
    "郑文华",
    "冯国平",
  ].entries()) {
    const birthDate = `197${i}-0${1 + i}-1${i}`;
    const m = await must("POST", `${branchPath()}/members`, {
      key: t.branchKey,
      body: {
        name,
        gender: i % 2 ? "female" : "male",
        birthDate,
        status: "full",
        joinedOn: `${1995 + i}-07-01`,
        idNumber: idNumber(birthDate, 700 + i),
      },
    });
    full.push(m.id);
  }
  // the district asks for the application letter and the 入党志愿书, and records a step without them with a warning
  const rules = await must("GET", `/v1/districts/${t.district.id}/development/rules`, { key: t.districtKey });
  await must("PUT", `/v1/districts/${t.district.id}/development/rules`, {
    key: t.districtKey,
    body: {
      version: rules.version,
      rules: {
        ...rules.rules,
        evidence: {
          enforcement: "warn",
          required: { application: ["application_letter"], application_form: ["membership_form"] },
        },
      },
    },
  });
  const path = happyPath({
    secretary: full[0]!,
    contact1: full[1]!,
    contact2: full[2]!,
    intro1: full[3]!,
    intro2: full[4]!,
  });
  const cases = `${branchPath()}/development/cases`;
  const opened = await must("POST", cases, {
    key: t.branchKey,
    body: { person: PERSON, appliedOn: path[0]!.occurredOn },
  });
  caseId = opened.id;
  const svc = `${branchPath()}/service`;
  for (const s of path.slice(
    1,
    path.findIndex((x) => x.step === "upper_talk"),
  )) {
    if (s.step === "cultivation_review" && s.occurredOn === "2023-10-10") {
      // community service the community confirmed, before the first cultivation review
      const reg = await must("POST", `${svc}/registrations`, {
        key: t.branchKey,
        body: {
          memberId: opened.memberId,
          kind: "community",
          organization: "青口社区",
          registeredOn: "2023-05-01",
        },
      });
      const session = await must("POST", `${svc}/sessions`, {
        key: t.branchKey,
        body: {
          registrationId: reg.id,
          servedOn: "2023-06-10",
          hours: 4.5,
          description: "社区文明创建入户宣传",
        },
      });
      await must("POST", "/v1/service-confirmations", {
        key: null,
        body: { code: session.confirmationCode, personName: PERSON.name, confirmedBy: "青口社区 李主任" },
      });
    }
    const upper = stepDefinition(s.step).recordedBy === "upper";
    await must("POST", `${cases}/${caseId}/steps`, { key: upper ? t.districtKey : t.branchKey, body: s });
  }
  await must("POST", `${branchPath()}/records`, {
    key: t.branchKey,
    body: { kind: "work", occurredOn: "2026-11-20", content: "开展“学习强国”答题竞赛，组织党员集中学习" },
  });
  // a committee member's task this month, as the page shows the month it is opened in
  await putCommittee(t.branch.id, t.branchKey, [full[0]!, full[1]!, full[2]!]);
  const d = new Date();
  const month = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
  await must("POST", `${branchPath()}/duty-tasks`, {
    key: t.branchKey,
    body: { assigneeId: full[1], month, title: "收缴党费并公示", dueOn: `${month}-28` },
  });
  browser = await launch();
  const account = await branchAccount(t.branch.id, t.branchKey, "branch_admin", "材料书记");
  ({ page } = await consoleSession(browser, account));
});

afterAll(async () => {
  await browser?.close();
});

describe("a case's evidence and forms", () => {
  it("names the missing documents, refuses a text file calling itself .pdf, and takes the scanned letter", async () => {
    await page.goto(consoleUrl(`/development/cases/${t.branch.id}/${caseId}`));
    const card = page.getByTestId("case-evidence");
    const application = card.locator('[data-evidence-step="application"]');
    await application.getByText("缺 入党申请书").waitFor();
    await card.locator('[data-evidence-step="application_form"]').getByText("缺 入党志愿书").waitFor();
    await settled(page);
    await shoot(page, "case-evidence");

    await application.getByRole("button", { name: "上传材料" }).click();
    const dialog = page.getByRole("dialog", { name: "材料：递交入党申请书" });
    await dialog.getByTestId("attachments").waitFor();
    // the district's document for this step is offered first
    await dialog.locator(".el-select", { hasText: "入党申请书" }).waitFor();
    await upload(dialog, "入党申请书.pdf", Buffer.from("这不是PDF，只是一个改了名字的文本文件。\n"));
    await dialog.getByRole("alert").filter({ hasText: "文件内容不是允许的类型" }).waitFor();
    const none = await must(
      "GET",
      `${branchPath()}/development/cases/${caseId}/steps/application/attachments`,
      {
        key: t.branchKey,
      },
    );
    expect(none.items).toEqual([]);

    await upload(dialog, "韩明远 入党申请书.pdf", PDF);
    const link = dialog.getByRole("link", { name: "韩明远 入党申请书.pdf" });
    await link.waitFor();
    // the case asks the API again: the letter is no longer missing
    await dialog.getByText("已交 入党申请书").waitFor();
    await settled(page);
    await shoot(page, "case-step-files");

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("韩明远 入党申请书.pdf");
    expect(readFileSync((await download.path())!)).toEqual(PDF);
    await page.keyboard.press("Escape");
    await application.getByText("已交 入党申请书").waitFor();
    const view = await must("GET", `${branchPath()}/development/cases/${caseId}`, { key: t.branchKey });
    expect(view.evidence.steps.find((s: { step: string }) => s.step === "application").missing).toEqual([]);
    const files = await must(
      "GET",
      `${branchPath()}/development/cases/${caseId}/steps/application/attachments`,
      {
        key: t.branchKey,
      },
    );
    expect(files.items.map((a: { filename: string; document: string }) => [a.filename, a.document])).toEqual([
      ["韩明远 入党申请书.pdf", "application_letter"],
    ]);
  });

  it("attaches to a recorded step from the timeline, and shows what the cultivation review saw", async () => {
    const timeline = page.getByTestId("timeline");
    const review = timeline.locator('[data-entry="cultivation_review"]').first();
    await review
      .getByTestId("review-facts")
      .getByText("考察期内（2023-04-25 至 2023-10-10）社区报到服务已确认 4.5 小时，共 1 次")
      .waitFor();
    const form = timeline.locator('[data-entry="application_form"]');
    await form.getByRole("button", { name: "附件：填写入党志愿书" }).click();
    const dialog = page.getByRole("dialog", { name: "材料：填写入党志愿书" });
    await upload(dialog, "入党志愿书.pdf", PDF);
    await dialog.getByRole("link", { name: "入党志愿书.pdf" }).waitFor();
    await dialog.getByText("已交 入党志愿书").waitFor();
    await page.keyboard.press("Escape");
    await page
      .getByTestId("case-evidence")
      .locator('[data-evidence-step="application_form"]')
      .getByText("已交 入党志愿书")
      .waitFor();
  });

  it("offers the forms of the steps recorded, each downloading as a Word document", async () => {
    const forms = page.getByTestId("case-forms");
    await forms.getByRole("link", { name: /支部大会决议（接收预备党员）/ }).waitFor();
    expect(await forms.getByRole("link").count()).toBe(3);
    expect(await forms.locator('[data-form="full_membership_resolution"]').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      forms.getByRole("link", { name: /支部大会决议（接收预备党员）/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = readFileSync((await download.path())!);
    // a .docx is a zip holding word/document.xml
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true);
  });
});

describe("写实 records", () => {
  it("attaches a photo to a record and lists it", async () => {
    await openMenu(page, "工作写实");
    const row = page.getByTestId("records").getByRole("row", { name: /学习强国/ });
    await row.getByRole("button", { name: /^附件：/ }).click();
    const dialog = page.getByRole("dialog", { name: /写实材料：2026-11-20/ });
    await dialog.getByTestId("attachments").waitFor();
    // 其他材料 until the secretary says what the file is
    await dialog.locator(".el-select", { hasText: "其他材料" }).waitFor();
    await choose(page, "材料类型", "照片");
    await upload(dialog, "答题竞赛.png", PNG, "image/png");
    await dialog.getByRole("link", { name: "答题竞赛.png" }).waitFor();
    await settled(page);
    await shoot(page, "record-files");
    await page.keyboard.press("Escape");
    const records = await must("GET", `${branchPath()}/records?limit=10`, { key: t.branchKey });
    const files = await must("GET", `${branchPath()}/records/${records.items[0].id}/attachments`, {
      key: t.branchKey,
    });
    expect(files.items.map((a: { filename: string; document: string }) => [a.filename, a.document])).toEqual([
      ["答题竞赛.png", "photo"],
    ]);
  });
});

describe("一岗双责", () => {
  it("attaches the evidence of a committee member's task", async () => {
    await openMenu(page, "一岗双责");
    const row = page.getByTestId("duty-tasks").getByRole("row", { name: /收缴党费并公示/ });
    await row.getByRole("button", { name: "附件：收缴党费并公示" }).click();
    const dialog = page.getByRole("dialog", { name: "任务材料：收缴党费并公示" });
    await upload(dialog, "党费公示.pdf", PDF);
    await dialog.getByRole("link", { name: "党费公示.pdf" }).waitFor();
    await dialog.locator(".files .el-tag", { hasText: "其他材料" }).waitFor();
    await settled(page);
    await shoot(page, "task-files");
    await page.keyboard.press("Escape");
  });
});
