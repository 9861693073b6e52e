// Sliding-window rate limiting: a window admits at most `limit` requests in any span of `windowMs`.
// Nothing is ever "reset"; each admitted request simply ages out of the window `windowMs` after it came.
import type { Clock } from './types.js';

export interface WindowRule {
  /** Identity of the counter (the platform decides: per IP, per class, per endpoint…). */
  key: string;
  limit: number;
  windowMs: number;
}

export interface WindowStatus extends WindowRule {
  /** Requests still admissible now (after counting this one, when admitted). */
  remaining: number;
  /** Milliseconds until the oldest counted request leaves the window (0 when the window is empty). */
  resetMs: number;
}

export interface TakeResult {
  admitted: boolean;
  /** One status per rule, in the order given. */
  windows: WindowStatus[];
}

export class SlidingWindowLimiter {
  readonly #clock: Clock;
  /** Admission times per key, oldest first. */
  readonly #hits = new Map<string, number[]>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /**
   * Admits a request only if every rule has room. An admitted request counts in all of its windows; a refused
   * one counts in none, so a client that backs off recovers as soon as old requests age out.
   */
  take(rules: readonly WindowRule[]): TakeResult {
    const now = this.#clock();
    const lists = rules.map((rule) => this.#prune(rule, now));
    const admitted = rules.every((rule, i) => lists[i]!.length < rule.limit);
    if (admitted) for (const list of lists) list.push(now);
    const windows = rules.map((rule, i) => {
      const list = lists[i]!;
      const oldest = list[0];
      return {
        ...rule,
        remaining: Math.max(0, rule.limit - list.length),
        resetMs: oldest === undefined ? 0 : Math.max(0, oldest + rule.windowMs - now),
      };
    });
    return { admitted, windows };
  }

  #prune(rule: WindowRule, now: number): number[] {
    let list = this.#hits.get(rule.key);
    if (!list) {
      list = [];
      this.#hits.set(rule.key, list);
    }
    let drop = 0;
    while (drop < list.length && list[drop]! <= now - rule.windowMs) drop++;
    if (drop) list.splice(0, drop);
    return list;
  }
}
