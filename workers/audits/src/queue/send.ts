import { SEND_BATCH_MAX } from "./messages";

/** Sends any number of messages in the chunks Queue.sendBatch accepts. */
export async function sendAll<T>(queue: Queue<T>, bodies: T[]): Promise<void> {
  for (let i = 0; i < bodies.length; i += SEND_BATCH_MAX) {
    await queue.sendBatch(bodies.slice(i, i + SEND_BATCH_MAX).map((body) => ({ body })));
  }
}
