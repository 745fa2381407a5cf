import type { ChainHead, TurnGrant } from "../sequencer/branch-sequencer";

/**
 * Taking turns on one chain. Only writers that already lost a race ask for a turn, so an uncontended
 * write costs nothing extra; under contention the losers wait in line (a Durable Object per chain,
 * `BranchSequencer`) instead of re-planning over and over against each other.
 */
export interface Turn {
  /** the chain's head as the previous turn left it, if known: a hint the chain's key checks */
  head: ChainHead | null;
  /** this writer waited in line for the turn: others are writing to the chain too */
  contended: boolean;
  /** ends the turn, handing on the head this turn's write left (omitted: unknown) */
  release(head?: ChainHead): Promise<void>;
}

export interface Sequencer {
  /** Waits for this scope's turn; null if none came in time. */
  turn(scope: string): Promise<Turn | null>;
}

/** How long a turn may be held before the next writer goes anyway (a writer that died). */
export const TURN_LEASE_MS = 10_000;
/** How long a writer waits in line before it gives up and answers 503. */
export const TURN_WAIT_MS = 20_000;

interface SequencerStub {
  acquire(ticket: string, leaseMs: number, waitMs: number): Promise<TurnGrant>;
  release(ticket: string, head?: ChainHead): Promise<void>;
}

export function durableSequencer(ns: DurableObjectNamespace): Sequencer {
  return {
    async turn(scope) {
      const stub = ns.get(ns.idFromName(scope)) as unknown as SequencerStub;
      const ticket = crypto.randomUUID();
      const { granted, head, waited } = await stub.acquire(ticket, TURN_LEASE_MS, TURN_WAIT_MS);
      return granted ? { head, contended: waited, release: (next) => stub.release(ticket, next) } : null;
    },
  };
}
