import { describe, expect, it } from "vitest";
import { call, eventCount, idNumberFor, newTenant } from "./harness";

const csv = (text: string) => ({ raw: text, headers: { "content-type": "text/csv; charset=utf-8" } });

describe("CSV member import", () => {
  it("creates the valid rows and reports each bad row by its line", async () => {
    const t = await newTenant();
    const dupe = idNumberFor("1979-11-02", 5);
    const file = [
      "name,gender,birthDate,status,joinedOn,idNumber,phone,education",
      `张三,male,1985-03-12,full,2010-07-01,${idNumberFor("1985-03-12", 1)},13812345678,大学本科`,
      "李四,unknown,1990-01-01,applicant,,,,",
      `"王, 五",female,1979-11-02,probationary,2026-06-01,${dupe},,`,
      `赵六,male,1979-11-02,activist,,${dupe},,`,
      "钱七,male,2015-01-01,full,2030-01-01,,,",
    ].join("\n");
    const r = await call(`/v1/branches/${t.branch.id}/members/import`, { key: t.branchKey, ...csv(file) });
    expect(r.status).toBe(200);
    expect(r.body.created).toBe(2);
    expect(r.body.rejected.map((x: { line: number }) => x.line)).toEqual([3, 5, 6]);
    expect(r.body.rejected[0].errors[0].path).toBe("gender");
    expect(r.body.rejected[1].errors[0].rule).toBe("unique_id_number");
    expect(r.body.rejected[2].errors.map((e: { rule: string }) => e.rule)).toContain("joined_on_in_future");
    const listed = await call(`/v1/branches/${t.branch.id}/members`, { key: t.branchKey });
    expect(listed.body.items.map((m: { name: string }) => m.name).sort()).toEqual(["张三", "王, 五"]);
    expect(await eventCount(t.branch.id, t.branchKey)).toBe(2);
  });

  it("reads a spreadsheet export: BOM, Chinese headers, Chinese values and dates", async () => {
    const t = await newTenant();
    const file = `\uFEFF姓名,性别,出生日期,状态,入党日期,身份证号\n孙八,女,1988/6/9,正式党员,2012年7月1日,${idNumberFor("1988-06-09")}\n`;
    const r = await call(`/v1/branches/${t.branch.id}/members/import`, { key: t.branchKey, ...csv(file) });
    expect(r.body).toEqual({ created: 1, unchanged: [], conflicts: [], rejected: [] });
    const [m] = (await call(`/v1/branches/${t.branch.id}/members`, { key: t.branchKey })).body.items;
    expect(m).toMatchObject({
      name: "孙八",
      gender: "female",
      birthDate: "1988-06-09",
      status: "full",
      joinedOn: "2012-07-01",
    });
  });

  it("never puts a person on the roll twice: a rerun reports every row unchanged, with or without ID numbers", async () => {
    const t = await newTenant();
    const id = idNumberFor("1970-01-01", 9);
    const file = [
      "name,gender,birthDate,status,joinedOn,idNumber",
      `周九,male,1970-01-01,full,1995-07-01,${id}`,
      "吴十,female,1980-05-06,full,2001-07-01,",
      "郑十一,male,1990-02-03,applicant,,",
    ].join("\n");
    const first = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      ...csv(file),
    });
    expect(first.body.created).toBe(3);
    const again = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      ...csv(file),
    });
    expect(again.body).toMatchObject({ created: 0, conflicts: [], rejected: [] });
    expect(again.body.unchanged.map((u: { line: number }) => u.line)).toEqual([2, 3, 4]);
    expect(await eventCount(t.branch.id, t.branchKey)).toBe(3);
    const roll = await call(`/v1/branches/${t.branch.id}/members?limit=50`, { key: t.branchKey });
    expect(roll.body.items).toHaveLength(3);
  });

  it("reports a known person whose row differs as a conflict and overwrites nothing", async () => {
    const t = await newTenant();
    const header = "name,gender,birthDate,status,joinedOn,education";
    await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      ...csv(`${header}\n吴十,female,1980-05-06,probationary,2025-07-01,大专\n`),
    });
    const fixed = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      ...csv(`${header}\n吴十,female,1980-05-06,full,2025-07-01,大学本科\n`),
    });
    expect(fixed.body).toMatchObject({ created: 0, unchanged: [] });
    expect(fixed.body.conflicts).toEqual([
      { line: 2, memberId: expect.any(String), fields: ["status", "education"] },
    ]);
    const m = await call(`/v1/branches/${t.branch.id}/members/${fixed.body.conflicts[0].memberId}`, {
      key: t.branchKey,
    });
    expect(m.body).toMatchObject({ status: "probationary", education: "大专" });
  });

  it("creates nothing twice when a file is imported in chunks and then again whole, after fixing a rejected row", async () => {
    const t = await newTenant();
    const header = "name,gender,birthDate,status";
    const rows = [
      "甲一,male,1981-01-01,applicant",
      "乙二,female,1982-02-02,activist",
      "丙三,male,1983-03-33,applicant",
    ];
    await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      ...csv(`${header}\n${rows.slice(0, 2).join("\n")}\n`),
    });
    const rest = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      ...csv(`${header}\n${rows[2]}\n`),
    });
    expect(rest.body.rejected[0].line).toBe(2);
    rows[2] = "丙三,male,1983-03-30,applicant";
    const whole = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      ...csv(`${header}\n${rows.join("\n")}\n`),
    });
    expect(whole.body).toMatchObject({ created: 1, conflicts: [], rejected: [] });
    expect(whole.body.unchanged).toHaveLength(2);
    const roll = await call(`/v1/branches/${t.branch.id}/members?limit=50`, { key: t.branchKey });
    expect(roll.body.items.map((m: { name: string }) => m.name).sort()).toEqual(["丙三", "乙二", "甲一"]);
  });

  it("refuses a wrong content type, a missing header and malformed CSV", async () => {
    const t = await newTenant();
    const json = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      body: { name: "x" },
    });
    expect(json.status).toBe(415);
    const header = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      ...csv("name,age\n甲,30\n"),
    });
    expect(header.status).toBe(400);
    expect(header.body.detail).toContain("gender");
    const broken = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      ...csv('name,gender,birthDate,status\n"unclosed,male,1990-01-01,full\n'),
    });
    expect(broken.status).toBe(400);
    expect(await eventCount(t.branch.id, t.branchKey)).toBe(0);
  });

  it("imports 10,000 rows in one request, in one transaction", async () => {
    const t = await newTenant({ shard: 1 });
    const lines = ["name,gender,birthDate,status,joinedOn,idNumber,phone,education"];
    for (let i = 0; i < 10_000; i++) {
      const birth = `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`;
      const seq = Math.floor(i / 360);
      lines.push(
        `党员${i},${i % 2 ? "male" : "female"},${birth},full,2015-07-01,${idNumberFor(birth, seq)},138${String(i).padStart(8, "0")},大学本科`,
      );
    }
    const r = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      ...csv(lines.join("\n")),
    });
    expect(r.status).toBe(200);
    expect(r.body.rejected).toEqual([]);
    expect(r.body.created).toBe(10_000);
    const verdict = await call(`/v1/branches/${t.branch.id}/events/verify`, { key: t.branchKey });
    expect(verdict.body).toMatchObject({ ok: true, length: 10_000 });
  }, 120_000);
});
