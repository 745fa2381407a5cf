// Seeds the demo district once; later runs find it and reuse the saved keys.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { client } from "../lib/client.mjs";
import { seedAccounts } from "./accounts.mjs";
import { seedAdoption } from "./adoption.mjs";
import { seedAudits } from "./audits.mjs";
import { seedEvaluations } from "./evaluations.mjs";
import { seedEvidence } from "./evidence.mjs";
import { seedOnboarding } from "./onboarding.mjs";
import { DEMO_DISTRICT, seedPlatform } from "./platform.mjs";
import { seedPractices } from "./practices.mjs";
import { seedStudy } from "./study.mjs";

export async function seedDemo({ base, adminKey, keysFile, today }) {
  const api = client(base, adminKey);
  const existing = await findDistrict(api, DEMO_DISTRICT.code);
  if (existing && keysFile && existsSync(keysFile)) return JSON.parse(readFileSync(keysFile, "utf8"));
  if (existing)
    throw new Error(
      `district ${DEMO_DISTRICT.code} exists but ${keysFile} is gone; reset with: rm -rf .wrangler/state`,
    );
  const opts = { today: today ?? todayInShanghai() };
  const seeded = await seedPlatform(api, opts);
  const accounts = await seedAccounts(api, seeded);
  await seedOnboarding(api, seeded, opts);
  await seedStudy(api, seeded, opts);
  seeded.keys.practices = await seedPractices(api, seeded, opts);
  await seedEvaluations(api, seeded, opts);
  await seedEvidence(api, base, seeded);
  await seedAdoption(api, seeded, opts);
  await seedAudits(api, seeded, opts);
  const summary = {
    districtId: seeded.district.id,
    keys: seeded.keys,
    branches: seeded.keys.branches,
    accounts,
  };
  if (keysFile) writeFileSync(keysFile, `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

async function findDistrict(api, code) {
  let cursor;
  do {
    const page = await api.get(`/v1/districts?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
    const hit = page.items.find((d) => d.code === code);
    if (hit) return hit;
    cursor = page.nextCursor;
  } while (cursor);
  return null;
}

function todayInShanghai() {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}
