// What platforms say about their rate limits in response headers, read in one place for every platform:
// Commerce Layer `X-Ratelimit-*` (sliding windows, interval in seconds) and BigCommerce `X-Rate-Limit-*`
// (a quota refreshed every window, reset in ms). Header names never collide, so no platform switch is needed.

/** A platform's own account of its budget, in the limiter's terms. */
export interface RateObservation {
  /** Requests allowed per window. */
  limit?: number;
  windowMs?: number;
  /** Requests left in the current window. */
  remaining?: number;
  /** Milliseconds until the budget refills (BigCommerce only: Commerce Layer's windows slide). */
  resetMs?: number;
}

function num(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function rateObservation(headers: Headers): RateObservation | undefined {
  const clLimit = num(headers, 'x-ratelimit-limit');
  const clInterval = num(headers, 'x-ratelimit-interval');
  const clRemaining = num(headers, 'x-ratelimit-remaining');
  if (clLimit !== undefined || clRemaining !== undefined) {
    return { limit: clLimit, windowMs: clInterval === undefined ? undefined : clInterval * 1000, remaining: clRemaining };
  }
  const bcRemaining = num(headers, 'x-rate-limit-requests-left');
  const bcQuota = num(headers, 'x-rate-limit-requests-quota');
  if (bcRemaining !== undefined || bcQuota !== undefined) {
    return {
      limit: bcQuota,
      windowMs: num(headers, 'x-rate-limit-time-window-ms'),
      remaining: bcRemaining,
      resetMs: num(headers, 'x-rate-limit-time-reset-ms'),
    };
  }
  return undefined;
}

/**
 * How long the platform asks us to wait before retrying, in ms, or undefined when it does not say.
 * `Retry-After` (seconds or an HTTP date) on any status; on 429 also BigCommerce `X-Retry-After` (seconds) and
 * `X-Rate-Limit-Time-Reset-Ms`, and Commerce Layer `X-Ratelimit-Interval` (seconds). The longest one wins,
 * as BigCommerce asks when several are present.
 */
export function requestedWaitMs(status: number, headers: Headers, now: number): number | undefined {
  const waits: number[] = [];
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    const seconds = num(headers, 'retry-after');
    const date = seconds === undefined ? Date.parse(retryAfter) : NaN;
    if (seconds !== undefined) waits.push(seconds * 1000);
    else if (Number.isFinite(date)) waits.push(Math.max(0, date - now));
  }
  if (status === 429) {
    const xRetryAfter = num(headers, 'x-retry-after');
    const resetMs = num(headers, 'x-rate-limit-time-reset-ms');
    const interval = num(headers, 'x-ratelimit-interval');
    if (xRetryAfter !== undefined) waits.push(xRetryAfter * 1000);
    if (resetMs !== undefined) waits.push(resetMs);
    if (interval !== undefined) waits.push(interval * 1000);
  }
  return waits.length ? Math.max(...waits) : undefined;
}
