import { inject } from "vitest";

export const ADMIN_KEY = "vgk_dev_platform_admin";
export const base = () => inject("baseUrl");

// biome-ignore lint/suspicious/noExplicitAny: replies are read field by field
export type Json = any;

export interface Reply {
  status: number;
  headers: Headers;
  body: Json;
}

/** One HTTP request to the running stack, as any client would send it. */
export async function http(
  method: string,
  path: string,
  opts: { key?: string | null; body?: unknown; raw?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key !== null) headers.authorization = `Bearer ${opts.key ?? ADMIN_KEY}`;
  if (opts.body !== undefined) headers["content-type"] ??= "application/json";
  const init = { method, headers, body: opts.body !== undefined ? JSON.stringify(opts.body) : opts.raw };
  let res: Response;
  try {
    res = await fetch(`${base()}${path}`, init);
  } catch (e) {
    // the stack closed an idle keep-alive connection just as this request went out on it (undici:
    // "other side closed"); nothing of it was read, so it goes again on a fresh connection
    if ((e as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw e;
    res = await fetch(`${base()}${path}`, init);
  }
  const text = await res.text();
  let body: Json = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // HTML, CSV
  }
  return { status: res.status, headers: res.headers, body };
}

export async function must(
  method: string,
  path: string,
  opts: Parameters<typeof http>[2] = {},
  status = [200, 201],
): Promise<Json> {
  const r = await http(method, path, opts);
  if (!status.includes(r.status))
    throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

let n = 0;
export const unique = (p: string) => `${p}-${process.pid}-${Date.now().toString(36)}-${n++}`;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function idNumber(birthDate: string, seq: number): string {
  const first17 = `320707${birthDate.replaceAll("-", "")}${String(seq % 1000).padStart(3, "0")}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return first17 + "10X98765432"[sum % 11]!;
}

/**
 * A district with one branch and their keys. The branch is on record since 2012 unless `recordsFrom`
 * says otherwise, so what a test records in past months is judged.
 */
export async function tenant(shard: number, { recordsFrom = "2012-07-01" }: { recordsFrom?: string } = {}) {
  const district = await must("POST", "/v1/districts", {
    body: { code: unique("e2e"), name: "端到端区", shard },
  });
  const districtKey = (
    await must("POST", `/v1/districts/${district.id}/keys`, {
      body: { role: "district_admin", label: "组织部" },
    })
  ).key;
  const branch = await must("POST", `/v1/districts/${district.id}/branches`, {
    key: districtKey,
    body: { name: unique("支部").replace(/-/g, ""), kind: "branch", foundedOn: "2012-07-01", recordsFrom },
  });
  const branchKey = (
    await must("POST", `/v1/branches/${branch.id}/keys`, {
      key: districtKey,
      body: { role: "branch_admin", label: "书记" },
    })
  ).key;
  return { district, districtKey, branch, branchKey };
}

/**
 * Seats a branch committee (secretary, organization, propaganda) for a five-year term that began
 * last March: mid-term whatever the day, so no "term ending" warning joins a test's findings.
 */
export function putCommittee(branchId: string, key: string, [secretary, organization, propaganda]: string[]) {
  const year = new Date().getUTCFullYear() - 1;
  return must("PUT", `/v1/branches/${branchId}/committee`, {
    key,
    body: {
      termStart: `${year}-03-01`,
      termEnd: `${year + 5}-03-01`,
      posts: [
        { memberId: secretary, post: "secretary" },
        { memberId: organization, post: "organization" },
        { memberId: propaganda, post: "propaganda" },
      ],
    },
  });
}
