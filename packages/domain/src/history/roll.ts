import { failure, type RuleFailure } from "../rules/rule";

/** A person on a branch's roll as a history file finds them. */
export interface RollPerson {
  id: string;
  name: string;
  birthDate: string;
  /** the keyed hash of their identity number, if the roll has one */
  idNumberHash: string | null;
  status: string;
  joinedOn: string | null;
  joinedBranchOn: string;
}

export interface PersonRef {
  name?: string;
  birthDate?: string;
  /** the keyed hash of the identity number the line gives */
  idNumberHash?: string;
}

/** The roll keyed both ways a line may name a person: a 10,000-line file looks each up once. */
export interface RollIndex<P extends RollPerson = RollPerson> {
  byId: Map<string, P[]>;
  byName: Map<string, P[]>;
}

export function indexRoll<P extends RollPerson>(roll: readonly P[]): RollIndex<P> {
  const byId = new Map<string, P[]>();
  const byName = new Map<string, P[]>();
  for (const p of roll) {
    if (p.idNumberHash) byId.set(p.idNumberHash, [...(byId.get(p.idNumberHash) ?? []), p]);
    const k = `${p.name}|${p.birthDate}`;
    byName.set(k, [...(byName.get(k) ?? []), p]);
  }
  return { byId, byName };
}

/**
 * Finds the person a line names: by identity number when it gives one, else by name and birth
 * date together (names alone repeat in any large branch). Refused, with the reason, when the line
 * names nobody on the roll or more than one person.
 */
export function findOnRoll<P extends RollPerson>(
  roll: readonly P[] | RollIndex<P>,
  who: PersonRef,
): { person: P } | { failure: RuleFailure } {
  const index = Array.isArray(roll) ? indexRoll(roll) : (roll as RollIndex<P>);
  let hits: P[];
  if (who.idNumberHash) hits = index.byId.get(who.idNumberHash) ?? [];
  else if (who.name && who.birthDate) hits = index.byName.get(`${who.name}|${who.birthDate}`) ?? [];
  else {
    return {
      failure: failure(
        "person_unidentified",
        {
          zh: "须给出身份证号，或姓名和出生日期",
          en: "Give the identity number, or the name and the birth date",
        },
        {},
      ),
    };
  }
  if (hits.length === 1) return { person: hits[0]! };
  if (hits.length === 0) {
    return {
      failure: failure(
        "person_not_on_roll",
        {
          zh: `${who.name ?? "此人"}不在本支部名册中`,
          en: `${who.name ?? "This person"} is not on the branch's roll`,
        },
        { name: who.name ?? null, birthDate: who.birthDate ?? null },
      ),
    };
  }
  return {
    failure: failure(
      "person_ambiguous",
      {
        zh: `名册中有${hits.length}人同名同出生日期，请改用身份证号`,
        en: `${hits.length} people on the roll share this name and birth date; use the identity number`,
      },
      { name: who.name ?? null, birthDate: who.birthDate ?? null },
    ),
  };
}
