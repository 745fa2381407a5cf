import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import type { DemoKeys } from "../../scripts/seed/index.mjs";
import { must } from "./http";

export interface DemoAccount {
  login: string;
  password: string;
}

type Role = "district_admin" | "auditor" | "branch_admin" | "member";

/** A one-time password the demo seed saved for `login`, wherever demo-keys.json keeps accounts. */
function seeded(login: string): DemoAccount | undefined {
  const file = JSON.parse(readFileSync(join(inject("statePath"), "demo-keys.json"), "utf8")) as unknown;
  const found: DemoAccount[] = [];
  const walk = (v: unknown) => {
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    const password = o.initialPassword ?? o.password;
    if (o.login === login && typeof password === "string") found.push({ login, password });
    for (const child of Object.values(o)) walk(child);
  };
  walk(file);
  return found[0];
}

/**
 * The demo account `login` with its one-time password: the one `pnpm dev`'s seed made, or, where the
 * seed has none, one made now through the API with the demo's keys.
 */
export async function demoAccount(
  demo: DemoKeys,
  login: string,
  spec: { displayName: string; role: Role; branch?: string; memberId?: string },
): Promise<DemoAccount> {
  const found = seeded(login);
  if (found) return found;
  const body = { login, displayName: spec.displayName, role: spec.role, memberId: spec.memberId };
  const created = spec.branch
    ? await must("POST", `/v1/branches/${demo.keys.branches[spec.branch]!.branchId}/accounts`, {
        key: demo.keys.districtAdmin,
        body,
      })
    : await must("POST", `/v1/districts/${demo.districtId}/accounts`, { body });
  return { login, password: created.initialPassword };
}
