// One provider's progress in words, with an estimate of the time left: for the spinner on a terminal and the
// periodic line in a log. The estimate is the pace so far applied to the calls known to remain (pages already
// counted, look-ups already chunked), and never less than what the rate limits still need or a wait in progress.
import type { ClientActivity } from '../http/index.js';
import { duration } from './cost.js';

/** `cl: 120 calls done, 80 to go, about 40 s left; waiting 8 s (rate limit, writes: 25 per 10 s on PATCH …)`. */
export function describeProgress(provider: string, activity: ClientActivity, elapsedMs: number, now: number): string {
  const { done, pending, waiting, leastMs } = activity;
  const parts = [`${done} call${done === 1 ? '' : 's'} done`];
  const waitMs = waiting ? Math.max(0, waiting.until - now) : 0;
  if (pending > 0) {
    parts.push(`${pending} to go`);
    const paceMs = done > 0 ? elapsedMs / done : undefined;
    const leftMs = Math.max(paceMs === undefined ? 0 : paceMs * pending, waitMs, leastMs);
    if (leftMs > 0) parts.push(`about ${duration(leftMs / 1000)} left`);
  }
  const line = `${provider}: ${parts.join(', ')}`;
  return waiting && waitMs > 0 ? `${line}; waiting ${duration(waitMs / 1000)} (${waiting.why})` : line;
}
