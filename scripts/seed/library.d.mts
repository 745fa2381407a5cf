/** The title of the short daily read the seed's members read (its minimum time is set low). */
export const DAILY_READ_TITLE: string;
export const DAILY_READ_SECONDS: number;
export function seedLibrary(api: unknown, demo: unknown, branches: unknown[]): Promise<void>;
