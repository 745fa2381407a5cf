import { DurableObject } from "cloudflare:workers";

interface Waiter {
  ticket: string;
  leaseMs: number;
  grant: (granted: boolean) => void;
}

/**
 * One instance per scope (a branch's or a district's chain): writers that lost the race for the
 * chain's next entry queue here and take turns, instead of re-planning in a storm. A turn is a lease:
 * a writer that dies holding it loses it after `leaseMs`, so the queue never stalls for good.
 */
export class BranchSequencer extends DurableObject {
  private holder: { ticket: string; timer: ReturnType<typeof setTimeout> } | null = null;
  private readonly queue: Waiter[] = [];

  /** Resolves true when the ticket holds the turn, false if `waitMs` passed first. */
  async acquire(ticket: string, leaseMs: number, waitMs: number): Promise<boolean> {
    if (!this.holder) {
      this.hold(ticket, leaseMs);
      return true;
    }
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = { ticket, leaseMs, grant: resolve };
      this.queue.push(waiter);
      setTimeout(() => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) {
          this.queue.splice(i, 1);
          resolve(false);
        }
      }, waitMs);
    });
  }

  async release(ticket: string): Promise<void> {
    if (this.holder?.ticket !== ticket) return;
    clearTimeout(this.holder.timer);
    this.holder = null;
    this.next();
  }

  private hold(ticket: string, leaseMs: number) {
    const timer = setTimeout(() => {
      // the holder died or hung: its turn ends, the next writer goes
      if (this.holder?.ticket === ticket) {
        this.holder = null;
        this.next();
      }
    }, leaseMs);
    this.holder = { ticket, timer };
  }

  private next() {
    const waiter = this.queue.shift();
    if (!waiter) return;
    this.hold(waiter.ticket, waiter.leaseMs);
    waiter.grant(true);
  }
}
