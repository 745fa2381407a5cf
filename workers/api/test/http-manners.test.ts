import { describe, expect, it } from "vitest";
import { call, newMember, newTenant } from "./harness";

describe("HTTP manners", () => {
  it("answers a known path with a wrong method 405 naming the methods it takes, in the client's language", async () => {
    const t = await newTenant();
    const zh = await call(`/v1/branches/${t.branch.id}/members`, { method: "DELETE", key: t.branchKey });
    expect(zh.status).toBe(405);
    expect(zh.headers.get("allow")).toBe("GET, HEAD, POST");
    expect(zh.headers.get("content-type")).toContain("application/problem+json");
    expect(zh.body).toMatchObject({
      status: 405,
      code: "method_not_allowed",
      title: "该地址不支持此请求方法",
    });
    const en = await call(`/v1/districts/${t.district.id}`, {
      method: "PUT",
      key: t.districtKey,
      body: {},
      headers: { "accept-language": "en" },
    });
    expect(en.status).toBe(405);
    expect(en.headers.get("allow")).toBe("GET, HEAD");
    expect(en.body.title).toBe("This address does not take that method");
    // a module worker's path too (meetings live in the study worker)
    const forwarded = await call(`/v1/branches/${t.branch.id}/meetings/compliance`, {
      method: "POST",
      key: t.branchKey,
      body: {},
    });
    expect(forwarded.status).toBe(405);
    expect(forwarded.headers.get("allow")).toBe("GET, HEAD");
    // a path nobody has stays 404
    const unknown = await call(`/v1/branches/${t.branch.id}/nothing-here`, { key: t.branchKey });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("allow")).toBeNull();
  });

  it("says where a created thing is read, for the api worker's routes and a module's", async () => {
    const t = await newTenant();
    const m = await call(`/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      body: {
        name: "李四",
        gender: "female",
        status: "full",
        joinedOn: "2012-07-01",
        joinedBranchOn: "2012-07-01",
        birthDate: "1988-01-02",
      },
    });
    expect(m.status).toBe(201);
    expect(m.headers.get("location")).toBe(`/v1/branches/${t.branch.id}/members/${m.body.id}`);
    const read = await call(m.headers.get("location")!, { key: t.branchKey });
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(m.body.id);

    const people = [await newMember(t.branch.id, t.branchKey, { name: "甲", joinedOn: "2008-07-01" })];
    const meeting = await call(`/v1/branches/${t.branch.id}/meetings`, {
      key: t.branchKey,
      body: {
        kind: "theme_day",
        heldOn: "2025-06-03",
        topic: "学习",
        attendeeIds: people.map((p) => p.id),
        hours: 1,
      },
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    expect(meeting.headers.get("location")).toBe(`/v1/branches/${t.branch.id}/meetings/${meeting.body.id}`);
  });

  it("keeps personal data out of caches and says the answer varies by format and language", async () => {
    const t = await newTenant();
    const m = await newMember(t.branch.id, t.branchKey, { name: "王五" });
    for (const path of [
      `/v1/branches/${t.branch.id}/members/${m.id}`,
      `/v1/branches/${t.branch.id}/members`,
    ]) {
      const r = await call(path, { key: t.branchKey });
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control")).toBe("no-store");
      expect(r.headers.get("vary")).toBe("Accept, Accept-Language");
    }
    // a refusal too: a problem names the person's branch
    const denied = await call(`/v1/branches/${t.branch.id}/members/${m.id}`, { key: null });
    expect(denied.status).toBe(401);
    expect(denied.headers.get("cache-control")).toBe("no-store");
  });

  it("names an unknown field in the error's path", async () => {
    const t = await newTenant();
    const r = await call(`/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      body: {
        name: "赵六",
        gender: "male",
        status: "full",
        joinedOn: "2012-07-01",
        birthDate: "1988-01-02",
        nickname: "小赵",
      },
      headers: { "accept-language": "en" },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ path: "nickname", message: 'Unrecognized key: "nickname"' }]);
    const zh = await call(`/v1/branches/${t.branch.id}/members`, {
      key: t.branchKey,
      body: { name: "赵六", gender: "male", status: "full", joinedOn: "2012-07-01", extra: 1 },
    });
    expect(zh.body.errors).toContainEqual({ path: "extra", message: "不认识的字段：extra" });
  });

  it("answers ?format=csv like Accept: text/csv", async () => {
    const t = await newTenant();
    await newMember(t.branch.id, t.branchKey, { name: "钱七" });
    const path = `/v1/reports/compliance?districtId=${t.district.id}&period=2025-Q3`;
    const byQuery = await call(`${path}&format=csv`, { key: t.auditorKey });
    const byAccept = await call(path, { key: t.auditorKey, headers: { accept: "text/csv" } });
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(byQuery.headers.get("content-disposition")).toBe(
      `attachment; filename="compliance-2025-Q3.csv"; filename*=UTF-8''compliance-2025-Q3.csv`,
    );
    expect(byQuery.body).toBe(byAccept.body);
    const json = await call(`${path}&format=json`, { key: t.auditorKey });
    expect(json.headers.get("content-type")).toContain("application/json");
    const wrong = await call(`${path}&format=xls`, { key: t.auditorKey });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe("format");
  });
});
