import { XLSX, xlsxOf } from "@vanguard/testing/spreadsheets";
import { describe, expect, it } from "vitest";
import { call, eventCount, idNumberFor, newMember, newTenant } from "./harness";

const nextYear = new Date().getUTCFullYear() + 1;
const csv = (text: string) => ({ raw: text, headers: { "content-type": "text/csv" } });

describe("importing a branch's past dues", () => {
  it("lands the valid lines, rejects each bad one with its reason, previews without writing, and never records twice", async () => {
    const t = await newTenant();
    const wang = await newMember(t.branch.id, t.branchKey, { name: "王晓明", birthDate: "1985-03-12" });
    const liId = idNumberFor("1979-11-02", 7);
    await newMember(t.branch.id, t.branchKey, {
      name: "李红",
      birthDate: "1979-11-02",
      idNumber: liId,
      gender: "female",
    });
    await newMember(t.branch.id, t.branchKey, {
      name: "赵申",
      birthDate: "2000-01-01",
      status: "applicant",
      joinedOn: null,
    });
    await newMember(t.branch.id, t.branchKey, {
      name: "钱新",
      birthDate: "1995-05-05",
      joinedOn: "2025-06-01",
    });
    const file = [
      "姓名,出生日期,身份证号,月份,金额,交纳日期",
      "王晓明,1985-03-12,,2025-03,108,2025-03-10", // 2
      "王晓明,1985/3/12,,2025年4月,108元,", // 3
      `,,${liId},2025-03,50.5,`, // 4: by ID number alone
      `王晓明,1985-03-12,,${nextYear}-01,108,`, // 5: after today
      "孙无,1970-01-01,,2025-03,10,", // 6: not on the roll
      "赵申,2000-01-01,,2025-03,10,", // 7: not a party member
      "钱新,1995-05-05,,2025-05,10,", // 8: before joining the party
      "王晓明,1985-03-12,,2025-05,abc,", // 9: bad amount
      "王晓明,1985-03-12,,2025-03,120,", // 10: the same month again with another amount
    ].join("\r\n");
    const path = `/v1/branches/${t.branch.id}/dues/import`;
    const before = await eventCount(t.branch.id, t.branchKey);

    const preview = await call(`${path}?dryRun=true`, { key: t.branchKey, ...csv(file) });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, created: 3, unchanged: 0, lines: 9, format: "csv" });
    expect(await eventCount(t.branch.id, t.branchKey)).toBe(before);

    const r = await call(path, { key: t.branchKey, ...csv(file) });
    expect(r.body).toMatchObject({ dryRun: false, created: 3, unchanged: 0 });
    const reasons = Object.fromEntries(
      r.body.rejected.map((x: { line: number; errors: { rule?: string; path?: string }[] }) => [
        x.line,
        x.errors.map((e) => e.rule ?? e.path),
      ]),
    );
    expect(reasons).toEqual({
      5: ["history_in_future"],
      6: ["person_not_on_roll"],
      7: ["dues_party_members_only"],
      8: ["dues_before_joining"],
      9: ["amount"],
      10: ["duplicate_line"],
    });
    expect(r.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await eventCount(t.branch.id, t.branchKey)).toBe(before + 3);
    const events = await call(`/v1/branches/${t.branch.id}/events?limit=200`, { key: t.districtKey });
    const imported = events.body.items.filter((e: { action: string }) => e.action === "dues.imported");
    expect(imported).toHaveLength(3);
    expect(imported[0].after.import.sha256).toBe(r.body.sha256);

    const march = await call(`/v1/branches/${t.branch.id}/dues?month=2025-03`, { key: t.branchKey });
    const line = march.body.items.find((i: { memberId: string }) => i.memberId === wang.id);
    expect(line).toMatchObject({ paid: 108, paidOn: "2025-03-10" });

    // a rerun creates nothing; a corrected line with another amount is refused, not doubled
    const again = await call(path, { key: t.branchKey, ...csv(file) });
    expect(again.body).toMatchObject({ created: 0, unchanged: 3 });
    expect(await eventCount(t.branch.id, t.branchKey)).toBe(before + 3);
    const changed = await call(path, {
      key: t.branchKey,
      ...csv("姓名,出生日期,月份,金额\n王晓明,1985-03-12,2025-03,200\n"),
      headers: { "content-type": "text/csv", "accept-language": "en" },
    });
    expect(changed.body.rejected).toEqual([
      {
        line: 2,
        errors: [
          { rule: "dues_already_recorded", message: "Dues for 2025-03 are recorded with another amount" },
        ],
      },
    ]);
  });

  it("takes xlsx, refuses a header it cannot read, and is closed to other branches and to auditors", async () => {
    const t = await newTenant();
    const other = await newTenant();
    await newMember(t.branch.id, t.branchKey, { name: "王晓明", birthDate: "1985-03-12" });
    const path = `/v1/branches/${t.branch.id}/dues/import`;
    const xlsx = xlsxOf([
      ["姓名", "出生日期", "月份", "金额"],
      ["王晓明", "1985-03-12", "2025-07", 108],
    ]);
    const r = await call(path, { key: t.branchKey, raw: xlsx, headers: { "content-type": XLSX } });
    expect(r.body).toMatchObject({ created: 1, format: "xlsx" });
    const header = await call(path, { key: t.branchKey, ...csv("who,when\nx,y\n") });
    expect(header.status).toBe(400);
    expect(header.body.errors[0].path).toBe("header");
    expect((await call(path, { key: other.branchKey, ...csv("月份,金额\n") })).status).toBe(404);
    expect((await call(path, { key: t.auditorKey, ...csv("月份,金额\n") })).status).toBe(403);
    expect((await call(path, { key: null, ...csv("月份,金额\n") })).status).toBe(401);
    expect((await call(path, { key: t.branchKey, body: { month: "2025-01" } })).status).toBe(415);
  });
});
