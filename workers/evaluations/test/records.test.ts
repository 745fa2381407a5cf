import { snapshotMember } from "@vanguard/db";
import { EVALUATIONS_MEMBER_RECORDS } from "@vanguard/db/evaluations";
import { addDays } from "@vanguard/domain";
import { describe, expect, it } from "vitest";
import { branchWithCommittee, eventCount, today } from "./harness";

describe("写实 records", () => {
  it("refuses text with a lone UTF-16 surrogate instead of storing it corrupted", async () => {
    const t = await branchWithCommittee({ others: 1 });
    const before = await eventCount(t);
    const r = await t.call(`${t.b}/members/${t.others[0]}/records`, {
      body: { kind: "daily_performance", occurredOn: addDays(today(), -1), content: "值班\uD800两天" },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: "content" });
    expect(r.body.errors[0].message).toContain("UTF-16");
    expect(await eventCount(t)).toBe(before);
  });

  it("record a member's daily performance and the branch's work, and correct by a new record", async () => {
    const t = await branchWithCommittee();
    const m = t.others[0]!;
    const day = addDays(today(), -3);
    const first = await t.call(`${t.b}/members/${m}/records`, {
      body: { kind: "daily_performance", occurredOn: day, content: "主动承担窗口值班两天" },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      subject: "member",
      memberId: m,
      memberName: "党员1",
      correctsId: null,
    });
    const work = await t.call(`${t.b}/records`, {
      body: { kind: "work", occurredOn: day, content: "召开支委会，研究第四季度发展党员工作" },
    });
    expect(work.body).toMatchObject({ subject: "branch", memberId: null });

    const fix = await t.call(`${t.b}/members/${m}/records`, {
      body: {
        kind: "daily_performance",
        occurredOn: day,
        content: "主动承担窗口值班三天",
        correctsId: first.body.id,
      },
    });
    expect(fix.status).toBe(201);
    expect(fix.body.correctsId).toBe(first.body.id);
    const again = await t.call(`${t.b}/members/${m}/records`, {
      body: { kind: "daily_performance", occurredOn: day, content: "再改一次", correctsId: first.body.id },
    });
    expect(again.status).toBe(422);
    expect(again.body.errors[0]).toMatchObject({
      rule: "record_already_corrected",
      facts: { correctedById: fix.body.id },
    });
    const crossed = await t.call(`${t.b}/records`, {
      body: { kind: "work", occurredOn: day, content: "用支部记录更正个人记录", correctsId: fix.body.id },
    });
    expect(crossed.body.errors[0].rule).toBe("record_correction_unknown");

    const mine = await t.call(`${t.b}/members/${m}/records`);
    expect(
      mine.body.items.map((r: { content: string; correctedById: string | null }) => [
        r.content,
        r.correctedById,
      ]),
    ).toEqual([
      ["主动承担窗口值班两天", fix.body.id],
      ["主动承担窗口值班三天", null],
    ]);
    const branchOnly = await t.call(`${t.b}/records?subject=branch`, { role: "auditor" });
    expect(branchOnly.body.items.map((r: { id: string }) => r.id)).toEqual([work.body.id]);
    const membersOnly = await t.call(`${t.b}/records?subject=member`);
    expect(membersOnly.body.items).toHaveLength(2);
    expect((await t.call(`${t.b}/records?limit=2`)).body.nextCursor).not.toBeNull();

    // a member's records travel with them on a transfer
    const snap = await snapshotMember(t.tc, m, EVALUATIONS_MEMBER_RECORDS);
    expect(snap!.records.find((r) => r.name === "work_records")!.rows).toHaveLength(2);
  });

  it("are immutable: no route edits or deletes one, and a future date is refused", async () => {
    const t = await branchWithCommittee();
    const m = t.others[0]!;
    const { body: rec } = await t.call(`${t.b}/members/${m}/records`, {
      body: { kind: "commendation", occurredOn: today(), content: "获评窗口服务之星" },
    });
    const events = await eventCount(t);
    for (const method of ["PATCH", "PUT", "DELETE"]) {
      for (const path of [`${t.b}/records/${rec.id}`, `${t.b}/members/${m}/records/${rec.id}`]) {
        const res = await t.call(path, {
          method,
          body: method === "DELETE" ? undefined : { content: "改写" },
        });
        // the record's own address takes only GET (405 says so); the other is no address at all
        const known = path.startsWith(`${t.b}/records/`);
        expect(res.status).toBe(known ? 405 : 404);
        expect(res.headers.get("allow")).toBe(known ? "GET, HEAD" : null);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
      }
    }
    expect((await t.call(`${t.b}/records/${rec.id}`)).body).toMatchObject({ content: "获评窗口服务之星" });
    expect(await eventCount(t)).toBe(events);
    const future = await t.call(`${t.b}/members/${m}/records`, {
      body: { kind: "service", occurredOn: addDays(today(), 1), content: "明天的事" },
    });
    expect(future.status).toBe(422);
    expect(future.body.errors[0].rule).toBe("record_in_future");
    const wrongKind = await t.call(`${t.b}/records`, {
      body: { kind: "daily_performance", occurredOn: today(), content: "个人表现不记在支部名下" },
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors[0].path).toBe("kind");
    const markup = await t.call(`${t.b}/records`, {
      body: { kind: "work", occurredOn: today(), content: "<script>alert(1)</script>" },
    });
    expect(markup.status).toBe(400);
  });

  it("are readable by the member they are about, and only by them", async () => {
    const t = await branchWithCommittee();
    const [a, b] = t.others as [string, string];
    await t.call(`${t.b}/members/${a}/records`, {
      body: { kind: "service", occurredOn: today(), content: "社区志愿服务" },
    });
    expect((await t.call(`${t.b}/members/${a}/records`, { memberId: a })).body.items).toHaveLength(1);
    expect((await t.call(`${t.b}/members/${a}/records`, { memberId: b })).status).toBe(404);
    expect((await t.call(`${t.b}/records`, { memberId: a })).status).toBe(403);
    const write = await t.call(`${t.b}/members/${a}/records`, {
      memberId: a,
      body: { kind: "service", occurredOn: today(), content: "自己写自己" },
    });
    expect(write.status).toBe(403);
    expect(
      (
        await t.call(`${t.b}/members/mb_nobody/records`, {
          body: { kind: "service", occurredOn: today(), content: "x" },
        })
      ).status,
    ).toBe(404);
  });
});
