import { describe, expect, it } from "vitest";
import { http, idNumber, must, tenant } from "../support/http";

describe("CSV import over HTTP", () => {
  it("imports 10,000 members in one request", async () => {
    const t = await tenant(1);
    const lines = ["姓名,性别,出生日期,状态,入党日期,身份证号,手机号,学历"];
    for (let i = 0; i < 10_000; i++) {
      const birth = `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`;
      lines.push(
        `党员${i},${i % 2 ? "男" : "女"},${birth},正式党员,2015-07-01,${idNumber(birth, Math.floor(i / 360))},139${String(i).padStart(8, "0")},大学本科`,
      );
    }
    const body = lines.join("\n");
    const started = performance.now();
    const r = await http("POST", `/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      raw: body,
      headers: { "content-type": "text/csv" },
    });
    const ms = Math.round(performance.now() - started);
    console.log(`[e2e] 10,000-row import: ${ms} ms, ${Buffer.byteLength(body)} bytes`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ created: 10_000, unchanged: [], conflicts: [], rejected: [] });
    const page = await must("GET", `/v1/branches/${t.branch.id}/members?limit=200`, { key: t.branchKey });
    expect(page.items).toHaveLength(200);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(
      await must("GET", `/v1/branches/${t.branch.id}/events/verify`, { key: t.branchKey }),
    ).toMatchObject({ ok: true, length: 10_000 });
  });
});
