import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_KEY, base, must, unique } from "../support/http";

const ROOT = join(import.meta.dirname, "../..");
// the oldest Node the package supports, where the machine has it (the system's), else this one
const NODE = existsSync("/usr/bin/node") ? "/usr/bin/node" : process.execPath;

function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 240_000,
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} → ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * The client as an integrator gets it: packed, installed with npm into an empty directory outside
 * the monorepo (dependencies from the registry), and used from plain Node against the running stack.
 */
describe("the packed @vanguard/client", () => {
  let dir: string;
  const codes: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vanguard-pack-"));
    sh("pnpm", ["--filter", "@vanguard/client", "pack", "--pack-destination", dir], ROOT);
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"))!;
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "integrator", private: true, type: "module" }),
    );
    sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", `./${tarball}`], dir);
    for (let i = 0; i < 3; i++) {
      const code = unique("pk");
      await must("POST", "/v1/districts", { body: { code, name: `打包区${i}` } });
      codes.push(code);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("installs JavaScript with type declarations and no TypeScript sources", () => {
    const pkg = JSON.parse(readFileSync(join(dir, "node_modules/@vanguard/client/package.json"), "utf8"));
    expect(pkg.exports["."]).toEqual({ types: "./dist/index.d.mts", import: "./dist/index.mjs" });
    const files = readdirSync(join(dir, "node_modules/@vanguard/client/dist"));
    expect(files).toEqual(expect.arrayContaining(["index.mjs", "index.d.mts", "cli.mjs"]));
    expect(files.some((f) => f.endsWith(".ts") && !f.endsWith(".d.mts"))).toBe(false);
    expect(readFileSync(join(dir, "node_modules/@vanguard/client/dist/index.d.mts"), "utf8")).toContain(
      "createVanguardClient",
    );
  });

  it("pages through a list from plain Node, one small page at a time, to the end", () => {
    writeFileSync(
      join(dir, "page.mjs"),
      `import { createVanguardClient, paginate } from "@vanguard/client";
const api = createVanguardClient({ baseUrl: process.env.VANGUARD_URL, key: process.env.VANGUARD_KEY });
let requests = 0;
const codes = [];
for await (const d of paginate((cursor) => {
  requests++;
  return api.GET("/v1/districts", { params: { query: { limit: 2, cursor } } });
})) codes.push(d.code);
console.log(JSON.stringify({ codes, requests }));
`,
    );
    const out = JSON.parse(sh(NODE, ["page.mjs"], dir, { VANGUARD_URL: base(), VANGUARD_KEY: ADMIN_KEY }));
    expect(out.codes).toEqual(expect.arrayContaining(codes));
    expect(new Set(out.codes).size).toBe(out.codes.length);
    expect(out.requests).toBeGreaterThanOrEqual(Math.ceil(out.codes.length / 2));
  });

  it("runs the README's snippet as printed", () => {
    const readme = readFileSync(join(ROOT, "packages/client/README.md"), "utf8");
    const snippet = /```js\n([\s\S]*?)```/.exec(readme)![1]!;
    writeFileSync(join(dir, "readme.mjs"), snippet);
    const out = sh(NODE, ["readme.mjs"], dir, { VANGUARD_URL: base(), VANGUARD_KEY: ADMIN_KEY });
    for (const code of codes) expect(out).toContain(code);
  });

  it("brings the vanguard command", () => {
    const bin = join(dir, "node_modules/.bin/vanguard");
    const version = sh(bin, ["--version"], dir).trim();
    expect(version).toBe(
      JSON.parse(readFileSync(join(ROOT, "packages/client/package.json"), "utf8")).version,
    );
    const list = sh(bin, ["districts", "list", "--limit", "2"], dir, {
      VANGUARD_URL: base(),
      VANGUARD_KEY: ADMIN_KEY,
      LANG: "en_US.UTF-8",
    });
    for (const code of codes) expect(list).toContain(code);
  });
});
