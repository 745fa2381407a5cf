import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { newId } from "../ids";
import { type DataEnv, DataPlane } from "../shards";
import { endMemberAccountsStatements, getAccount, insertAccount } from "./accounts";
import { insertPrincipal } from "./keys";
import { findLiveSession, insertSession } from "./sessions";

const plane = () => new DataPlane(env as unknown as DataEnv);
const now = new Date().toISOString();

async function account(
  p: DataPlane,
  role: "member" | "branch_admin",
  branchId: string,
  memberId: string | null,
) {
  const principal = {
    id: newId("principal"),
    role,
    districtId: "dt_x",
    branchId,
    memberId,
    auditDistricts: null,
    label: "x",
    createdAt: now,
    createdBy: "pr_test",
  };
  const id = newId("account");
  const idHash = `hash-${id}`;
  await p.directory.d1.batch([
    insertPrincipal(p, principal),
    insertAccount(p, {
      id,
      principalId: principal.id,
      login: id.toLowerCase(),
      displayName: "x",
      passwordHash: "pbkdf2-sha256$100000$x$y",
      mustChangePassword: false,
      createdAt: now,
      createdBy: "pr_test",
    }),
    insertSession(p, { idHash, accountId: id, createdAt: now, seenAt: now }),
  ]);
  return { id, idHash };
}

describe("a departing member's accounts", () => {
  it("are disabled with their sessions, and no one else's", async () => {
    const p = plane();
    const branchId = newId("branch");
    const leaving = await account(p, "member", branchId, "mb_leaving");
    const staying = await account(p, "member", branchId, "mb_staying");
    const secretary = await account(p, "branch_admin", branchId, null);
    const elsewhere = await account(p, "member", newId("branch"), "mb_leaving");
    await p.directory.d1.batch(endMemberAccountsStatements(p, branchId, "mb_leaving", now, "pr_test"));
    expect((await getAccount(p, leaving.id))!.account.disabledAt).toBe(now);
    expect(await findLiveSession(p, leaving.idHash)).toBeUndefined();
    for (const other of [staying, secretary, elsewhere]) {
      expect((await getAccount(p, other.id))!.account.disabledAt).toBeNull();
      expect(await findLiveSession(p, other.idHash)).toBeDefined();
    }
  });
});
