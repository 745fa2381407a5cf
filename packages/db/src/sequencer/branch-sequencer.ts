import { DurableObject } from "cloudflare:workers";

/** A chain's last entry, as the writer that appended it knows it. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** What a writer in line is told when its wait ends. */
export interface TurnGrant {
  granted: boolean;
  /** the head the previous turn left (null: unknown, read it) */
  head: ChainHead | null;
  /** the writer had to wait in line: the chain is still contended */
  waited: boolean;
}

interface Waiter {
  ticket: string;
  leaseMs: number;
  grant: (g: TurnGrant) => void;
}

/**
 * One instance per scope (a branch's or a district's chain): writers that lost the race for the
 * chain's next entry queue here and take turns, instead of re-planning in a storm. A turn is a lease:
 * a writer that dies holding it loses it after `leaseMs`, so the queue never stalls for good.
 *
 * Each turn hands the chain's head to the next, so a writer in line commits without first reading
 * it. The head is only a hint: the chain's key still refuses a stale one (a writer that did not wait
 * its turn), and that writer then reads the head and tries again.
 */
export class BranchSequencer extends DurableObject {
  private holder: { ticket: string; timer: ReturnType<typeof setTimeout> } | null = null;
  private readonly queue: Waiter[] = [];
  private head: ChainHead | null = null;

  /** Resolves granted when the ticket holds the turn, not granted if `waitMs` passed first. */
  async acquire(ticket: string, leaseMs: number, waitMs: number): Promise<TurnGrant> {
    if (!this.holder) {
      this.hold(ticket, leaseMs);
      return { granted: true, head: this.head, waited: false };
    }
    return new Promise<TurnGrant>((resolve) => {
      const waiter: Waiter = { ticket, leaseMs, grant: resolve };
      this.queue.push(waiter);
      setTimeout(() => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) {
          this.queue.splice(i, 1);
          resolve({ granted: false, head: null, waited: true });
        }
      }, waitMs);
    });
  }

  /** Ends the ticket's turn; `head` is the chain's head after its write (omitted: unknown). */
  async release(ticket: string, head?: ChainHead): Promise<void> {
    if (this.holder?.ticket !== ticket) return;
    clearTimeout(this.holder.timer);
    this.holder = null;
    this.head = head ?? null;
    this.next();
  }

  private hold(ticket: string, leaseMs: number) {
    const timer = setTimeout(() => {
      // the holder died or hung: its turn ends, the next writer goes, and reads the head itself
      if (this.holder?.ticket === ticket) {
        this.holder = null;
        this.head = null;
        this.next();
      }
    }, leaseMs);
    this.holder = { ticket, timer };
  }

  private next() {
    const waiter = this.queue.shift();
    if (!waiter) return;
    this.hold(waiter.ticket, waiter.leaseMs);
    waiter.grant({ granted: true, head: this.head, waited: true });
  }
}
