import type { AppEnv, PersonalDataEnv, PlatformBindings } from "@vanguard/platform";

/** MEMBER_DATA_KEY(S) and MEMBER_LOOKUP_KEY: a history line may name its person by ID number (its lookup hash). */
export interface StudyBindings extends PlatformBindings, PersonalDataEnv {}

export type StudyEnv = AppEnv<StudyBindings>;
