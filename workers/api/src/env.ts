import type { AppEnv, AuthBindings, EvidenceBindings, PersonalDataEnv } from "@vanguard/platform";

/** MEMBER_DATA_KEY(S) and MEMBER_LOOKUP_KEY seal personal fields (docs/security.md). */
export interface ApiBindings extends AuthBindings, PersonalDataEnv, EvidenceBindings {
  ONBOARDING?: Fetcher;
  STUDY?: Fetcher;
  EVALUATIONS?: Fetcher;
  AUDITS?: Fetcher;
  ASSETS?: Fetcher;
}

export type ApiEnv = AppEnv<ApiBindings>;
