// What `pnpm dev` leaves in its state directory to find its way after an interruption.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

/** Present while the demo seed runs; a `pnpm dev` that finds it knows the seed never finished. */
export const SEEDING_MARK = "seeding";

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Ends a process group (wrangler and the workerd it started), waiting up to `ms` before SIGKILL. */
export async function stopGroup(pid, ms) {
  const signal = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  for (let waited = 0; alive(pid) && waited < ms; waited += 100) await new Promise((r) => setTimeout(r, 100));
  signal("SIGKILL");
}

/** Stops the stack `startStack` gave, waiting for it to exit. */
export async function stopWithin(child, ms) {
  if (!child || child.exitCode !== null) return;
  await stopGroup(child.pid, ms);
}

/**
 * Stops a stack that a previous `pnpm dev` on this state directory left running (its pid file
 * survives only when that process was killed without a chance to clean up). Only a wrangler process
 * is stopped: a pid reused by something else is left alone.
 */
export async function stopStray(state) {
  const file = join(state, "dev.pid");
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, "utf8").trim());
  let cmd = "";
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    // not running (or no /proc): nothing to stop
  }
  if (pid && cmd.includes("wrangler")) {
    console.log(`stopping the stack a previous pnpm dev left running (pid ${pid})`);
    await stopGroup(pid, 10_000);
  }
  rmSync(file, { force: true });
}
