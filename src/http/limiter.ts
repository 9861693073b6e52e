// The client-side limiter, one per client instance: at most `concurrency` calls in flight, and at most
// `limit` calls in any sliding `windowMs` (Commerce Layer counts over sliding windows; for BigCommerce's
// fixed 30 s quota a sliding window of the same size is slightly stricter, never looser). A call counts from
// the moment it starts until a window's length after its answer came: the platform counts it on arrival,
// somewhere in between, so counting it by its start alone let the 26th call of a 25-per-10-s burst window
// reach the platform while the first still counted there (429s at every window edge). The platform's own
// headers then tighten it: its window sizes replace ours, and as the budget it reports runs low the limiter
// spaces calls out, so that 429s stay rare instead of being the steering signal.
import type { Clock } from './clock.js';
import type { RateObservation } from './rate-headers.js';
import type { RateWindow } from '../model.js';

export type { RateWindow } from '../model.js';

export interface LimiterOptions {
  concurrency: number;
  windows: readonly RateWindow[];
  clock: Clock;
  /** Called before the limiter sleeps to keep within a rate (not while queueing for a concurrency slot). */
  onWait?: (ms: number) => void;
}

/** Below this share of a window's budget, calls are spaced out. */
const LOW_SHARE = 0.2;
/** The same threshold, in calls, when the platform does not tell the budget's size. */
const LOW_CALLS = 5;

export class Limiter {
  readonly #concurrency: number;
  readonly #clock: Clock;
  readonly #onWait?: (ms: number) => void;
  /** windowMs → limit. */
  readonly #windows = new Map<number, number>();
  /** Recent calls: when each was answered (Infinity while in flight). */
  #calls: Ticket[] = [];
  #active = 0;
  readonly #queue: (() => void)[] = [];
  #spacingMs = 0;
  #lastStart = -Infinity;
  #holdUntil = 0;
  /** Callers waiting for a call in flight to be answered, because only then can it leave a window. */
  #answered: (() => void)[] = [];

  constructor(options: LimiterOptions) {
    this.#concurrency = Math.max(1, options.concurrency);
    this.#clock = options.clock;
    this.#onWait = options.onWait;
    for (const window of options.windows) this.#windows.set(window.windowMs, window.limit);
  }

  /** Waits for a free slot and for room in every window, then counts the call; settle it with `release`. */
  async acquire(): Promise<Ticket> {
    if (this.#active < this.#concurrency) this.#active++;
    else await new Promise<void>((resolve) => this.#queue.push(resolve)); // the releaser hands its slot over
    for (;;) {
      const wait = this.#delay(this.#clock.now());
      if (wait <= 0) break;
      if (wait === Infinity) {
        await new Promise<void>((resolve) => this.#answered.push(resolve));
        continue;
      }
      this.#onWait?.(wait);
      await this.#clock.sleep(wait);
    }
    this.#lastStart = this.#clock.now();
    const ticket: Ticket = { answeredAt: Infinity };
    this.#calls.push(ticket);
    return ticket;
  }

  /** Frees the slot taken by `acquire` once the call has its answer (or failed). */
  release(ticket: Ticket): void {
    ticket.answeredAt = this.#clock.now();
    for (const wake of this.#answered.splice(0)) wake();
    const next = this.#queue.shift();
    if (next) next();
    else this.#active--;
  }

  /** Starts no call before `until` (ms since the epoch): after a 429 that said how long to wait. */
  hold(until: number): void {
    this.#holdUntil = Math.max(this.#holdUntil, until);
  }

  /** Adapts to what the platform reports about its budget. */
  observe(rate: RateObservation): void {
    if (rate.limit && rate.windowMs) this.#windows.set(rate.windowMs, rate.limit);
    if (rate.remaining === undefined) return;
    const limit = rate.limit ?? (rate.windowMs ? this.#windows.get(rate.windowMs) : undefined);
    const low = Math.max(this.#concurrency, limit ? Math.ceil(limit * LOW_SHARE) : LOW_CALLS);
    if (rate.remaining >= low) {
      this.#spacingMs = 0;
    } else if (rate.resetMs !== undefined) {
      // A fixed window (BigCommerce): spread what is left over the time until it refills; nothing left: wait it out.
      if (rate.remaining <= 0) this.hold(this.#clock.now() + rate.resetMs);
      this.#spacingMs = rate.resetMs / Math.max(1, rate.remaining);
    } else if (limit && rate.windowMs) {
      // A sliding window (Commerce Layer): no more than the sustainable average rate until the budget recovers.
      this.#spacingMs = rate.windowMs / limit;
    }
  }

  /** How long a call starting at `now` must still wait; Infinity: until a call in flight is answered. */
  #delay(now: number): number {
    const longest = Math.max(0, ...this.#windows.keys());
    this.#calls = this.#calls.filter((call) => call.answeredAt > now - longest);
    let until = Math.max(this.#holdUntil, this.#lastStart + this.#spacingMs);
    for (const [windowMs, limit] of this.#windows) {
      const inWindow = this.#calls.map((call) => call.answeredAt).filter((t) => t > now - windowMs).sort((a, b) => a - b);
      // The earliest-answered call that must leave the window before one more fits.
      if (inWindow.length >= limit) until = Math.max(until, inWindow[inWindow.length - limit]! + windowMs);
    }
    return until - now;
  }
}

/** One call counted by the limiter. */
export interface Ticket {
  answeredAt: number;
}
