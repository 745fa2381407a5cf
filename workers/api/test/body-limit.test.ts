import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../src/index";
import { memberKey, newMember, newTenant, type Tenant } from "./harness";

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A request body that streams `total` bytes of CSV-ish text and counts what the worker pulled. */
function countingBody(total: number) {
  const seen = { bytes: 0 };
  const chunk = new TextEncoder().encode(
    `${"王晓明,male,1985-03-12,applicant\n".repeat(2000)}`.slice(0, CHUNK),
  );
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.bytes >= total) return controller.close();
      const part = chunk.subarray(0, Math.min(chunk.byteLength, total - seen.bytes));
      seen.bytes += part.byteLength;
      controller.enqueue(part);
    },
  });
  return { stream, seen };
}

/**
 * Calls the worker in this isolate (not through a binding), so the test sees how much of a
 * streamed body the worker actually read.
 */
async function post(path: string, body: ReadableStream<Uint8Array>, key?: string) {
  const headers = new Headers({ "content-type": "text/csv" });
  if (key) headers.set("authorization", `Bearer ${key}`);
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`https://vanguard.test${path}`, {
      method: "POST",
      headers,
      body,
      duplex: "half",
    } as RequestInit),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { status: res.status, body: (await res.json()) as { code: string } };
}

describe("request body limits", () => {
  let t: Tenant;
  let member: string;
  beforeAll(async () => {
    t = await newTenant();
    const m = await newMember(t.branch.id, t.branchKey);
    member = await memberKey(t.branch.id, m.id, t.branchKey);
  });

  it("keeps the 1 MiB limit on module paths that merely end in /members/import", async () => {
    for (const path of [
      `/v1/branches/${t.branch.id}/development/members/import`,
      `/v1/branches/${t.branch.id}/study/members/import`,
    ]) {
      const { stream, seen } = countingBody(3 * MiB);
      const r = await post(path, stream, member);
      expect(r.status).toBe(413);
      expect(r.body.code).toBe("payload_too_large");
      expect(seen.bytes).toBeLessThanOrEqual(MiB + CHUNK);
    }
  });

  it("refuses an unauthenticated upload to the real import route without reading it", async () => {
    const { stream, seen } = countingBody(9 * MiB);
    const r = await post(`/v1/branches/${t.branch.id}/members/import`, stream);
    expect(r.status).toBe(401);
    expect(seen.bytes).toBeLessThanOrEqual(2 * CHUNK);
  });

  it("gives the import route its own limit, enforced while the body streams in", async () => {
    const { stream, seen } = countingBody(12 * MiB);
    const r = await post(`/v1/branches/${t.branch.id}/members/import`, stream, t.branchKey);
    expect(r.status).toBe(413);
    expect(seen.bytes).toBeLessThanOrEqual(8 * MiB + CHUNK);
  });

  it("still takes an import over 1 MiB", async () => {
    const { stream } = countingBody(2 * MiB);
    const r = await post(`/v1/branches/${t.branch.id}/members/import`, stream, t.branchKey);
    // the rows are nonsense without a header, but the body was accepted and parsed
    expect(r.status).not.toBe(413);
  });
});
