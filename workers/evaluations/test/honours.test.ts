import { describe, expect, it } from "vitest";
import { branchWithCommittee, thisYear, today } from "./harness";

describe("the secretary's annual report (述职述廉)", () => {
  it("is filed by the secretary once a year and rated by the district", async () => {
    const t = await branchWithCommittee();
    const year = thisYear() - 1;
    const body = {
      year,
      deliveredOn: `${year}-12-28`,
      dutyReport: "全年召开支委会 12 次，党员大会 4 次，讲党课 2 次。",
      integrityReport: "严格执行中央八项规定精神，无违规违纪问题。",
    };
    const filed = await t.call(`${t.b}/secretary-reports`, { body });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      secretaryId: t.secretary,
      secretaryName: "王书记",
      status: "submitted",
    });
    expect((await t.call(`${t.b}/secretary-reports`, { body })).status).toBe(409);
    const notSecretary = await t.call(`${t.b}/secretary-reports`, {
      body: { ...body, year: thisYear(), deliveredOn: today(), secretaryId: t.organization },
    });
    expect(notSecretary.status).toBe(422);
    expect(notSecretary.body.errors[0].rule).toBe("secretary_report_not_secretary");
    const rateByBranch = await t.call(`${t.b}/secretary-reports/${filed.body.id}/review`, {
      body: { rating: "good" },
    });
    expect(rateByBranch.status).toBe(403);
    const rated = await t.call(`${t.b}/secretary-reports/${filed.body.id}/review`, {
      role: "district_admin",
      body: { rating: "fairly_good", comment: "党建与业务融合还需加强" },
    });
    expect(rated.body).toMatchObject({ status: "reviewed", rating: "fairly_good" });
    const twice = await t.call(`${t.b}/secretary-reports/${filed.body.id}/review`, {
      role: "district_admin",
      body: { rating: "good" },
    });
    expect(twice.body.errors[0].rule).toBe("secretary_report_reviewed");
  });
});

describe("model posts (党员示范岗) and awards", () => {
  it("are nominated by the branch, named by the district and listed district-wide", async () => {
    const t = await branchWithCommittee();
    const year = thisYear();
    const nominated = await t.call(`${t.b}/model-posts`, {
      body: {
        memberId: t.others[0],
        year,
        title: "政务服务窗口党员示范岗",
        commitment: "亮身份、作表率，办事零差错",
      },
    });
    expect(nominated.status).toBe(201);
    expect(nominated.body).toMatchObject({ status: "nominated", memberName: "党员1" });
    const dup = await t.call(`${t.b}/model-posts`, {
      body: { memberId: t.others[0], year, title: "另一个岗", commitment: "x" },
    });
    expect(dup.status).toBe(409);
    expect((await t.call(`${t.b}/model-posts/${nominated.body.id}/award`, { body: {} })).status).toBe(403);
    const named = await t.call(`${t.b}/model-posts/${nominated.body.id}/award`, {
      role: "district_admin",
      body: {},
    });
    expect(named.body).toMatchObject({ status: "awarded", awardedOn: today() });
    const again = await t.call(`${t.b}/model-posts/${nominated.body.id}/award`, {
      role: "district_admin",
      body: {},
    });
    expect(again.body.errors[0].rule).toBe("model_post_already_awarded");
    const district = await t.call(`${t.d}/model-posts?status=awarded`, { role: "auditor" });
    expect(district.body.items.map((m: { memberName: string }) => m.memberName)).toEqual(["党员1"]);
  });

  it("do not go to a member graded below qualified that year, and district awards are the district's", async () => {
    const t = await branchWithCommittee({ others: 1 });
    const year = thisYear() - 1;
    const { body: a } = await t.call(`${t.b}/appraisals`, { body: { year } });
    for (const m of [t.secretary, t.organization, t.propaganda])
      await t.call(`${t.b}/appraisals/${a.id}/grades/${m}`, { method: "PUT", body: { grade: "qualified" } });
    await t.call(`${t.b}/appraisals/${a.id}/grades/${t.others[0]}`, {
      method: "PUT",
      body: { grade: "basically_qualified", comment: "学习不够" },
    });
    await t.call(`${t.b}/appraisals/${a.id}/finalize`, { body: {} });
    const award = (memberId: string, role: "branch_admin" | "district_admin", level = "branch") =>
      t.call(`${t.b}/awards`, {
        role,
        body: { memberId, year, title: "优秀共产党员", level, citation: "亮身份、亮业绩，服务群众成绩突出" },
      });
    const refused = await award(t.others[0]!, "branch_admin");
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({
      rule: "award_appraisal_grade",
      facts: { grade: "basically_qualified" },
    });
    expect((await award(t.secretary, "branch_admin", "district")).status).toBe(403);
    expect((await award(t.secretary, "district_admin", "district")).status).toBe(201);
    expect((await award(t.secretary, "district_admin", "district")).status).toBe(409);
    expect((await award(t.organization, "branch_admin")).body).toMatchObject({
      level: "branch",
      memberName: "李组织",
    });
    const listed = await t.call(`${t.d}/awards?year=${year}`, { role: "district_admin" });
    expect(
      listed.body.items.map((x: { memberName: string; level: string }) => [x.memberName, x.level]),
    ).toEqual([
      ["王书记", "district"],
      ["李组织", "branch"],
    ]);
  });
});
