// The client-side limiter, one per client instance: at most `concurrency` calls in flight, and every rate rule
// of the platform kept, each over its own calls: a rule counts reads, writes or every call, over the class as
// a whole or per endpoint (Commerce Layer: an average per class and a burst per endpoint, reads and writes
// apart). Windows slide (Commerce Layer counts over sliding windows; for BigCommerce's fixed 30 s quota a
// sliding window of the same size is slightly stricter, never looser). A call counts from the moment it starts
// until a window's length after its answer came: the platform counts it on arrival, somewhere in between, so
// counting it by its start alone let the 26th call of a 25-per-10-s burst window reach the platform while the
// first still counted there (429s at every window edge). The platform's own headers then tighten it: the
// budget they report replaces the rule's, and as it runs low the limiter spaces that rule's calls out, so that
// 429s stay rare instead of being the steering signal.
import type { CallClass, RateRule } from '../model.js';
import type { Clock } from './clock.js';
import type { RateObservation } from './rate-headers.js';

/** What the limiter needs to know of a call: which rules count it. */
export interface Call {
  class: CallClass;
  /** Method and route (`PATCH /api/customers/:id`): calls to one endpoint share its per-endpoint budgets. */
  endpoint: string;
}

export interface LimiterOptions {
  concurrency: number;
  rules: readonly RateRule[];
  clock: Clock;
  /** Called before the limiter sleeps to keep within a rate (not while queueing for a concurrency slot). */
  onWait?: (ms: number, why: string) => void;
}

/** Below this share of a budget, calls are spaced out. */
const LOW_SHARE = 0.2;
/** The same threshold, in calls, when the platform does not tell the budget's size. */
const LOW_CALLS = 5;

/** Spacing after a report of a low budget: no call it counts starts sooner than `ms` after the last one. */
interface Spacing {
  counts: CallClass | 'all';
  ms: number;
}

export class Limiter {
  readonly #concurrency: number;
  readonly #clock: Clock;
  readonly #onWait?: (ms: number, why: string) => void;
  #rules: RateRule[] = [];
  /** Recent calls: those in flight, and when each answered one was answered. */
  readonly #calls = new CallLog();
  #active = 0;
  readonly #queue: (() => void)[] = [];
  /** Per budget the platform reported low (by rule index, or 'observed' when no rule matched). */
  readonly #spacing = new Map<number | 'observed', Spacing>();
  /** When the last call of each class started. */
  readonly #lastStart: Record<CallClass, number> = { read: -Infinity, write: -Infinity };
  #holdUntil = 0;
  /** Callers waiting for a call in flight to be answered, because only then can it leave a window. */
  #answered: (() => void)[] = [];

  constructor(options: LimiterOptions) {
    this.#concurrency = Math.max(1, options.concurrency);
    this.#clock = options.clock;
    this.#onWait = options.onWait;
    this.setRules(options.rules);
  }

  /** Replaces the rules (a Commerce Layer token said which environment it is for); calls made so far still count. */
  setRules(rules: readonly RateRule[]): void {
    this.#rules = rules.map((rule) => ({ ...rule }));
    this.#spacing.clear();
  }

  /** The rules as they stand, learnt budgets included. */
  rules(): readonly RateRule[] {
    return this.#rules.map((rule) => ({ ...rule }));
  }

  /** Waits for a free slot and for room under every rule that counts `call`, then counts it; settle it with `release`. */
  async acquire(call: Call): Promise<Ticket> {
    if (this.#active < this.#concurrency) this.#active++;
    else await new Promise<void>((resolve) => this.#queue.push(resolve)); // the releaser hands its slot over
    for (;;) {
      const { wait, why } = this.#delay(call, this.#clock.now());
      if (wait <= 0) break;
      if (wait === Infinity) {
        await new Promise<void>((resolve) => this.#answered.push(resolve));
        continue;
      }
      this.#onWait?.(wait, why);
      await this.#clock.sleep(wait);
    }
    this.#lastStart[call.class] = this.#clock.now();
    return this.#calls.start(call);
  }

  /** Frees the slot taken by `acquire` once the call has its answer (or failed). */
  release(ticket: Ticket): void {
    this.#calls.answer(ticket, this.#clock.now());
    for (const wake of this.#answered.splice(0)) wake();
    const next = this.#queue.shift();
    if (next) next();
    else this.#active--;
  }

  /** Starts no call before `until` (ms since the epoch): after a 429 that said how long to wait. */
  hold(until: number): void {
    this.#holdUntil = Math.max(this.#holdUntil, until);
  }

  /** Adapts to what the platform reported about the budget that counted `call`. */
  observe(rate: RateObservation, call: Call): void {
    const index = this.#reported(rate, call);
    const rule = index === undefined ? undefined : this.#rules[index]!;
    // A limit without its window (Laravel's X-RateLimit-Limit, Xtrakit) could be per any window: not learnt.
    if (rule && rate.limit && rate.windowMs) Object.assign(rule, { limit: rate.limit, windowMs: rate.windowMs });
    if (rate.remaining === undefined) return;
    const limit = rate.limit ?? rule?.limit;
    const windowMs = rate.windowMs;
    const low = Math.max(this.#concurrency, limit ? Math.ceil(limit * LOW_SHARE) : LOW_CALLS);
    const key = index ?? 'observed';
    let ms = 0;
    if (rate.remaining < low && rate.resetMs !== undefined) {
      // A fixed window (BigCommerce): spread what is left over the time until it refills; nothing left: wait it out.
      if (rate.remaining <= 0) this.hold(this.#clock.now() + rate.resetMs);
      ms = rate.resetMs / Math.max(1, rate.remaining);
    } else if (rate.remaining < low && limit && windowMs && !(rule && rate.remaining >= this.#ownRemaining(rule, call))) {
      // A sliding window (Commerce Layer) that other clients spend too (our own calls alone would leave more):
      // no more than the sustainable average rate until the budget recovers. Spent by us alone, the rule's
      // window already paces us, and spacing on top would only slow the run.
      ms = windowMs / limit;
    }
    if (ms > 0) this.#spacing.set(key, { counts: rule?.counts ?? 'all', ms });
    else this.#spacing.delete(key);
  }

  /**
   * The rule a report describes: one that counts the call with the reported window (the class's average, or a
   * burst when a refusal names it), else the longest class-wide one (a store whose quota has another window).
   */
  #reported(rate: RateObservation, call: Call): number | undefined {
    const candidates = [...this.#rules.keys()].filter((i) => counts(this.#rules[i]!.counts, call));
    const byWindow = (i: number) => this.#rules[i]!.windowMs === rate.windowMs;
    const same = candidates.find((i) => byWindow(i) && !this.#rules[i]!.perEndpoint) ?? candidates.find(byWindow);
    if (same !== undefined) return same;
    return candidates.filter((i) => !this.#rules[i]!.perEndpoint).sort((a, b) => this.#rules[b]!.windowMs - this.#rules[a]!.windowMs)[0];
  }

  /**
   * About the least time `n` more calls of a class need under the rules, from now: those the windows still
   * have room for start at once, every further rule's limit a window later (per-endpoint rules counted as if the
   * calls shared one endpoint). For a time-left estimate, not for pacing.
   */
  leastMs(n: number, callClass: CallClass): number {
    const now = this.#clock.now();
    let ms = Math.max(0, this.#holdUntil - now);
    for (const rule of this.#rules) {
      if (!counts(rule.counts, { class: callClass, endpoint: '' })) continue;
      const used = this.#calls.inWindow({ ...rule, perEndpoint: false }, '', now).count;
      const beyond = n - Math.max(0, rule.limit - used);
      if (beyond > 0) ms = Math.max(ms, Math.ceil(beyond / rule.limit) * rule.windowMs);
    }
    return ms;
  }

  /** What would be left of `rule`'s budget if only our calls spent it (ours count longer than the platform's). */
  #ownRemaining(rule: RateRule, call: Call): number {
    return rule.limit - this.#calls.inWindow(rule, call.endpoint, this.#clock.now()).count;
  }

  /** How long `call` starting at `now` must still wait, and why; Infinity: until a call in flight is answered. */
  #delay(call: Call, now: number): { wait: number; why: string } {
    this.#calls.forget(now - Math.max(0, ...this.#rules.map((rule) => rule.windowMs)));
    let until = this.#holdUntil;
    let why = 'the platform asked to wait';
    for (const spacing of this.#spacing.values()) {
      if (!counts(spacing.counts, call)) continue;
      const last = spacing.counts === 'all' ? Math.max(this.#lastStart.read, this.#lastStart.write) : this.#lastStart[spacing.counts];
      if (last + spacing.ms > until) {
        until = last + spacing.ms;
        why = 'the platform reports its budget low';
      }
    }
    for (const rule of this.#rules) {
      if (!counts(rule.counts, call)) continue;
      const { count, nth } = this.#calls.inWindow(rule, call.endpoint, now);
      // The earliest-answered call that must leave the window before one more fits (Infinity: one in flight).
      if (count >= rule.limit && nth(rule.limit) + rule.windowMs > until) {
        until = nth(rule.limit) + rule.windowMs;
        why = describeRule(rule, call.endpoint);
      }
    }
    return { wait: until - now, why };
  }
}

function counts(rule: CallClass | 'all', call: Call): boolean {
  return rule === 'all' || rule === call.class;
}

/** `writes: 25 per 10 s on PATCH /api/customers/:id`, for progress lines. */
function describeRule(rule: RateRule, endpoint?: string): string {
  const what = rule.counts === 'all' ? 'calls' : `${rule.counts}s`;
  const per = rule.windowMs % 1000 === 0 ? `${rule.windowMs / 1000} s` : `${rule.windowMs} ms`;
  return `${what}: ${rule.limit} per ${per}${rule.perEndpoint && endpoint ? ` on ${endpoint}` : ''}`;
}

/** One call counted by the limiter. */
export interface Ticket extends Call {
  answeredAt: number;
}

/** Answer times of calls, oldest first; forgotten from the front once no window counts them. */
class Times {
  #times: number[] = [];
  #head = 0;

  push(time: number): void {
    this.#times.push(time);
  }

  forget(before: number): void {
    while (this.#head < this.#times.length && this.#times[this.#head]! <= before) this.#head++;
    // Compacted once the forgotten part is the larger one: amortised O(1) a call.
    if (this.#head > 1024 && this.#head * 2 > this.#times.length) {
      this.#times = this.#times.slice(this.#head);
      this.#head = 0;
    }
  }

  /** How many are later than `since`. */
  countAfter(since: number): number {
    let low = this.#head;
    let high = this.#times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#times[mid]! <= since) low = mid + 1;
      else high = mid;
    }
    return this.#times.length - low;
  }

  /** The `n`-th latest (1: the latest). */
  latest(n: number): number {
    return this.#times[this.#times.length - n]!;
  }
}

/**
 * The calls the rules count, kept so that what every call asks (how many calls a rule counts are in its
 * window, and when the one that must leave first was answered) costs O(log n), not a pass over every recent
 * call: a store with a large quota keeps thousands in a 30 s window. Answer times are listed overall, per
 * class and per endpoint (an endpoint names its method, so its calls are of one class), each in answer order:
 * the clock is made monotonic here so that every list stays sorted.
 */
class CallLog {
  readonly #answered = { all: new Times(), read: new Times(), write: new Times() };
  readonly #byEndpoint = new Map<string, Times>();
  readonly #flying = { all: 0, read: 0, write: 0 };
  readonly #flyingTo = new Map<string, number>();
  #last = -Infinity;

  start(call: Call): Ticket {
    this.#flying.all++;
    this.#flying[call.class]++;
    this.#flyingTo.set(call.endpoint, (this.#flyingTo.get(call.endpoint) ?? 0) + 1);
    return { ...call, answeredAt: Infinity };
  }

  answer(ticket: Ticket, now: number): void {
    if (ticket.answeredAt !== Infinity) return;
    this.#last = Math.max(this.#last, now);
    ticket.answeredAt = this.#last;
    this.#flying.all--;
    this.#flying[ticket.class]--;
    this.#flyingTo.set(ticket.endpoint, this.#flyingTo.get(ticket.endpoint)! - 1);
    this.#answered.all.push(this.#last);
    this.#answered[ticket.class].push(this.#last);
    let times = this.#byEndpoint.get(ticket.endpoint);
    if (!times) this.#byEndpoint.set(ticket.endpoint, (times = new Times()));
    times.push(this.#last);
  }

  /** Drops what was answered at or before `before`: no window reaches back that far. */
  forget(before: number): void {
    for (const times of Object.values(this.#answered)) times.forget(before);
    for (const [endpoint, times] of this.#byEndpoint) {
      times.forget(before);
      if (times.countAfter(-Infinity) === 0 && !this.#flyingTo.get(endpoint)) {
        this.#byEndpoint.delete(endpoint);
        this.#flyingTo.delete(endpoint);
      }
    }
  }

  /**
   * The calls `rule` counts with a call to `endpoint` (one of the classes it counts) in the window that ends
   * `now`: how many, and the `n`-th latest answer among them (Infinity while that many are in flight).
   */
  inWindow(rule: RateRule, endpoint: string, now: number): { count: number; nth(n: number): number } {
    const times = rule.perEndpoint ? (this.#byEndpoint.get(endpoint) ?? new Times()) : this.#answered[rule.counts];
    const flying = rule.perEndpoint ? (this.#flyingTo.get(endpoint) ?? 0) : this.#flying[rule.counts];
    return {
      count: flying + times.countAfter(now - rule.windowMs),
      nth: (n) => (n <= flying ? Infinity : times.latest(n - flying)),
    };
  }
}
