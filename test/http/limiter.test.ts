import { describe, expect, it } from 'vitest';
import { Limiter } from '../../src/http/limiter.js';
import { fakeClock } from './helpers.js';

/** Runs `n` calls through the limiter, each holding its slot for `holdMs` of virtual time; returns start times. */
async function run(limiter: Limiter, clock: ReturnType<typeof fakeClock>, n: number, holdMs = 0): Promise<number[]> {
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: n }, async () => {
      const ticket = await limiter.acquire();
      starts.push(clock.now());
      if (holdMs) await clock.sleep(holdMs);
      limiter.release(ticket);
    }),
  );
  return starts;
}

describe('Limiter', () => {
  it('keeps at most `concurrency` calls in flight', async () => {
    const clock = fakeClock();
    const limiter = new Limiter({ concurrency: 2, windows: [], clock });
    let inFlight = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 7 }, async () => {
        const ticket = await limiter.acquire();
        most = Math.max(most, ++inFlight);
        await clock.sleep(10);
        inFlight--;
        limiter.release(ticket);
      }),
    );
    expect(most).toBe(2);
  });

  it('respects every sliding window at once', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 50, windows: [{ limit: 3, windowMs: 100 }, { limit: 5, windowMs: 1000 }], clock });
    const starts = await run(limiter, clock, 12);
    for (const t of starts) {
      expect(starts.filter((s) => s >= t && s < t + 100).length).toBeLessThanOrEqual(3);
      expect(starts.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(5);
    }
    expect(starts).toEqual([0, 0, 0, 100, 100, 1000, 1000, 1000, 1100, 1100, 2000, 2000]);
  });

  it('reports the waits it makes for a rate, not for a slot', async () => {
    const clock = fakeClock(0);
    const waits: number[] = [];
    const limiter = new Limiter({ concurrency: 1, windows: [{ limit: 2, windowMs: 1000 }], clock, onWait: (ms) => waits.push(ms) });
    await run(limiter, clock, 3, 10);
    // Calls are counted until a window after their answer: the first was answered at 10, the third starts at 1010.
    expect(waits).toEqual([990]);
  });

  it('holds every call until a given time', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 5, windows: [], clock });
    limiter.hold(5000);
    expect(await run(limiter, clock, 2)).toEqual([5000, 5000]);
  });

  it('takes window sizes from the platform (Commerce Layer X-Ratelimit-Limit / -Interval)', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 10, windows: [{ limit: 100, windowMs: 60_000 }], clock });
    limiter.observe({ limit: 2, windowMs: 60_000 });
    expect(await run(limiter, clock, 3)).toEqual([0, 0, 60_000]);
  });

  it('spaces calls at the sustainable rate when a sliding budget runs low (Commerce Layer)', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 1, windows: [], clock });
    limiter.observe({ limit: 100, windowMs: 60_000, remaining: 50 });
    expect(await run(limiter, clock, 2)).toEqual([0, 0]);
    limiter.observe({ limit: 100, windowMs: 60_000, remaining: 10 });
    expect(await run(limiter, clock, 2)).toEqual([600, 1200]);
  });

  it('keeps spacing calls when the platform names no window', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 1, windows: [], clock });
    limiter.observe({ remaining: 1, resetMs: 3000 });
    expect(await run(limiter, clock, 3)).toEqual([0, 3000, 6000]);
  });

  it('slows down as BigCommerce Requests-Left falls, and waits for the reset when none are left', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 1, windows: [], clock });
    limiter.observe({ limit: 150, windowMs: 30_000, remaining: 20, resetMs: 10_000 });
    expect(await run(limiter, clock, 2)).toEqual([0, 500]);
    limiter.observe({ limit: 150, windowMs: 30_000, remaining: 0, resetMs: 8_000 });
    expect((await run(limiter, clock, 1))[0]).toBe(8500);
  });

  it('counts a call until a window after its answer, not its start (the platform counts it on arrival)', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 5, windows: [{ limit: 2, windowMs: 1000 }], clock });
    // Each call takes 300 ms: the third may start only 1000 ms after the first was answered.
    expect(await run(limiter, clock, 3, 300)).toEqual([0, 0, 1300]);
  });

  it('waits for an answer when calls in flight alone fill a window', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 5, windows: [{ limit: 2, windowMs: 100 }], clock });
    expect(await run(limiter, clock, 3, 500)).toEqual([0, 0, 600]);
  });
});
