// Commerce Layer's rate limits (shared/providers §1.6): per client IP, over sliding windows, an *average*
// limit summed over every endpoint of a class per minute and a *burst* limit per single endpoint per 10 s.
// customers and customer_groups are uncacheable, so their reads and all writes use the lower numbers.
//
// "Per single endpoint" is read as method + route template (`PATCH /api/customers/:id`): PATCHing many
// customers spends one burst budget. That is the stricter reading, so a client that passes here passes there.
import { SlidingWindowLimiter, type WindowStatus } from '../common/rate-limit.js';
import type { Clock } from '../common/types.js';
import { fail, type JsonApiError } from './errors.js';

export type LimitClass = 'auth' | 'uncacheable' | 'writes';

interface RateWindow {
  limit: number;
  intervalSeconds: number;
}

interface ClassLimits {
  /** Over all endpoints of the class. */
  average: RateWindow;
  /** Per endpoint; none for the auth endpoint. */
  burst?: RateWindow;
}

export type CommerceLayerRateLimits = Record<LimitClass, ClassLimits>;

export const RATE_LIMITS: Record<'test' | 'live', CommerceLayerRateLimits> = {
  test: {
    auth: { average: { limit: 30, intervalSeconds: 60 } },
    uncacheable: { average: { limit: 100, intervalSeconds: 60 }, burst: { limit: 25, intervalSeconds: 10 } },
    writes: { average: { limit: 100, intervalSeconds: 60 }, burst: { limit: 25, intervalSeconds: 10 } },
  },
  live: {
    auth: { average: { limit: 30, intervalSeconds: 60 } },
    uncacheable: { average: { limit: 200, intervalSeconds: 60 }, burst: { limit: 50, intervalSeconds: 10 } },
    writes: { average: { limit: 200, intervalSeconds: 60 }, burst: { limit: 50, intervalSeconds: 10 } },
  },
};

export interface LimitVerdict {
  /** Undefined when admitted; the 429 otherwise. */
  error?: JsonApiError;
  /** `X-Ratelimit-*` headers for the response, whatever its status. */
  headers: Record<string, string>;
}

export class CommerceLayerLimiter {
  readonly #limits: CommerceLayerRateLimits;
  readonly #windows: SlidingWindowLimiter;

  constructor(limits: CommerceLayerRateLimits, clock: Clock) {
    this.#limits = limits;
    this.#windows = new SlidingWindowLimiter(clock);
  }

  /** Counts one request to `endpoint` (method + route template) from `ip`, or refuses it. */
  take(limitClass: LimitClass, endpoint: string, ip: string): LimitVerdict {
    const { average, burst } = this.#limits[limitClass];
    const rules = [{ key: `${ip} ${limitClass}`, limit: average.limit, windowMs: average.intervalSeconds * 1000 }];
    if (burst) rules.push({ key: `${ip} ${endpoint}`, limit: burst.limit, windowMs: burst.intervalSeconds * 1000 });
    const { admitted, windows } = this.#windows.take(rules);
    // Headers report the average window, as the recorded live response does (Limit 100, Interval 60); a refusal
    // reports the window that refused, so a client sleeping for X-Ratelimit-Interval waits long enough.
    const shown = admitted ? windows[0]! : windows.find((w) => w.remaining === 0)!;
    return { headers: headersFor(shown), error: admitted ? undefined : fail.tooManyRequests(shown.limit, shown.windowMs / 1000) };
  }
}

function headersFor(window: WindowStatus): Record<string, string> {
  return {
    'X-Ratelimit-Limit': String(window.limit),
    'X-Ratelimit-Interval': String(window.windowMs / 1000),
    'X-Ratelimit-Remaining': String(window.remaining),
  };
}
