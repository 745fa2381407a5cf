import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../env";
import { CONTEXT_HEADER, verifyContext } from "./context";
import { forward } from "./forward";

describe("forwarding to a module worker", () => {
  it("sends neither the session cookie nor the key, only the signed context of the person", async () => {
    const seen: Headers[] = [];
    const module = {
      fetch: async (req: Request) => {
        seen.push(req.headers);
        return new Response("{}", { headers: { "content-type": "application/json" } });
      },
    } as unknown as Fetcher;
    const app = new Hono<AppEnv>();
    app.get("/v1/branches/br_1/study/leaderboard", (c) => {
      c.set("principal", {
        id: "pr_person",
        keyId: "session",
        accountId: "ac_1",
        role: "branch_admin",
        districtId: "dt_1",
        branchId: "br_1",
        memberId: null,
        auditDistricts: null,
      });
      c.set("requestId", "req_1");
      c.set("lang", "zh-CN");
      return forward(c, module, {});
    });
    const res = await app.request(
      "/v1/branches/br_1/study/leaderboard",
      {
        headers: {
          cookie: "vg_session=vgs_secret; other=1",
          authorization: "Bearer vgk_secret",
          "x-vanguard-context": "forged",
          "accept-language": "en",
        },
      },
      { INTERNAL_SECRET: "s3cret" },
    );
    expect(res.status).toBe(200);
    const h = seen[0]!;
    expect(h.get("cookie")).toBeNull();
    expect(h.get("authorization")).toBeNull();
    expect(h.get("accept-language")).toBe("en");
    const ctx = await verifyContext("s3cret", h.get(CONTEXT_HEADER) ?? undefined);
    expect(ctx?.principal).toMatchObject({ id: "pr_person", accountId: "ac_1", role: "branch_admin" });
  });
});
