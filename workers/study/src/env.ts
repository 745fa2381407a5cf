import type { AppEnv, EvidenceBindings, PersonalDataEnv } from "@vanguard/platform";

/**
 * MEMBER_DATA_KEY(S) and MEMBER_LOOKUP_KEY: a history line may name its person by ID number (its lookup
 * hash). EVIDENCE keeps the files attached to meetings and the district's document templates.
 */
export interface StudyBindings extends EvidenceBindings, PersonalDataEnv {}

export type StudyEnv = AppEnv<StudyBindings>;
