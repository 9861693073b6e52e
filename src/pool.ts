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

/**
 * `items.map(work)`, awaited, with at most `limit` at work at once; the first failure stops what has not
 * started and is thrown once what is in flight has ended. For reads of thousands of pages: asking for all at
 * once holds thousands of requests in memory while the HTTP client's limiter lets a handful through.
 */
export async function mapPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  const stop = new AbortController();
  let failure: { error: unknown } | undefined;
  const indexes = items.map((_, index) => index);
  await runPool(indexes, limit, stop.signal, async (index) => {
    try {
      results[index] = await work(items[index]!);
    } catch (error) {
      failure ??= { error };
      stop.abort();
    }
  });
  if (failure) throw failure.error;
  return results;
}
