import { maskIdNumber, maskPhone, normalizeIdNumber } from "@vanguard/domain";
import { encryptField, lookupHash } from "./fields";
import { type PersonalDataEnv, personalDataKeys } from "./keyring";

export interface PersonalFields {
  idNumberEnc: string | null;
  idNumberHash: string | null;
  idNumberMasked: string | null;
  phoneEnc: string | null;
  phoneMasked: string | null;
}

/**
 * Seals the sensitive fields of a member before they reach storage: ciphertext to keep, a keyed
 * hash to find duplicates, and the masked form lists show. Plaintext never leaves this function.
 */
export async function sealPersonal(
  env: PersonalDataEnv,
  input: { idNumber?: string | null; phone?: string | null },
): Promise<Partial<PersonalFields>> {
  const keys = await personalDataKeys(env);
  const out: Partial<PersonalFields> = {};
  if (input.idNumber !== undefined) {
    const id = input.idNumber ? normalizeIdNumber(input.idNumber) : null;
    out.idNumberEnc = id ? await encryptField(keys, id) : null;
    out.idNumberHash = id ? await lookupHash(keys, id) : null;
    out.idNumberMasked = id ? maskIdNumber(id) : null;
  }
  if (input.phone !== undefined) {
    out.phoneEnc = input.phone ? await encryptField(keys, input.phone) : null;
    out.phoneMasked = input.phone ? maskPhone(input.phone) : null;
  }
  return out;
}
