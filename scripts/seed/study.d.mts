export const SKIPPING_BRANCH: string;
/** The months (`YYYY-MM`) of `today`'s year in which the skipping branch held no committee meeting. */
export function skippedCommitteeMonths(today: string): string[];
export function seedStudy(api: unknown, demo: unknown, opts: { today: string }): Promise<void>;
