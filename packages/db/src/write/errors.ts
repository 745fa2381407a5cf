/** A unique constraint refused the write: the thing exists already. */
export class ConflictError extends Error {
  constructor(readonly constraint: string) {
    super(`conflict on ${constraint}`);
    this.name = "ConflictError";
  }
}

/** The same Idempotency-Key was used before: answer with what was answered then. */
export class IdempotentReplay extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly fingerprintMatches: boolean,
  ) {
    super("idempotent replay");
    this.name = "IdempotentReplay";
  }
}

/** Other writers kept winning the race for the same branch; the client may retry. */
export class ContentionError extends Error {
  constructor() {
    super("too much contention on the event log");
    this.name = "ContentionError";
  }
}

/** SQLite's own words for a unique violation, with the first column named. */
export function uniqueViolation(err: unknown): string | null {
  const message =
    err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? "")}` : String(err);
  const m = /UNIQUE constraint failed: ([\w.]+)/.exec(message);
  return m ? m[1]! : null;
}

/** A guarded update found the row changed since it was read (optimistic concurrency). */
export class StaleError extends Error {
  constructor() {
    super("the record changed since it was read");
    this.name = "StaleError";
  }
}

export function isGuardFailure(err: unknown): boolean {
  const message =
    err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? "")}` : String(err);
  return message.includes("NOT NULL constraint failed: write_guard.ok");
}
