import {
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
import { failure, type RuleFailure } from "@vanguard/domain";
import type { Context } from "hono";
import { seesBranch } from "../access/scope";
import { sealPersonal } from "../crypto/personal-data";
import type { AppEnv, PlatformBindings } from "../env";

export interface PersonInput extends NewPersonFields {
  idNumber?: string | null;
  phone?: string | null;
}

/** A new person's roll row, its personal fields sealed (the roll's one door, with `newMemberRow`). */
export async function sealedMemberRow(
  secret: string,
  tc: TenantContext,
  input: PersonInput,
  at: string,
): Promise<MemberRow> {
  const sealed = await sealPersonal(secret, { idNumber: input.idNumber ?? null, phone: input.phone ?? null });
  return newMemberRow(tc, newId("member"), input, sealed, at);
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
