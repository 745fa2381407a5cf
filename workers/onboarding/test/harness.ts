import type { TenantRef } from "@vanguard/db";
import { type Role, type StepRecord, stepDefinition } from "@vanguard/domain";
import { happyPath } from "@vanguard/domain/testing";
import { memberFixture, tenantFixture } from "@vanguard/testing/fixtures";
import { moduleCall } from "@vanguard/testing/module-harness";

export type World = Awaited<ReturnType<typeof world>>;

/**
 * A fresh branch (on the chosen shard) with nine full members: a secretary, two contacts, two
 * introducers and four more, so votes of up to nine expected voters fit the roll.
 */
export async function world(opts: { shard?: number } = {}) {
  const { ref, tc, plane } = await tenantFixture(opts);
  const full = async (name: string) =>
    (await memberFixture(tc, { name, status: "full", joinedOn: "2001-07-01" })).id;
  const people = {
    secretary: await full("书记 张建国"),
    contact1: await full("联系人 李红梅"),
    contact2: await full("联系人 王志强"),
    intro1: await full("介绍人 赵秀英"),
    intro2: await full("介绍人 孙卫东"),
  };
  for (const name of ["党员甲", "党员乙", "党员丙", "党员丁"]) await full(name);
  const call = (path: string, o: Omit<Parameters<typeof moduleCall>[1], "ref"> = {}) =>
    moduleCall(path, { ...o, ref });
  const cases = `/v1/branches/${ref.branchId}/development/cases`;
  return { ref, tc, plane, people, call, cases, path: happyPath(people) };
}

export const PERSON = { name: "陈思远", gender: "male", birthDate: "1998-05-04" } as const;

/** Who records a step: the upper committee's steps need a district admin. */
export function recorderOf(step: StepRecord["step"]): Role {
  return stepDefinition(step).recordedBy === "upper" ? "district_admin" : "branch_admin";
}

/** Opens a case for a new person and records `steps` (the happy path after step 1 by default). */
export async function walk(w: World, steps: readonly StepRecord[] = w.path.slice(1)) {
  const opened = await w.call(w.cases, { body: { person: PERSON, appliedOn: w.path[0]!.occurredOn } });
  if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  const caseId: string = opened.body.id;
  for (const s of steps) {
    const r = await w.call(`${w.cases}/${caseId}/steps`, { role: recorderOf(s.step), body: s });
    if (r.status !== 201) throw new Error(`${s.step}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return { caseId, memberId: opened.body.memberId as string };
}

/** The happy path from step 2 up to (not including) the first record of `step`. */
export function until(w: World, step: StepRecord["step"]): StepRecord[] {
  return w.path.slice(
    1,
    w.path.findIndex((s) => s.step === step),
  );
}

export type { TenantRef };
