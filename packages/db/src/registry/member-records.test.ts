import { env } from "cloudflare:workers";
import { getTableName } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newId } from "../ids";
import { workRecords } from "../schema/evaluations";
import { attachments } from "../schema/evidence";
import { developmentCases } from "../schema/onboarding";
import { duesPayments, members } from "../schema/shard";
import { studyDays } from "../schema/study";
import { type DataEnv, DataPlane } from "../shards";
import { tenantContext } from "../tenant/context";
import { insertMembers } from "../tenant/members";
import { arriveStatements, snapshotMember } from "../tenant/moves";
import { bulkInsert } from "../write/sql";
import { memberRecordTables } from "./member-records";

const plane = () => new DataPlane(env as unknown as DataEnv);
const branch = (shard: number) =>
  tenantContext(plane(), {
    districtId: "dt_test",
    branchId: newId("branch"),
    timeZone: "Asia/Shanghai",
    shard,
  });

function person(name: string) {
  const now = new Date().toISOString();
  return {
    id: newId("member"),
    name,
    gender: "female" as const,
    birthDate: "1990-03-01",
    status: "full" as const,
    joinedBranchOn: "2020-01-01",
    createdAt: now,
    updatedAt: now,
  };
}

describe("the member-record registry", () => {
  it("names each table once, with the branch and member columns of that table", () => {
    const list = memberRecordTables();
    expect(new Set(list.map((t) => t.name)).size).toBe(list.length);
    for (const t of list) {
      expect(getTableName(t.table)).toBe(t.name);
      expect(t.branchId.table).toBe(t.table);
      expect(t.memberId.table).toBe(t.table);
    }
  });

  it("moves a member's rows of every room, and the files attached to them, to a branch on another shard, and no one else's", async () => {
    const src = branch(0);
    const dst = branch(1);
    const [mover, stays] = [person("转出者"), person("留下者")];
    const at = new Date().toISOString();
    const mine = (memberId: string) => ({ districtId: src.districtId, branchId: src.branchId, memberId });
    const caseOf = new Map([mover.id, stays.id].map((m) => [m, newId("developmentCase")]));
    const recordOf = new Map([mover.id, stays.id].map((m) => [m, newId("record")]));
    const file = (targetType: string, targetId: string, sha256: string) => ({
      districtId: src.districtId,
      branchId: src.branchId,
      id: newId("attachment"),
      targetType,
      targetId,
      document: "other",
      filename: `${sha256}.pdf`,
      contentType: "application/pdf",
      size: 10,
      sha256,
      objectKey: `branches/${src.branchId}/${sha256}`,
      createdAt: at,
      createdBy: "pr_test",
    });
    await src.shard.d1.batch([
      ...insertMembers(src, [mover, stays]),
      // a branch meeting's file belongs to no one: it stays
      ...bulkInsert(src.shard.d1, attachments, [file("meeting", newId("meeting"), "c".repeat(64))]),
      ...[mover.id, stays.id].flatMap((m) => [
        ...bulkInsert(src.shard.d1, attachments, [
          // a step's file, attached before the step is recorded, and a 写实 record's
          file(
            "development_step",
            `${caseOf.get(m)}/application`,
            m === mover.id ? "a".repeat(64) : "d".repeat(64),
          ),
          file("record", recordOf.get(m)!, m === mover.id ? "b".repeat(64) : "e".repeat(64)),
        ]),
        ...bulkInsert(src.shard.d1, duesPayments, [
          {
            ...mine(m),
            id: newId("payment"),
            month: "2025-01",
            amountFen: 500,
            paidOn: "2025-01-10",
            recordedAt: at,
            recordedBy: "pr_test",
          },
        ]),
        ...bulkInsert(src.shard.d1, developmentCases, [
          {
            ...mine(m),
            id: caseOf.get(m)!,
            stage: "activist",
            appliedOn: "2024-01-02",
            lastStep: "activist_designation",
            lastStepOn: "2024-05-01",
            stepCount: 3,
            createdAt: at,
            updatedAt: at,
          },
        ]),
        ...bulkInsert(src.shard.d1, studyDays, [
          {
            ...mine(m),
            day: "2025-01-10",
            ruleVersion: 1,
            points: 3,
            deducted: 0,
            flagged: 0,
            activities: 1,
            classSeconds: 600,
            kinds: "{}",
            refs: "[]",
            recent: "[]",
            updatedAt: at,
          },
        ]),
        ...bulkInsert(src.shard.d1, workRecords, [
          {
            ...mine(m),
            id: recordOf.get(m)!,
            kind: "commendation",
            occurredOn: "2025-01-11",
            content: "窗口服务之星",
            recordedAt: at,
            recordedBy: "pr_test",
          },
        ]),
      ]),
    ]);

    const snap = (await snapshotMember(src, mover.id, memberRecordTables()))!;
    await dst.shard.d1.batch(arriveStatements(dst, snap, "tr_test", at));

    const count = async (table: string, memberId: string) =>
      (await dst.shard.d1
        .prepare(`SELECT count(*) AS n FROM ${table} WHERE branch_id = ? AND member_id = ?`)
        .bind(dst.branchId, memberId)
        .first<{ n: number }>())!.n;
    for (const table of ["dues_payments", "development_cases", "study_days", "work_records"]) {
      expect([table, await count(table, mover.id)]).toEqual([table, 1]);
      expect([table, await count(table, stays.id)]).toEqual([table, 0]);
    }
    const arrived = await dst.shard.db.select().from(members).all();
    expect(arrived.filter((m) => m.branchId === dst.branchId).map((m) => m.name)).toEqual(["转出者"]);
    // the mover's two files, and only theirs, now the receiving branch's rows, naming the same objects
    const files = await dst.shard.db.select().from(attachments).all();
    expect(
      files
        .filter((f) => f.branchId === dst.branchId)
        .map((f) => [f.targetType, f.targetId, f.districtId, f.objectKey])
        .sort(),
    ).toEqual([
      [
        "development_step",
        `${caseOf.get(mover.id)}/application`,
        dst.districtId,
        `branches/${src.branchId}/${"a".repeat(64)}`,
      ],
      ["record", recordOf.get(mover.id), dst.districtId, `branches/${src.branchId}/${"b".repeat(64)}`],
    ]);
    expect(snap.attachments.map((f) => f.sha256).sort()).toEqual(["a".repeat(64), "b".repeat(64)]);
  });
});
