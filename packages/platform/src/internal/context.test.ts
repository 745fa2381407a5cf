import { describe, expect, it } from "vitest";
import { signContext, verifyContext } from "./context";

const ctx = {
  principal: {
    id: "pr_1",
    keyId: "key_1",
    role: "branch_admin" as const,
    districtId: "dt_1",
    branchId: "br_1",
    memberId: null,
    auditDistricts: null,
  },
  requestId: "req_1",
  lang: "zh-CN" as const,
  tenant: { districtId: "dt_1", branchId: "br_1", timeZone: "Asia/Shanghai", shard: 1 },
};

describe("internal context", () => {
  it("round-trips a signed context", async () => {
    const token = await signContext("s3cret", ctx);
    expect(await verifyContext("s3cret", token)).toMatchObject(ctx);
  });

  it("refuses a forged, re-signed, expired or missing context", async () => {
    const token = await signContext("s3cret", ctx);
    const [payload, sig] = token.split(".");
    const forged = btoa(
      JSON.stringify({ ...ctx, principal: { ...ctx.principal, role: "platform_admin" } }),
    ).replace(/=+$/, "");
    expect(await verifyContext("s3cret", `${forged}.${sig}`)).toBeNull();
    expect(await verifyContext("other", token)).toBeNull();
    expect(await verifyContext("s3cret", `${payload}.`)).toBeNull();
    expect(await verifyContext("s3cret", undefined)).toBeNull();
    const old = await signContext("s3cret", ctx, Date.now() - 120_000);
    expect(await verifyContext("s3cret", old)).toBeNull();
  });
});
