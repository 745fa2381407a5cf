/**
 * Shards are read side by side; a streamed report writes each shard's rows as soon as they arrive,
 * so the first rows leave before the slowest shard answers. Every read is observed at once (not
 * when iteration reaches it), so a shard failing early is never an unhandled rejection.
 */
export function asCompleted<T>(reads: readonly Promise<T>[]): AsyncIterable<T> {
  const pending = new Map(
    reads.map((p, i) => [
      i,
      p.then(
        (value) => ({ i, ok: true as const, value }),
        (error: unknown) => ({ i, ok: false as const, error }),
      ),
    ]),
  );
  return {
    async *[Symbol.asyncIterator]() {
      while (pending.size) {
        const next = await Promise.race(pending.values());
        pending.delete(next.i);
        if (!next.ok) throw next.error;
        yield next.value;
      }
    },
  };
}
