import { env } from "cloudflare:workers";
import { sha256Hex } from "@vanguard/db";
import { beforeAll, describe, expect, it } from "vitest";
import { call, idNumberFor, newTenant, type Tenant } from "./harness";

interface Row {
  principal_id: string;
  key: string;
  fingerprint: string;
  body: string;
  created_at: string;
}

const shardOf = (t: Tenant) => (t.district.shard === 1 ? env.SHARD_1! : env.SHARD_0!);

async function stored(t: Tenant, key: string): Promise<Row | null> {
  return shardOf(t).prepare("SELECT * FROM idempotency WHERE key = ?").bind(key).first<Row>();
}

describe("Idempotency-Key records", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await newTenant({ shard: 1 });
  });

  it("keep a keyed fingerprint and the replayed response, never the request's personal data", async () => {
    const idNumber = idNumberFor("1979-08-21", 417);
    const phone = "13912345678";
    const body = {
      name: "赵守一",
      gender: "male",
      birthDate: "1979-08-21",
      status: "full",
      joinedOn: "2001-07-01",
      idNumber,
      phone,
    };
    const path = `/v1/branches/${t.branch.id}/members`;
    const created = await call(path, {
      key: t.branchKey,
      body,
      headers: { "idempotency-key": "member-zhao" },
    });
    expect(created.status).toBe(201);
    const row = await stored(t, "member-zhao");
    expect(row).not.toBeNull();
    // a copy of the shard cannot test guesses of the body against the fingerprint without the secret
    expect(row!.fingerprint).not.toBe(await sha256Hex(`POST ${path}\n${JSON.stringify(body)}`));
    expect(row!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    for (const secret of [idNumber, idNumber.slice(0, 14), phone, phone.slice(3)]) {
      expect(JSON.stringify(row)).not.toContain(secret);
    }
    const replay = await call(path, {
      key: t.branchKey,
      body,
      headers: { "idempotency-key": "member-zhao" },
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body.id).toBe(created.body.id);
  });

  it("keep no personal data of an import's rejected rows either", async () => {
    const bad = "32070719790821999X";
    const csv = `name,gender,birthDate,status,idNumber,phone\n钱守二,male,1979-08-21,full,${bad},13712345678\n`;
    const r = await call(`/v1/branches/${t.branch.id}/members/import`, {
      key: t.branchKey,
      raw: csv,
      headers: { "content-type": "text/csv", "idempotency-key": "import-qian" },
    });
    expect(r.status).toBe(200);
    expect(r.body.rejected).toHaveLength(1);
    const row = await stored(t, "import-qian");
    expect(row!.body).not.toContain(bad);
    expect(row!.body).not.toContain("13712345678");
  });

  it("expire after 24 hours: an old key then acts as a new one", async () => {
    const path = `/v1/branches/${t.branch.id}/members`;
    const first = { name: "孙守三", gender: "female", birthDate: "1990-02-03", status: "applicant" };
    const made = await call(path, {
      key: t.branchKey,
      body: first,
      headers: { "idempotency-key": "reused-later" },
    });
    expect(made.status).toBe(201);
    const other = { ...first, name: "李守四" };
    // within the day, the key belongs to the first request
    const clash = await call(path, {
      key: t.branchKey,
      body: other,
      headers: { "idempotency-key": "reused-later" },
    });
    expect(clash.status).toBe(422);
    expect(clash.body.code).toBe("idempotency_key_reused");
    // a day and a bit later (the record is aged in place: no clock is waited on)
    await shardOf(t)
      .prepare("UPDATE idempotency SET created_at = ? WHERE key = ?")
      .bind(new Date(Date.now() - 25 * 3_600_000).toISOString(), "reused-later")
      .run();
    const fresh = await call(path, {
      key: t.branchKey,
      body: other,
      headers: { "idempotency-key": "reused-later" },
    });
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get("idempotent-replayed")).toBeNull();
    expect(fresh.body.id).not.toBe(made.body.id);
    expect(fresh.body.name).toBe("李守四");
    // and the key's record is now the new request's
    const again = await call(path, {
      key: t.branchKey,
      body: other,
      headers: { "idempotency-key": "reused-later" },
    });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(fresh.body.id);
  });
});
