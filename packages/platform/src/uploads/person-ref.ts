import {
  failure,
  isValidIdNumber,
  normalizeIdNumber,
  type PersonRef,
  parseDay,
  type RuleFailure,
} from "@vanguard/domain";
import { lookupHash } from "../crypto/fields";
import type { Keyring } from "../crypto/keyring";

/** The header spellings of the columns that name a person in every history file. */
export const PERSON_COLUMNS = {
  name: ["name", "姓名"],
  birthDate: ["birthDate", "出生日期", "出生年月日"],
  idNumber: ["idNumber", "身份证号", "身份证号码", "公民身份号码"],
} as const;

/**
 * The person a line names, as the roll can be searched for them: the keyed hash of the identity
 * number (never the number itself), else the name and birth date.
 */
export async function personRefOf(
  keys: Keyring,
  cells: { name?: string; birthDate?: string; idNumber?: string },
): Promise<{ ref: PersonRef } | { failure: RuleFailure }> {
  const ref: PersonRef = {};
  if (cells.name) ref.name = cells.name;
  if (cells.birthDate) {
    const day = parseDay(cells.birthDate);
    if (!day) {
      return {
        failure: failure(
          "invalid_date",
          { zh: `出生日期无法识别：${cells.birthDate}`, en: `Unreadable birth date: ${cells.birthDate}` },
          { birthDate: cells.birthDate },
        ),
      };
    }
    ref.birthDate = day;
  }
  if (cells.idNumber) {
    if (!isValidIdNumber(cells.idNumber)) {
      return {
        failure: failure("invalid_id_number", { zh: "身份证号无效", en: "Invalid identity number" }, {}),
      };
    }
    ref.idNumberHash = await lookupHash(keys, normalizeIdNumber(cells.idNumber));
  }
  return { ref };
}
