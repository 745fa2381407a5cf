import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { newId } from "../ids";
import { type DataEnv, DataPlane } from "../shards";
import { tenantContext } from "../tenant/context";
import { insertMembers } from "../tenant/members";
import { ConflictError } from "./errors";
import { readGenerations, sameGenerations } from "./generations";
import { directoryWrite, tenantWrite } from "./tenant-write";

const plane = () => new DataPlane(env as unknown as DataEnv);
const actor = { principalId: "pr_test", role: "branch_admin", requestId: "req_test" };

function person() {
  const now = new Date().toISOString();
  return {
    id: newId("member"),
    name: "计数",
    gender: "female" as const,
    birthDate: "1990-01-01",
    status: "applicant" as const,
    joinedBranchOn: "2020-01-01",
    createdAt: now,
    updatedAt: now,
  };
}

function addMember(districtId: string, p = person(), branchId = newId("branch")) {
  const t = tenantContext(plane(), {
    districtId,
    branchId,
    timeZone: "Asia/Shanghai",
    shard: 0,
  });
  return tenantWrite(t, { actor }, async ({ event }) => ({
    statements: insertMembers(t, [p]),
    events: [event({ action: "member.created", subjectType: "member", subjectId: p.id })],
    result: p,
  }));
}

const counts = (districts: string[]) =>
  readGenerations(plane(), districts, { directory: true, shards: [0, 1] });

describe("the districts' write counts", () => {
  it("go up with every committed write, in its district and its database only", async () => {
    const [a, b] = [newId("district"), newId("district")];
    const start = await counts([a, b]);
    // never written to: 0 everywhere
    expect(start).toEqual({
      directory: [a, b]
        .sort()
        .map((d) => `${d}=0`)
        .join(","),
      "shard 0": [a, b]
        .sort()
        .map((d) => `${d}=0`)
        .join(","),
      "shard 1": [a, b]
        .sort()
        .map((d) => `${d}=0`)
        .join(","),
    });
    await addMember(a);
    const afterShard = await counts([a]);
    expect(afterShard["shard 0"]).toBe(`${a}=1`);
    expect(afterShard["shard 1"]).toBe(`${a}=0`);
    expect(afterShard.directory).toBe(`${a}=0`);
    // district b is untouched: its kept answers stay current
    expect(sameGenerations({ "shard 0": `${b}=0` }, await counts([b]))).toBe(true);

    await directoryWrite(plane(), { actor }, a, async () => ({
      statements: [],
      events: [
        { scopeId: a, districtId: a, action: "district.noted", subjectType: "district", subjectId: a },
      ],
      result: null,
    }));
    const afterDirectory = await counts([a]);
    expect(afterDirectory.directory).toBe(`${a}=1`);
    expect(sameGenerations(afterShard, afterDirectory)).toBe(false);
  });

  it("stay put when a write fails and commits nothing", async () => {
    const a = newId("district");
    const branchId = newId("branch");
    const p = await addMember(a, person(), branchId);
    const before = await counts([a]);
    await expect(addMember(a, p, branchId)).rejects.toBeInstanceOf(ConflictError);
    expect(await counts([a])).toEqual(before);
  });
});
