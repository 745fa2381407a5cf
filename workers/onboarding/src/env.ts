import type { AppEnv, EvidenceBindings, PersonalDataEnv } from "@vanguard/platform";

/**
 * MEMBER_DATA_KEY(S) and MEMBER_LOOKUP_KEY seal the personal fields of people who apply; EVIDENCE
 * keeps the files attached to steps and the district's document templates.
 */
export interface OnboardingBindings extends EvidenceBindings, PersonalDataEnv {}

export type OnboardingEnv = AppEnv<OnboardingBindings>;
