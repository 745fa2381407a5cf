/**
 * Taking turns on one chain. Only writers that already lost a race ask for a turn, so an uncontended
 * write costs nothing extra; under contention the losers wait in line (a Durable Object per chain,
 * `BranchSequencer`) instead of re-planning over and over against each other.
 */
export interface Sequencer {
  /** Waits for this scope's turn; resolves to its release, or null if none came in time. */
  turn(scope: string): Promise<(() => Promise<void>) | null>;
}

/** How long a turn may be held before the next writer goes anyway (a writer that died). */
export const TURN_LEASE_MS = 10_000;
/** How long a writer waits in line before it gives up and answers 503. */
export const TURN_WAIT_MS = 20_000;

interface SequencerStub {
  acquire(ticket: string, leaseMs: number, waitMs: number): Promise<boolean>;
  release(ticket: string): Promise<void>;
}

export function durableSequencer(ns: DurableObjectNamespace): Sequencer {
  return {
    async turn(scope) {
      const stub = ns.get(ns.idFromName(scope)) as unknown as SequencerStub;
      const ticket = crypto.randomUUID();
      const granted = await stub.acquire(ticket, TURN_LEASE_MS, TURN_WAIT_MS);
      return granted ? () => stub.release(ticket) : null;
    },
  };
}
