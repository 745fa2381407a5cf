import type { AppEnv, AuthBindings } from "@vanguard/platform";

export interface ApiBindings extends AuthBindings {
  /** AES-GCM key for personal fields (base64 of 32 bytes, or any passphrase) */
  MEMBER_DATA_KEY: string;
  ONBOARDING?: Fetcher;
  STUDY?: Fetcher;
  EVALUATIONS?: Fetcher;
  AUDITS?: Fetcher;
  ASSETS?: Fetcher;
}

export type ApiEnv = AppEnv<ApiBindings>;
