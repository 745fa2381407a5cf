import type { AppEnv, PersonalDataEnv, PlatformBindings } from "@vanguard/platform";

/** MEMBER_DATA_KEY(S) and MEMBER_LOOKUP_KEY seal the personal fields of people who apply. */
export interface OnboardingBindings extends PlatformBindings, PersonalDataEnv {}

export type OnboardingEnv = AppEnv<OnboardingBindings>;
