import type { AppEnv, EvidenceBindings } from "@vanguard/platform";

/** EVIDENCE keeps the files attached to records, duty tasks and inspection items. */
export type EvaluationsBindings = EvidenceBindings;

export type EvaluationsEnv = AppEnv<EvaluationsBindings>;
