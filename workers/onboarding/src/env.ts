import type { AppEnv, PlatformBindings } from "@vanguard/platform";

export interface OnboardingBindings extends PlatformBindings {
  /** AES-GCM key for personal fields of people who apply (base64 of 32 bytes, or any passphrase) */
  MEMBER_DATA_KEY: string;
}

export type OnboardingEnv = AppEnv<OnboardingBindings>;
