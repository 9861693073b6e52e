// The store's API quota: a number of requests per window (150 per 30 s on Standard and Plus plans), shared by
// every app of the store. The window refreshes as a whole ("the quota refreshes every 30 s"), so it is a fixed
// window starting with the first request after the last refresh, and `Time-Reset-Ms` is the time left in it.

export interface QuotaDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export class StoreQuota {
  readonly #quota: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  #windowEnd = 0;
  #used = 0;

  constructor(quota: number, windowMs: number, now: () => number = Date.now) {
    this.#quota = quota;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** Counts one request if the quota allows it; refused requests do not count. */
  take(): QuotaDecision {
    const now = this.#now();
    if (now >= this.#windowEnd) {
      this.#windowEnd = now + this.#windowMs;
      this.#used = 0;
    }
    const allowed = this.#used < this.#quota;
    if (allowed) this.#used++;
    const resetMs = this.#windowEnd - now;
    const headers: Record<string, string> = {
      'X-Rate-Limit-Time-Window-Ms': String(this.#windowMs),
      'X-Rate-Limit-Time-Reset-Ms': String(resetMs),
      'X-Rate-Limit-Requests-Quota': String(this.#quota),
      'X-Rate-Limit-Requests-Left': String(this.#quota - this.#used),
    };
    // X-Retry-After is in seconds, on rate-limited responses only.
    if (!allowed) headers['X-Retry-After'] = String(Math.max(1, Math.ceil(resetMs / 1000)));
    return { allowed, headers };
  }
}
