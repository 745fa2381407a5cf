import type { AppEnv, PlatformBindings } from "@vanguard/platform";

export interface StudyBindings extends PlatformBindings {
  /** the key of the identity numbers' lookup hash: a history line may name its person by ID number */
  MEMBER_DATA_KEY: string;
}

export type StudyEnv = AppEnv<StudyBindings>;
