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
    expect(r.body).toEqual({ created: 1, rejected: [] });
    const [m] = (await call(`/v1/branches/${t.branch.id}/members`, { key: t.branchKey })).body.items;
    expect(m).toMatchObject({
      name: "孙八",
      gender: "female",
      birthDate: "1988-06-09",
      status: "full",
      joinedOn: "2012-07-01",
    });
  });

  it("rejects members already on the roll and writes nothing for them", async () => {
    const t = await newTenant();
    const id = idNumberFor("1970-01-01", 9);
    const file = `name,gender,birthDate,status,joinedOn,idNumber\n周九,male,1970-01-01,full,1995-07-01,${id}\n`;
    expect(
      (await call(`/v1/branches/${t.branch.id}/members/import`, { key: t.branchKey, ...csv(file) })).body
        .created,
    ).toBe(1);
    const again = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      ...csv(file),
    });
    expect(again.body.created).toBe(0);
    expect(again.body.rejected[0]).toMatchObject({ line: 2, errors: [{ rule: "unique_id_number" }] });
    expect(await eventCount(t.branch.id, t.branchKey)).toBe(1);
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
