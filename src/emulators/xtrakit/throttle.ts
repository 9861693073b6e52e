// Rate limiting as Laravel's `throttle:api` middleware answers it: `X-RateLimit-Limit` and
// `X-RateLimit-Remaining` on every response, and on refusal a 429 with `Retry-After` (seconds) and
// `X-RateLimit-Reset` (epoch seconds). Laravel counts in a fixed window that opens with the first call; the
// shared sliding window used here is never looser than that.
import type { SlidingWindowLimiter } from '../common/rate-limit.js';
import type { Clock } from '../common/types.js';
import { fail, type XtrakitResponse } from './envelope.js';

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Laravel's default for API routes: 60 calls a minute per user (here, per API key). */
export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 60, windowMs: 60_000 };

export type Throttled = { admitted: true; headers: Record<string, string> } | { admitted: false; response: XtrakitResponse };

export function throttle(limiter: SlidingWindowLimiter, rule: RateLimit, key: string, clock: Clock): Throttled {
  const { admitted, windows } = limiter.take([{ key: `key:${key}`, ...rule }]);
  const window = windows[0]!;
  const headers = { 'X-RateLimit-Limit': String(rule.limit), 'X-RateLimit-Remaining': String(window.remaining) };
  if (admitted) return { admitted: true, headers };
  const retryAfter = Math.max(1, Math.ceil(window.resetMs / 1000));
  const reset = String(Math.ceil(clock() / 1000) + retryAfter);
  const response = fail(429, 'Too Many Attempts.');
  return { admitted: false, response: { ...response, headers: { ...headers, 'Retry-After': String(retryAfter), 'X-RateLimit-Reset': reset } } };
}
