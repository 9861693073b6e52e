import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../../src/emulators/common/rate-limit.js';

function limiterAt(start = 0) {
  let now = start;
  return { limiter: new SlidingWindowLimiter(() => now), advance: (ms: number) => void (now += ms) };
}

describe('SlidingWindowLimiter', () => {
  it('admits up to the limit, then refuses until the oldest request ages out', () => {
    const { limiter, advance } = limiterAt();
    const rule = [{ key: 'k', limit: 2, windowMs: 1000 }];
    expect(limiter.take(rule).windows[0]).toMatchObject({ remaining: 1, resetMs: 1000 });
    advance(400);
    expect(limiter.take(rule)).toMatchObject({ admitted: true, windows: [{ remaining: 0, resetMs: 600 }] });
    expect(limiter.take(rule)).toMatchObject({ admitted: false, windows: [{ remaining: 0 }] });
    advance(600);
    // The first request left the window; the second (at 400) is still in it.
    expect(limiter.take(rule)).toMatchObject({ admitted: true, windows: [{ remaining: 0, resetMs: 400 }] });
    expect(limiter.take(rule).admitted).toBe(false);
  });

  it('counts an admitted request in every window and a refused one in none', () => {
    const { limiter } = limiterAt();
    const wide = { key: 'class', limit: 3, windowMs: 60_000 };
    const narrowA = { key: 'endpoint-a', limit: 1, windowMs: 10_000 };
    const narrowB = { key: 'endpoint-b', limit: 5, windowMs: 10_000 };
    expect(limiter.take([wide, narrowA]).admitted).toBe(true);
    expect(limiter.take([wide, narrowA]).admitted).toBe(false);
    // The refusal did not spend the class budget: two more fit.
    expect(limiter.take([wide, narrowB]).admitted).toBe(true);
    const last = limiter.take([wide, narrowB]);
    expect(last.admitted).toBe(true);
    expect(last.windows.map((w) => w.remaining)).toEqual([0, 3]);
    expect(limiter.take([wide, narrowB]).admitted).toBe(false);
  });

  it('keeps keys apart', () => {
    const { limiter } = limiterAt();
    expect(limiter.take([{ key: 'a', limit: 1, windowMs: 1000 }]).admitted).toBe(true);
    expect(limiter.take([{ key: 'b', limit: 1, windowMs: 1000 }]).admitted).toBe(true);
    expect(limiter.take([{ key: 'a', limit: 1, windowMs: 1000 }]).admitted).toBe(false);
  });
});
