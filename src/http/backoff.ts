// Exponential backoff with full jitter (a uniformly random wait up to the exponential cap), so that clients
// that failed together do not retry together.
export interface Backoff {
  /** Cap of the first retry's wait. */
  baseMs: number;
  /** Largest cap, however many retries. */
  maxMs: number;
}

const defaultBackoff: Backoff = { baseMs: 500, maxMs: 30_000 };

/** The wait before retry number `retry` (0 for the first retry), given a random number in [0, 1). */
export function backoffMs(retry: number, random: number, backoff: Backoff = defaultBackoff): number {
  return Math.floor(random * Math.min(backoff.maxMs, backoff.baseMs * 2 ** retry));
}
