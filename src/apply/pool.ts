// A tiny bounded worker pool that honours cancellation: once the signal aborts, nothing new starts,
// what is in flight finishes, and the caller learns which items never started.

/** Runs `work` over `items`, at most `limit` at once. `work` must not throw. Returns the items never started. */
export async function runPool<T>(items: readonly T[], limit: number, signal: AbortSignal | undefined, work: (item: T) => Promise<void>): Promise<T[]> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return items.slice(next);
}
