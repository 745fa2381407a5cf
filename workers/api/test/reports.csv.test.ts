import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { asCompleted } from "../src/reports/fan-out";
import { BOM, csvHeader, csvLines, csvResponse } from "../src/shared/csv";
import { asCsv, newBranch, newTenant } from "./harness";
import { memberFixture, pay, tc } from "./harness.reports";

describe("reports as CSV", () => {
  it("opens with a BOM and one header row, quotes what needs quoting and keeps the Chinese", async () => {
    const t = await newTenant();
    const comma = await newBranch(t.district.id, t.districtKey, "城东,城西联合党支部");
    const c = tc(t, comma.id);
    const m = await memberFixture(c, { name: "王五", joinedOn: "2010-07-01" });
    await pay(c, m.id, ["2025-07", "2025-08"]);

    const r = await asCsv(`/v1/reports/compliance?districtId=${t.district.id}&period=2025-Q3`, t.auditorKey);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(r.headers.get("content-disposition")).toBe(
      `attachment; filename="compliance-2025-Q3.csv"; filename*=UTF-8''compliance-2025-Q3.csv`,
    );
    const text = r.body;
    expect([...r.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toContain('"城东,城西联合党支部"');
    const rows = parse(text.slice(1), { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(
      expect.arrayContaining([
        "区县",
        "组织名称",
        "综合得分(满分100)",
        "党费收缴率(按人月)",
        "会议达标率(按期)",
        "缺会明细",
        "发展环节逾期(项)",
      ]),
    );
    expect(rows).toHaveLength(3);
    const header = rows[0]!;
    const line = rows.find((row) => row[header.indexOf("组织名称")] === "城东,城西联合党支部")!;
    expect(line[header.indexOf("区县")]).toBe("测试区");
    expect(line[header.indexOf("党员人数(人)")]).toBe("1");
    expect(line[header.indexOf("类型")]).toBe("党支部");
    expect(line[header.indexOf("应缴党费(人月)")]).toBe("3");
    expect(line[header.indexOf("已缴党费(人月)")]).toBe("2");
    // a rate as a spreadsheet reader expects it, and a band in words
    expect(line[header.indexOf("党费收缴率(按人月)")]).toBe("66.7%");
    expect(["良好", "一般", "较差", "暂无数据"]).toContain(line[header.indexOf("等级")]);
    // every row has every column, in CRLF records
    expect(text.slice(1).split("\r\n").filter(Boolean)).toHaveLength(3);
  });

  it("writes English headers for an English client, for every report", async () => {
    const t = await newTenant();
    for (const [path, first] of [
      [
        `/v1/reports/compliance?districtId=${t.district.id}`,
        "District,Unit,Unit ID,Kind,Records from,As of,Score (of 100),Band",
      ],
      [`/v1/reports/development?districtId=${t.district.id}`, "District,Branch,Branch ID,Kind,Applied"],
      [`/v1/reports/study?districtId=${t.district.id}`, "District,Branch,Branch ID,Month,Party members"],
      [`/v1/reports/trends?districtId=${t.district.id}&months=2`, "Month,Party members,Members studying"],
    ] as const) {
      const r = await asCsv(path, t.districtKey, "en");
      expect(r.status, path).toBe(200);
      expect(r.body.startsWith(`${BOM}${first}`), path).toBe(true);
    }
    const trends = await asCsv(`/v1/reports/trends?districtId=${t.district.id}&months=2`, t.districtKey);
    // a header and one row per month
    expect(parse(trends.body.slice(1))).toHaveLength(3);
  });

  it("escapes quotes, keeps empty cells empty and defuses formulas", () => {
    const columns = [
      { zh: "名称", en: "Name", value: (r: { n: string; v: number | null }) => r.n },
      { zh: "值", en: "Value", value: (r: { n: string; v: number | null }) => r.v },
    ];
    expect(csvHeader(columns, "zh-CN")).toBe("名称,值\r\n");
    const text = csvLines(columns, [
      { n: '他说"好"', v: 1.5 },
      { n: "=HYPERLINK(1)", v: null },
      { n: "多行\n备注", v: 0 },
    ]);
    expect(text).toBe('"他说""好""",1.5\r\n\'=HYPERLINK(1),\r\n"多行\n备注",0\r\n');
    expect(parse(text)).toEqual([
      ['他说"好"', "1.5"],
      ["'=HYPERLINK(1)", ""],
      ["多行\n备注", "0"],
    ]);
  });

  it("breaks the transfer rather than end a file that looks complete when a shard fails mid-stream", async () => {
    const columns = [{ zh: "名称", en: "Name", value: (r: { n: string }) => r.n }];
    const ok = await csvResponse(
      { filename: "x.csv", lang: "en", columns, requestId: "test" },
      asCompleted([Promise.resolve([{ n: "甲" }]), Promise.resolve([{ n: "乙" }])]),
    ).text();
    expect(ok.split("\r\n").sort()).toEqual(["", "Name", "乙", "甲"].sort());
    const broken = csvResponse(
      { filename: "x.csv", lang: "en", columns, requestId: "test" },
      asCompleted([Promise.resolve([{ n: "甲" }]), Promise.reject(new Error("shard down"))]),
    );
    expect(broken.status).toBe(200);
    await expect(broken.text()).rejects.toThrow();
  });
});
