import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createVanguardClient, VanguardError } from "@vanguard/client";
import { describe, expect, it } from "vitest";
import { ADMIN_KEY, base, unique } from "../support/http";

describe("the typed client", () => {
  it("is generated from the spec the stack serves (regenerate with pnpm client:generate)", async () => {
    const live = await (await fetch(`${base()}/openapi.json`)).json();
    const snapshot = JSON.parse(
      readFileSync(join(import.meta.dirname, "../../packages/client/openapi.json"), "utf8"),
    );
    expect(live).toEqual(snapshot);
  });

  it("calls the API with typed paths and bodies, and throws problems", async () => {
    const api = createVanguardClient({ baseUrl: base(), key: ADMIN_KEY, lang: "en" });
    const { data: district } = await api.POST("/v1/districts", {
      body: { code: unique("sdk"), name: "客户端区" },
    });
    expect(district?.id).toMatch(/^dt_/);
    const { data: page } = await api.GET("/v1/districts/{districtId}/branches", {
      params: { path: { districtId: district!.id }, query: { limit: 10 } },
    });
    expect(page).toEqual({ items: [], nextCursor: null });
    const err = await api
      .GET("/v1/districts/{districtId}", { params: { path: { districtId: "dt_missing" } } })
      .catch((e) => e);
    expect(err).toBeInstanceOf(VanguardError);
    expect(err).toMatchObject({ status: 404, problem: { code: "not_found", title: "Not found" } });
  });
});
