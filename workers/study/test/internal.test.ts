import { exports } from "cloudflare:workers";
import { signContext } from "@vanguard/platform";
import { describe, expect, it } from "vitest";

const principal = {
  id: "pr_t",
  keyId: "key_t",
  role: "branch_admin" as const,
  districtId: "dt_t",
  branchId: "br_t",
  memberId: null,
  auditDistricts: null,
};

describe("the study worker", () => {
  it("answers health and serves its OpenAPI fragment", async () => {
    expect((await exports.default.fetch("https://study.internal/health")).status).toBe(200);
    const spec = await exports.default.fetch("https://study.internal/openapi.json");
    expect(((await spec.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("refuses requests the api worker did not vouch for", async () => {
    const bare = await exports.default.fetch("https://study.internal/v1/branches/br_t/anything");
    expect(bare.status).toBe(403);
    expect(((await bare.json()) as { code: string }).code).toBe("internal_only");
    const forged = await exports.default.fetch("https://study.internal/v1/branches/br_t/anything", {
      headers: {
        "x-vanguard-context": await signContext("not-the-secret", {
          principal,
          requestId: "req_t",
          lang: "en",
        }),
      },
    });
    expect(forged.status).toBe(403);
  });

  it("lets a signed context through to routing", async () => {
    const res = await exports.default.fetch("https://study.internal/v1/no-such-route", {
      headers: {
        "x-vanguard-context": await signContext("test-internal-secret", {
          principal,
          requestId: "req_t",
          lang: "en",
        }),
      },
    });
    expect(res.status).toBe(404);
  });
});
