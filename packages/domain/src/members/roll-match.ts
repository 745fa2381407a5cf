/**
 * Re-importing a roll must never put a person on it twice, however the file was split or fixed up
 * between runs. A row is the same person as a current member when their identity numbers match or,
 * when either has none, their name and birth date do. A matched row changes nothing: it is
 * `unchanged` when it says what the roll says, a `conflict` naming the fields that differ otherwise
 * (a clerk edits the member, the import does not overwrite the register).
 */
export interface RollFields {
  name: string;
  gender: string;
  birthDate: string;
  status: string;
  joinedOn: string | null;
  education: string | null;
  /** the keyed hash of the identity number, never the number */
  idNumberHash: string | null;
  phoneMasked: string | null;
}

export type RollMatch = { kind: "new" } | { kind: "same"; memberId: string; differs: string[] };

export const nameBirthKey = (f: { name: string; birthDate: string }) => `${f.name.trim()}|${f.birthDate}`;

const COMPARED = ["name", "gender", "birthDate", "status", "joinedOn", "education", "phoneMasked"] as const;

/** Which fields of a row say something else than the member on the roll (a blank cell says nothing). */
export function differingFields(row: RollFields, member: RollFields): string[] {
  const out: string[] = COMPARED.filter((k) => row[k] !== null && row[k] !== member[k]).map((k) =>
    k === "phoneMasked" ? "phone" : k,
  );
  if (row.idNumberHash && member.idNumberHash !== row.idNumberHash) out.push("idNumber");
  return out;
}

/**
 * The member a row is, among the branch's current members: by identity number first; else by name
 * and birth date, but never against a member whose own identity number says they are someone else.
 */
export function matchOnRoll(row: RollFields, current: (RollFields & { id: string })[]): RollMatch {
  const byNumber = row.idNumberHash ? current.find((m) => m.idNumberHash === row.idNumberHash) : undefined;
  const byName =
    byNumber ??
    current.find(
      (m) =>
        nameBirthKey(m) === nameBirthKey(row) &&
        (!row.idNumberHash || !m.idNumberHash || m.idNumberHash === row.idNumberHash),
    );
  if (!byName) return { kind: "new" };
  return { kind: "same", memberId: byName.id, differs: differingFields(row, byName) };
}
