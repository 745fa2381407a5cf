import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { isBilingual, METHODS, operationIdFor, type SpecDoc } from "../src/docs/spec-rules";

/**
 * The rules every operation of the served spec keeps, checked over the whole merged spec (every
 * worker's routes), so a route added later fails here by name until it keeps them too.
 */
async function servedSpec(): Promise<SpecDoc & { tags: { name: string; description: string }[] }> {
  const res = await exports.default.fetch("https://vanguard.test/openapi.json");
  expect(res.status).toBe(200);
  return res.json();
}

function operations(spec: SpecDoc) {
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({
      method,
      path,
      op: item[method]!,
      name: `${method} ${path}`,
    })),
  );
}

describe("the served spec's rules", () => {
  it("gives every operation a summary in Chinese and English (中文 · English)", async () => {
    const spec = await servedSpec();
    const missing = operations(spec)
      .filter(({ op }) => !isBilingual(op.summary))
      .map(({ name, op }) => `${name}: ${op.summary ?? "(no summary)"}`);
    // a new route: write `summary` in English and add its Chinese to workers/api/src/docs/summaries-zh.ts
    expect(missing).toEqual([]);
  });

  it("gives every operation a unique operationId derived from its method and path", async () => {
    const spec = await servedSpec();
    const ops = operations(spec);
    expect(ops.length).toBeGreaterThan(100);
    const ids = ops.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ops.length);
    expect(spec.paths!["/v1/branches/{branchId}/members/{memberId}"]!.get!.operationId).toBe(
      "getBranchesMembersByMemberId",
    );
    expect(spec.paths!["/v1/districts"]!.post!.operationId).toBe("postDistricts");
  });

  it("declares every tag an operation uses, with a description, in one order", async () => {
    const spec = await servedSpec();
    const declared = new Set(spec.tags.map((t) => t.name));
    expect(spec.tags.every((t) => t.description.length > 0)).toBe(true);
    const undeclared = operations(spec).flatMap(({ name, op }) =>
      ((op.tags as string[] | undefined) ?? ["(none)"])
        .filter((t) => !declared.has(t))
        .map((t) => `${name}: ${t}`),
    );
    expect(undeclared).toEqual([]);
  });

  it("documents only the errors an operation can give: 413/415 with a body, 503 on writes, 429 everywhere", async () => {
    const spec = await servedSpec();
    const wrong: string[] = [];
    for (const { method, name, op } of operations(spec)) {
      const statuses = Object.keys(op.responses ?? {});
      const body = Boolean(op.requestBody);
      for (const s of ["413", "415"]) if (statuses.includes(s) !== body) wrong.push(`${name}: ${s}`);
      if (statuses.includes("503") !== (method !== "get")) wrong.push(`${name}: 503`);
      if (!statuses.includes("429")) wrong.push(`${name}: 429`);
    }
    expect(wrong).toEqual([]);
    const busy = (spec.components!.responses as Record<string, { headers: Record<string, unknown> }>).Busy!;
    expect(busy.headers).toHaveProperty("Retry-After");
  });

  it("documents the headers clients send and read", async () => {
    const spec = await servedSpec();
    const create = spec.paths!["/v1/branches/{branchId}/members"]!.post!;
    expect(create.parameters).toEqual(
      expect.arrayContaining([
        { $ref: "#/components/parameters/IdempotencyKey" },
        { $ref: "#/components/parameters/AcceptLanguage" },
      ]),
    );
    expect(create.responses!["201"]!.headers).toMatchObject({
      Location: { $ref: "#/components/headers/Location" },
      "Idempotent-Replayed": { $ref: "#/components/headers/IdempotentReplayed" },
      "X-Request-Id": { $ref: "#/components/headers/XRequestId" },
    });
    const csv = spec.paths!["/v1/reports/compliance"]!.get!;
    expect(csv.responses!["200"]!.headers).toHaveProperty("Content-Disposition");
    expect(spec.servers).toEqual(
      expect.arrayContaining([expect.objectContaining({ url: "http://127.0.0.1:8787" })]),
    );
  });

  it("keeps money's fen and the step body's discriminator", async () => {
    const spec = await servedSpec();
    const schemas = spec.components!.schemas as Record<
      string,
      { discriminator?: unknown; oneOf?: unknown[] }
    >;
    expect(schemas.DevelopmentStepInput!.discriminator).toMatchObject({
      propertyName: "step",
      mapping: { application: "#/components/schemas/DevelopmentStepInput_application" },
    });
    const pay = spec.paths!["/v1/branches/{branchId}/dues/payments"]!.post!.requestBody as {
      content: Record<string, { schema: { properties: Record<string, { multipleOf?: number }> } }>;
    };
    expect(pay.content["application/json"]!.schema.properties.amount!.multipleOf).toBe(0.01);
  });
});

describe("operationIdFor", () => {
  it("names an operation by its method, its path's words and the parameter that ends it", () => {
    expect(operationIdFor("get", "/v1/branches/{branchId}/members")).toBe("getBranchesMembers");
    expect(operationIdFor("post", "/v1/accounts/{accountId}/reset-password")).toBe(
      "postAccountsResetPassword",
    );
    expect(operationIdFor("get", "/v1/branches/{branchId}/meetings/{meetingId}/documents/minutes.docx")).toBe(
      "getBranchesMeetingsDocumentsMinutesDocx",
    );
    expect(operationIdFor("get", "/v1/calendar/{year}")).toBe("getCalendarByYear");
  });
});
