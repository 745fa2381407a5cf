import { todayIn } from "@vanguard/domain";
import { defaultTemplate } from "@vanguard/platform";
import { pdf, upload } from "@vanguard/testing/evidence-files";
import { beforeAll, describe, expect, it } from "vitest";
import { call, type Reply } from "./harness";
import { buildWorld, CALLERS, type Caller, callerName, type World } from "./harness.isolation";
import { EXPECTATIONS, type Want } from "./isolation.table";

/**
 * The isolation matrix, generated from the served `/openapi.json` (the api worker's routes and the
 * modules' it forwards): every operation × every caller of harness.isolation.ts, answered as
 * isolation.table.ts says, and nothing of the target changed by what was refused.
 */

interface Operation {
  /** `METHOD /path` as in the spec: the key of the expectation table */
  id: string;
  method: string;
  path: string;
  pathParams: string[];
  requiredQuery: string[];
  /** it takes `?dryRun=true`: answers what it would do, writing nothing */
  dryRun: boolean;
  body: "none" | "optional" | "required";
}

const METHODS = ["get", "put", "post", "patch", "delete"] as const;

interface SpecOperation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { required?: boolean };
}

function operationsOf(spec: { paths: Record<string, Partial<Record<string, SpecOperation>>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      const params = op.parameters ?? [];
      ops.push({
        id: `${m.toUpperCase()} ${path}`,
        method: m.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!),
        requiredQuery: params.filter((p) => p.in === "query" && p.required).map((p) => p.name),
        dryRun: params.some((p) => p.in === "query" && p.name === "dryRun"),
        body: !op.requestBody ? "none" : op.requestBody.required ? "required" : "optional",
      });
    }
  }
  return ops;
}

/** `{name}` → the world's value: a whole `"{name}"` may stand for an object (a rule set). */
function fill(template: unknown, values: Record<string, unknown>): unknown {
  if (typeof template === "string") {
    const whole = /^\{(\w+)\}$/.exec(template);
    if (whole && typeof values[whole[1]!] === "object") return values[whole[1]!];
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`the isolation world has no value for {${name}}`);
      return String(values[name]);
    });
  }
  if (Array.isArray(template)) return template.map((x) => fill(x, values));
  if (template && typeof template === "object")
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fill(v, values)]));
  return template;
}

/** A path naming an object of the world (not only a year or an item code) names a tenant. */
const namesTenant = (op: Operation, w: World) => op.pathParams.some((p) => w.tenantParams.has(p));

/** Every way the table can be wrong about the served operations; empty when it is right. */
function tableProblems(ops: Operation[], w: World): string[] {
  const problems: string[] = [];
  const served = new Set(ops.map((o) => o.id));
  for (const op of ops) {
    const want = EXPECTATIONS[op.id];
    if (!want) {
      problems.push(`add an isolation expectation for ${op.id} (workers/api/test/isolation.table.ts)`);
      continue;
    }
    for (const p of op.pathParams)
      if (!(p in w.values))
        problems.push(`${op.id}: no value for the path parameter {${p}}: add it to harness.isolation.ts`);
    const query = new URLSearchParams(want.query ?? "");
    for (const q of op.requiredQuery)
      if (!query.has(q)) problems.push(`${op.id}: give the required query parameter ${q}`);
    if (
      op.body === "required" &&
      want.body === undefined &&
      want.csv === undefined &&
      want.file === undefined
    )
      problems.push(`${op.id}: give an example body that passes validation`);
    if (op.body === "none" && (want.body !== undefined || want.csv !== undefined || want.file !== undefined))
      problems.push(`${op.id} takes no body: remove the entry's body`);
    if (want.anyone !== undefined) {
      if (want.member !== undefined || want.auditor !== undefined || want.outside !== undefined || want.self)
        problems.push(`${op.id}: a public route answers everyone alike (\`anyone\` only)`);
      if (want.anyone === 422 && !want.rule)
        problems.push(`${op.id}: name the rule behind the 422 (\`rule\`)`);
      continue;
    }
    if (want.self) {
      if (want.member !== undefined || want.auditor !== undefined || want.outside !== undefined)
        problems.push(`${op.id}: an operation about the caller's own sign-in answers by key or session only`);
      continue;
    }
    if (want.member === undefined || want.auditor === undefined)
      problems.push(`${op.id}: say what the branch's member and the district's auditor get`);
    if ((want.member === 422 || want.auditor === 422) && !want.rule)
      problems.push(`${op.id}: name the rule behind the 422 (\`rule\`)`);
    if (namesTenant(op, w) && want.outside !== undefined)
      problems.push(`${op.id} names a tenant: everyone outside its scope gets 404, remove \`outside\``);
    if (!namesTenant(op, w) && want.outside === undefined)
      problems.push(`${op.id} names no tenant in its path: say what outsiders get (\`outside\`)`);
  }
  for (const id of Object.keys(EXPECTATIONS))
    if (!served.has(id))
      problems.push(`remove the isolation expectation for ${id}: the spec no longer has it`);
  return problems;
}

function expectedStatus(op: Operation, want: Want, caller: Caller, w: World): number {
  if (want.anyone !== undefined) return want.anyone;
  if (caller.stance === "anonymous") return 401;
  if (want.self) return caller.via === "key" ? want.self.key : want.self.session;
  if (caller.stance === "outside") {
    if (namesTenant(op, w)) return 404;
    return typeof want.outside === "number" ? want.outside : want.outside![caller.role!];
  }
  return caller.stance === "member" ? want.member! : want.auditor!;
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A file as a clerk would send it: a one-page PDF as a form, or the shipped Word template as is. */
function fileBody(kind: "pdf" | "docx"): { raw: BodyInit; headers?: Record<string, string> } {
  if (kind === "pdf") return { raw: upload(pdf("越权"), "越权.pdf", { document: "other" }) };
  return { raw: defaultTemplate("activist_registration"), headers: { "content-type": DOCX } };
}

function send(op: Operation, want: Want, w: World, credential: { key?: string | null; session?: string }) {
  const query = want.query ? `?${fill(want.query, w.values)}` : "";
  const body = op.body !== "none" && want.body !== undefined ? fill(want.body, w.values) : undefined;
  const values = want.params ? { ...w.values, ...(fill(want.params, w.values) as object) } : w.values;
  const file = want.file ? fileBody(want.file) : undefined;
  return call(`${fill(op.path, values)}${query}`, {
    method: op.method,
    ...credential,
    body,
    raw: file?.raw ?? (want.csv === undefined ? undefined : String(fill(want.csv, w.values))),
    headers: file?.headers ?? (want.csv ? { "content-type": "text/csv" } : undefined),
  });
}

/** Runs `fn` over `items`, `width` at a time. */
async function pooled<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/**
 * Everything the platform admin can read of the world: every `GET` of the spec (the table's query
 * applied), so a route added to the spec is in the snapshot as soon as it is in the table.
 */
async function snapshot(ops: Operation[], w: World): Promise<Record<string, string>> {
  const reads = ops.filter(
    (o) =>
      o.method === "GET" &&
      EXPECTATIONS[o.id] &&
      !EXPECTATIONS[o.id]!.self &&
      EXPECTATIONS[o.id]!.anyone === undefined &&
      o.pathParams.every((p) => p in w.values),
  );
  const seen: Record<string, string> = {};
  await pooled(reads, 4, async (op) => {
    // no credential given: the harness sends the platform admin's key
    const r = await send(op, EXPECTATIONS[op.id]!, w, {});
    // when a report was made, or which request a problem answered, is not what it says
    // a generated Word file is zipped afresh each time: what it is, not its bytes
    seen[op.id] = r.headers.get("content-type")?.startsWith(DOCX)
      ? `${r.status} ${DOCX}`
      : `${r.status} ${JSON.stringify(r.body, (k, v) => (k === "generatedAt" || k === "requestId" ? undefined : v))}`;
  });
  return seen;
}

describe("tenant isolation, generated from the served OpenAPI document", () => {
  let ops: Operation[];
  let w: World;

  beforeAll(async () => {
    const spec = await call("/openapi.json", { key: null });
    ops = operationsOf(spec.body);
    w = await buildWorld();
  }, 120_000);

  it("has an expectation for every served operation, and a world that names every path parameter", async () => {
    expect(ops.length).toBeGreaterThan(100);
    expect(tableProblems(ops, w)).toEqual([]);
    // the snapshot sees the whole world: every read answers the platform admin
    const unread = Object.entries(await snapshot(ops, w)).filter(
      ([id, r]) => !r.startsWith(`${EXPECTATIONS[id]!.admin ?? 200} `),
    );
    expect(unread).toEqual([]);
  });

  // an upload is read after the role check, so a file its own caller could not land would let a
  // missing check hide behind the file's refusal: every example file lands whole (as a dry run where
  // the route has one) for the platform admin
  it("has example uploads that land whole for a caller allowed to send them", async () => {
    const uploads = ops.filter((op) => EXPECTATIONS[op.id]?.csv !== undefined);
    expect(uploads.length).toBeGreaterThan(0);
    const refused: string[] = [];
    for (const op of uploads) {
      const want = EXPECTATIONS[op.id]!;
      const r = await send(op, op.dryRun ? { ...want, query: "dryRun=true" } : want, w, {});
      if (r.status !== 200 || r.body?.rejected?.length !== 0)
        refused.push(`${op.id} → ${r.status} ${JSON.stringify(r.body)}`);
    }
    expect(refused).toEqual([]);
  });

  for (const caller of CALLERS) {
    it(`answers ${callerName(caller)} as the table says on every operation, and changes nothing it refused`, async () => {
      const credential = w.credentials.get(caller)!;
      // what the table cannot say yet is the first test's failure, not every caller's
      const planned = ops
        .filter((op) => EXPECTATIONS[op.id] && op.pathParams.every((p) => p in w.values))
        .map((op) => {
          const want = EXPECTATIONS[op.id]!;
          return { op, want, status: expectedStatus(op, want, caller, w) };
        });
      // what may succeed and change something comes after the check that the refusals changed nothing
      const changes = ({ op, status }: (typeof planned)[number]) => op.method !== "GET" && status < 300;
      const first = planned.filter((p) => !changes(p));
      const then = planned.filter(changes).sort((a, b) => Number(!!a.want.last) - Number(!!b.want.last));
      const secret =
        caller.stance === "outside"
          ? w.targetIds.filter((id) => !(caller.sameDistrict && id === w.values.districtId))
          : caller.stance === "member"
            ? w.notTheMembers
            : [];

      const wrong: string[] = [];
      const check = (op: Operation, want: Want, status: number, r: Reply) => {
        if (r.status !== status)
          wrong.push(`${op.id} → ${r.status}, wanted ${status}: ${JSON.stringify(r.body)}`);
        else if (r.status === 422 && !r.body?.errors?.some((e: { rule?: string }) => e.rule === want.rule))
          wrong.push(`${op.id} → 422 for another rule than ${want.rule}: ${JSON.stringify(r.body)}`);
        else if (r.status >= 400 && !r.headers.get("content-type")?.includes("application/problem+json"))
          wrong.push(`${op.id} → ${r.status} without problem+json`);
        // outside its scope, a tenant's object answers exactly as one that does not exist
        else if (r.status === 404 && r.body?.code !== "not_found")
          wrong.push(`${op.id} → 404 ${r.body?.code}`);
        else if (r.status < 300) {
          const text = JSON.stringify(r.body);
          const named = secret.filter((id) => text.includes(id));
          if (named.length) wrong.push(`${op.id} shows ${callerName(caller)} ${named.join(", ")}`);
        }
      };

      // reads by date (today's leaderboard, this year's reports) turn over at midnight in Beijing; a
      // pass that straddles it is tried again (all it does is refused or only reads)
      let before: Record<string, string>;
      let after: Record<string, string>;
      let day: string;
      do {
        day = todayIn("Asia/Shanghai");
        wrong.length = 0;
        before = await snapshot(ops, w);
        await pooled(first, 4, async ({ op, want, status }) =>
          check(op, want, status, await send(op, want, w, credential)),
        );
        after = await snapshot(ops, w);
      } while (todayIn("Asia/Shanghai") !== day);
      expect.soft(wrong).toEqual([]);
      expect.soft(after, "what was refused changed nothing of the target").toEqual(before);

      wrong.length = 0;
      for (const { op, want, status } of then) check(op, want, status, await send(op, want, w, credential));
      expect(wrong).toEqual([]);
    }, 120_000);
  }
});
