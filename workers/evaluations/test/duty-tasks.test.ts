import { addDays, monthOf } from "@vanguard/domain";
import { describe, expect, it } from "vitest";
import { branchWithCommittee, eventCount, today } from "./harness";

const lastMonth = () => monthOf(addDays(`${monthOf(today())}-01`, -1));

describe("一岗双责 duty tasks", () => {
  it("are set per committee member per month, completed, verified, and counted", async () => {
    const t = await branchWithCommittee();
    const month = lastMonth();
    const task = async (assigneeId: string, title: string, day: string) => {
      const res = await t.call(`${t.b}/duty-tasks`, {
        body: { assigneeId, month, title, dueOn: `${month}-${day}` },
      });
      expect(res.status).toBe(201);
      return res.body;
    };
    const a = await task(t.secretary, "讲专题党课", "20");
    const b = await task(t.organization, "组织主题党日", "10");
    const c = await task(t.organization, "收缴党费", "15");
    const d = await task(t.propaganda, "更新党务公开栏", "25");
    expect(a).toMatchObject({ status: "open", state: "overdue", assigneeName: "王书记" });

    const done = await t.call(`${t.b}/duty-tasks/${a.id}/complete`, {
      body: { completedOn: `${month}-18`, note: "已讲授" },
    });
    expect(done.body).toMatchObject({ status: "completed", state: "completed", completedOn: `${month}-18` });
    await t.call(`${t.b}/duty-tasks/${b.id}/complete`, { body: { completedOn: `${month}-09` } });
    await t.call(`${t.b}/duty-tasks/${d.id}/complete`, { body: {} });
    const verified = await t.call(`${t.b}/duty-tasks/${a.id}/verify`, { body: { note: "记录齐全" } });
    expect(verified.body).toMatchObject({ status: "verified", verificationNote: "记录齐全" });
    const returned = await t.call(`${t.b}/duty-tasks/${d.id}/verify`, {
      body: { outcome: "returned", note: "公开栏未更新" },
    });
    expect(returned.body).toMatchObject({ status: "open", state: "overdue", returnedNote: "公开栏未更新" });
    const noNote = await t.call(`${t.b}/duty-tasks/${b.id}/verify`, { body: { outcome: "returned" } });
    expect(noNote.status).toBe(400);
    expect(noNote.body.errors[0].path).toBe("note");

    const view = await t.call(`${t.b}/duty-tasks?month=${month}`, { role: "auditor" });
    expect(view.status).toBe(200);
    expect(view.body.summary).toEqual({
      tasks: 4,
      completed: 2,
      verified: 1,
      overdue: 2,
      completionRatio: 0.5,
      verificationRatio: 0.25,
    });
    const byMember = Object.fromEntries(
      view.body.byMember.map(
        (m: { name: string; completionRatio: number; overdue: number; posts: string[] }) => [
          m.name,
          [m.completionRatio, m.overdue, m.posts],
        ],
      ),
    );
    expect(byMember).toEqual({
      王书记: [1, 0, ["secretary"]],
      李组织: [0.5, 1, ["organization"]],
      张宣传: [0, 1, ["propaganda"]],
    });
    expect(view.body.items.map((i: { id: string }) => i.id)).toEqual([a.id, b.id, c.id, d.id]);
    const page = await t.call(`${t.b}/duty-tasks?month=${month}&limit=3`);
    expect(page.body.items).toHaveLength(3);
    const rest = await t.call(`${t.b}/duty-tasks?month=${month}&limit=3&cursor=${page.body.nextCursor}`);
    expect(rest.body.items.map((i: { id: string }) => i.id)).toEqual([d.id]);
    expect(rest.body.summary.tasks).toBe(4);
  });

  it("refuse a non-committee assignee, a due date outside the month, and moves out of order", async () => {
    const t = await branchWithCommittee();
    const month = monthOf(today());
    const events = await eventCount(t);
    const outsider = await t.call(`${t.b}/duty-tasks`, {
      body: { assigneeId: t.others[0], month, title: "x", dueOn: `${month}-28` },
    });
    expect(outsider.status).toBe(422);
    expect(outsider.body.errors.map((e: { rule: string }) => e.rule)).toEqual([
      "duty_assignee_not_committee",
    ]);
    const outside = await t.call(`${t.b}/duty-tasks`, {
      body: { assigneeId: t.secretary, month, title: "x", dueOn: "2001-01-01" },
    });
    expect(outside.body.errors[0]).toMatchObject({ rule: "duty_due_outside_month", facts: { month } });
    expect(await eventCount(t)).toBe(events);

    const { body: task } = await t.call(`${t.b}/duty-tasks`, {
      body: { assigneeId: t.secretary, month, title: "谈心谈话", dueOn: `${month}-28` },
    });
    const unverifiable = await t.call(`${t.b}/duty-tasks/${task.id}/verify`, { body: {} });
    expect(unverifiable.body.errors[0].rule).toBe("duty_task_not_completed");
    const future = await t.call(`${t.b}/duty-tasks/${task.id}/complete`, {
      body: { completedOn: "2099-01-01" },
    });
    expect(future.body.errors[0].rule).toBe("duty_completed_in_future");
    await t.call(`${t.b}/duty-tasks/${task.id}/complete`, { body: {} });
    const twice = await t.call(`${t.b}/duty-tasks/${task.id}/complete`, { body: {} });
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0].rule).toBe("duty_task_not_open");
    const stale = await t.call(`${t.b}/duty-tasks/${task.id}/verify`, { body: { version: 1 } });
    expect(stale.status).toBe(409);
  });

  it("let a committee member complete their own task with a member key, and nothing else", async () => {
    const t = await branchWithCommittee();
    const month = monthOf(today());
    const mine = (
      await t.call(`${t.b}/duty-tasks`, {
        body: { assigneeId: t.organization, month, title: "发展党员谈话", dueOn: `${month}-28` },
      })
    ).body;
    const theirs = (
      await t.call(`${t.b}/duty-tasks`, {
        body: { assigneeId: t.propaganda, month, title: "学习计划", dueOn: `${month}-28` },
      })
    ).body;
    const me = { memberId: t.organization };
    const own = await t.call(`${t.b}/duty-tasks?month=${month}`, me);
    expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    expect(own.body.summary.tasks).toBe(1);
    expect((await t.call(`${t.b}/duty-tasks/${theirs.id}`, me)).status).toBe(404);
    expect((await t.call(`${t.b}/duty-tasks/${theirs.id}/complete`, { ...me, body: {} })).status).toBe(404);
    expect((await t.call(`${t.b}/duty-tasks/${mine.id}/complete`, { ...me, body: {} })).status).toBe(200);
    expect((await t.call(`${t.b}/duty-tasks/${mine.id}/verify`, { ...me, body: {} })).status).toBe(403);
    expect(
      (
        await t.call(`${t.b}/duty-tasks`, {
          ...me,
          body: { assigneeId: t.organization, month, title: "x", dueOn: `${month}-28` },
        })
      ).status,
    ).toBe(403);
    expect((await t.call(`${t.b}/duty-tasks/${mine.id}/verify`, { role: "auditor", body: {} })).status).toBe(
      403,
    );
  });

  it("answer an Idempotency-Key retry with the first result and one event", async () => {
    const t = await branchWithCommittee();
    const month = monthOf(today());
    const body = { assigneeId: t.secretary, month, title: "专题组织生活会", dueOn: `${month}-28` };
    const headers = { "Idempotency-Key": "task-1" };
    const first = await t.call(`${t.b}/duty-tasks`, { body, headers });
    const events = await eventCount(t);
    const again = await t.call(`${t.b}/duty-tasks`, { body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    expect(await eventCount(t)).toBe(events);
    const reused = await t.call(`${t.b}/duty-tasks`, { body: { ...body, title: "另一件事" }, headers });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe("idempotency_key_reused");
  });
});
