import {
  existingIdNumberHashes,
  type MemberRow,
  type NewPersonFields,
  newId,
  newMemberRow,
  type PersonPlace,
  type Reservation,
  releasePersons,
  reservePersons,
  resolveBranch,
  type TenantContext,
} from "@vanguard/db";
import { failure, type Message, type RuleFailure } from "@vanguard/domain";
import type { Context } from "hono";
import { seesBranch } from "../access/scope";
import type { PersonalDataEnv } from "../crypto/keyring";
import { sealPersonal } from "../crypto/personal-data";
import type { AppEnv, PlatformBindings } from "../env";
import { conflictAs, ProblemError, ruleViolation } from "../errors/problem";

export interface PersonInput extends NewPersonFields {
  idNumber?: string | null;
  phone?: string | null;
}

/** A new person's roll row, its personal fields sealed (the roll's one door, with `newMemberRow`). */
export async function sealedMemberRow(
  env: PersonalDataEnv,
  tc: TenantContext,
  input: PersonInput,
  at: string,
): Promise<MemberRow> {
  const sealed = await sealPersonal(env, { idNumber: input.idNumber ?? null, phone: input.phone ?? null });
  return newMemberRow(tc, newId("member"), input, sealed, at);
}

/** One person, one row on a branch's roll: the words for a second row with the same identity number. */
export const DUPLICATE_PERSON: Message = {
  zh: "本支部已有相同身份证号的人员",
  en: "A person with this identity number is already on the branch roll",
};

/** A write racing another onto the roll's unique index gets the same refusal (409). */
export const duplicatePerson = conflictAs(DUPLICATE_PERSON);

/** Inside the write: refuses (409) a new row whose person is already on this branch's roll. */
export async function refuseDuplicatePerson(tc: TenantContext, row: MemberRow | null): Promise<void> {
  if (row?.idNumberHash && (await existingIdNumberHashes(tc, [row.idNumberHash])).size) {
    throw new ProblemError("conflict", DUPLICATE_PERSON);
  }
}

/**
 * The register's verdict on each row about to join a branch's roll: one current place on a roll per
 * person, platform-wide (docs/domain.md, "One person, one membership"). Rows without an identity
 * number cannot be matched across branches and pass. `release` gives back the reservations of rows
 * that were not written after all; call it whenever the write fails or skips rows.
 */
export async function reserveOnRoll<B extends PlatformBindings>(
  c: Context<AppEnv<B>>,
  tc: TenantContext,
  rows: MemberRow[],
): Promise<{
  verdicts: Map<string, Reservation>;
  release: (unwritten: string[]) => Promise<void>;
}> {
  const plane = c.get("plane");
  const claims = rows
    .filter((r) => r.idNumberHash)
    .map((r) => ({
      idHash: r.idNumberHash!,
      memberId: r.id,
      districtId: tc.districtId,
      branchId: tc.branchId,
    }));
  const byHash = await reservePersons(plane, claims, new Date());
  const verdicts = new Map<string, Reservation>();
  for (const r of rows) {
    const v = r.idNumberHash ? byHash.get(r.idNumberHash) : undefined;
    verdicts.set(r.id, v ?? { kind: "reserved", fresh: false });
  }
  const reserved = new Map(
    claims
      .filter((cl) => {
        const v = verdicts.get(cl.memberId);
        return v?.kind === "reserved" && v.fresh;
      })
      .map((cl) => [cl.memberId, cl]),
  );
  return {
    verdicts,
    release: (unwritten) =>
      releasePersons(
        plane,
        unwritten.flatMap((id) => (reserved.has(id) ? [reserved.get(id)!] : [])),
      ),
  };
}

/**
 * One new person onto the roll: reserves their place platform-wide and refuses (422) one who is a
 * current member elsewhere. Returns `release`, to call when the write does not happen.
 */
export async function claimRollPlace<B extends PlatformBindings>(
  c: Context<AppEnv<B>>,
  tc: TenantContext,
  row: MemberRow,
): Promise<(unwritten: string[]) => Promise<void>> {
  const { verdicts, release } = await reserveOnRoll(c, tc, [row]);
  const verdict = verdicts.get(row.id)!;
  if (verdict.kind === "held_elsewhere") throw ruleViolation([await onAnotherRoll(c, verdict.place)]);
  return release;
}

/**
 * The refusal for a person who is a current member elsewhere. It names the branch only to a caller
 * who may see that branch; anyone else learns only that the person is on another roll.
 */
export async function onAnotherRoll<B extends PlatformBindings>(
  c: Context<AppEnv<B>>,
  place: PersonPlace,
): Promise<RuleFailure> {
  const branch = await resolveBranch(c.get("plane"), place.branchId);
  if (branch && seesBranch(c.get("principal"), branch)) {
    return failure(
      "person_on_another_roll",
      {
        zh: `此人已是「${branch.name}」的在册人员，一人只能在一个党组织名册中；请通过组织关系转接办理`,
        en: `This person is already on the roll of "${branch.name}"; a person can be on one roll only — transfer them instead`,
      },
      { branchId: branch.id, memberId: place.memberId },
    );
  }
  return failure("person_on_another_roll", {
    zh: "此人已在其他党组织的名册中，一人只能在一个党组织名册中；请由其所在党组织办理组织关系转接",
    en: "This person is already on another organization's roll; a person can be on one roll only — their branch must transfer them",
  });
}
