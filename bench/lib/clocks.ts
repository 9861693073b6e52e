// Clocks for the HTTP clients and emulators of a case, through the adapters' and emulators' `clock`/`now`
// options. The adapters pace themselves to each platform's documented limits (Commerce Layer 100 calls a
// minute, Xtrakit 60) and offer no switch to turn that off, so on the system clock 1,000 writes take 10 to
// 30 minutes of mostly sleeping.
import type { Clock } from '../../src/http/index.js';

/** Jitter is fixed so that runs repeat. */
const RANDOM = 0.5;

export interface MeasuredClock extends Clock {
  /** Time this clock has moved since it was made, in its own milliseconds. */
  elapsed(): number;
}

/**
 * A clock whose time moves only by sleeping: a sleep ends at once (on the next macrotask, earliest wake-up
 * first), with the clock moved to its wake-up time. Real work takes no time on it, so `elapsed()` is the time
 * the client spent waiting for its rate limits: how long the run would be on the platform, less the latency.
 */
export function virtualClock(start = Date.now()): MeasuredClock {
  let now = start;
  const timers: { at: number; wake: () => void }[] = [];
  let scheduled = false;
  const tick = (): void => {
    scheduled = false;
    timers.sort((a, b) => a.at - b.at);
    const first = timers[0];
    if (!first) return;
    now = Math.max(now, first.at);
    // Everyone due now wakes; what they do next (start a call, sleep again) runs before later sleepers wake.
    while (timers[0] && timers[0].at <= now) timers.shift()!.wake();
    schedule();
  };
  const schedule = (): void => {
    if (scheduled || !timers.length) return;
    scheduled = true;
    setImmediate(tick);
  };
  return {
    now: () => now,
    random: () => RANDOM,
    sleep: (ms) =>
      new Promise<void>((wake) => {
        timers.push({ at: now + ms, wake });
        schedule();
      }),
    elapsed: () => now - start,
  };
}

/**
 * Real time sped up `factor` times: a 10 s rate window passes in 10 s / factor. Shared by a client and an
 * emulator, it is the same as shrinking every window on both sides by `factor`, latency included.
 */
export function scaledClock(factor: number, start = Date.now()): MeasuredClock {
  const now = (): number => start + (Date.now() - start) * factor;
  return {
    now,
    random: () => RANDOM,
    sleep: (ms) => new Promise<void>((wake) => setTimeout(wake, ms / factor)),
    elapsed: () => now() - start,
  };
}
