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

/**
 * Finds the person a line names: by identity number when it gives one, else by name and birth
 * date together (names alone repeat in any large branch). Refused, with the reason, when the line
 * names nobody on the roll or more than one person.
 */
export function findOnRoll(
  roll: readonly RollPerson[],
  who: PersonRef,
): { person: RollPerson } | { failure: RuleFailure } {
  let hits: RollPerson[];
  if (who.idNumberHash) hits = roll.filter((p) => p.idNumberHash === who.idNumberHash);
  else if (who.name && who.birthDate)
    hits = roll.filter((p) => p.name === who.name && p.birthDate === who.birthDate);
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
