import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN_KEY } from "../support/http";

const ROOT = join(import.meta.dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
}

/** `pnpm dev` as a person runs it (the API alone, to spare the console build), on its own port and state. */
function dev(port: number, state: string) {
  const child = spawn(process.execPath, ["scripts/dev.mjs"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), VANGUARD_STATE: state, VANGUARD_CONSOLE: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => {
    output += d;
  });
  child.stderr!.on("data", (d: Buffer) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function districtCodes(port: number): Promise<string[]> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/v1/districts?limit=200`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    if (!res.ok) return [];
    return ((await res.json()) as { items: { code: string }[] }).items.map((d) => d.code);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function listening(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/health`).then(
    () => true,
    () => false,
  );
}

describe("pnpm dev after an interrupted first seed", () => {
  const state = mkdtempSync(join(tmpdir(), "vanguard-dev-"));
  const started: ChildProcess[] = [];
  afterAll(() => {
    for (const c of started) if (c.exitCode === null) c.kill("SIGKILL");
    rmSync(state, { recursive: true, force: true });
  });

  it("stops everything on Ctrl-C mid-seed, then starts over on its own and finishes", async () => {
    const port = await freePort();
    const first = dev(port, state);
    started.push(first.child);
    // Ctrl-C once the demo district exists but before the seed has finished
    await expect.poll(() => districtCodes(port), { timeout: 240_000, interval: 200 }).toContain("ganyu");
    expect(existsSync(join(state, "demo-keys.json"))).toBe(false);
    const wrangler = Number(readFileSync(join(state, "dev.pid"), "utf8"));
    expect(alive(wrangler)).toBe(true);
    first.child.kill("SIGINT");
    expect(await first.exited, first.output()).toBe(0);
    // nothing of it is left: not wrangler, not the port
    expect(alive(wrangler)).toBe(false);
    expect(await listening(port)).toBe(false);
    expect(existsSync(join(state, "seeding"))).toBe(true);

    const second = dev(port, state);
    started.push(second.child);
    await expect
      .poll(() => second.output(), { timeout: 480_000, interval: 500 })
      .toContain("Vanguard 先锋 is running");
    expect(second.output()).toContain("starting over on fresh state");
    expect((await districtCodes(port)).filter((c) => c === "ganyu")).toHaveLength(1);
    expect(existsSync(join(state, "demo-keys.json"))).toBe(true);
    expect(existsSync(join(state, "seeding"))).toBe(false);
    const wrangler2 = Number(readFileSync(join(state, "dev.pid"), "utf8"));
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
    expect(alive(wrangler2)).toBe(false);
    expect(await listening(port)).toBe(false);
  }, 900_000);
});
