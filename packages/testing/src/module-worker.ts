import { exports } from "cloudflare:workers";
import { signContext } from "@vanguard/platform";
import { describe, expect, it } from "vitest";
import { TEST_INTERNAL_SECRET } from "./module-harness";

const principal = {
  id: "pr_t",
  keyId: "key_t",
  role: "branch_admin" as const,
  districtId: "dt_t",
  branchId: "br_t",
  memberId: null,
  auditDistricts: null,
};

/**
 * What every module worker must do at its door: answer health and its OpenAPI fragment, refuse a
 * request the api worker did not sign (or signed with another secret), and route a signed one.
 */
export function describeModuleWorker(name: string): void {
  const base = `https://${name}.internal`;
  describe(`the ${name} worker`, () => {
    it("answers health and serves its OpenAPI fragment", async () => {
      expect((await exports.default.fetch(`${base}/health`)).status).toBe(200);
      const spec = await exports.default.fetch(`${base}/openapi.json`);
      expect(((await spec.json()) as { openapi: string }).openapi).toBe("3.1.0");
    });

    it("refuses requests the api worker did not vouch for", async () => {
      const bare = await exports.default.fetch(`${base}/v1/branches/br_t/anything`);
      expect(bare.status).toBe(403);
      expect(((await bare.json()) as { code: string }).code).toBe("internal_only");
      const forged = await exports.default.fetch(`${base}/v1/branches/br_t/anything`, {
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
      const res = await exports.default.fetch(`${base}/v1/no-such-route`, {
        headers: {
          "x-vanguard-context": await signContext(TEST_INTERNAL_SECRET, {
            principal,
            requestId: "req_t",
            lang: "en",
          }),
        },
      });
      expect(res.status).toBe(404);
    });
  });
}
