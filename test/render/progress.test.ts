import { describe, expect, it } from 'vitest';
import { describeProgress } from '../../src/render/progress.js';

describe('describeProgress', () => {
  it('says calls done and to go, and the time left at the pace so far', () => {
    // 120 calls in 60 s: half a second each, so 80 more take 40 s.
    expect(describeProgress('cl', { done: 120, pending: 80, leastMs: 0 }, 60_000, 0)).toBe('cl: 120 calls done, 80 to go, about 40 s left');
  });

  it('never estimates less than the rate limits need: a first burst is fast, the rest waits for windows', () => {
    expect(describeProgress('cl', { done: 25, pending: 50, leastMs: 20_000 }, 1000, 0)).toBe('cl: 25 calls done, 50 to go, about 20 s left');
  });

  it('never estimates less than a wait in progress, and names it', () => {
    const waiting = { until: 50_000, why: 'rate limit, writes: 25 per 10 s on PATCH /api/customers/:id' };
    expect(describeProgress('cl', { done: 25, pending: 5, waiting, leastMs: 0 }, 1000, 42_000)).toBe(
      'cl: 25 calls done, 5 to go, about 8 s left; waiting 8 s (rate limit, writes: 25 per 10 s on PATCH /api/customers/:id)',
    );
  });

  it('gives no estimate before the first answer, and none once nothing is left', () => {
    expect(describeProgress('bc', { done: 0, pending: 1, leastMs: 0 }, 0, 0)).toBe('bc: 0 calls done, 1 to go');
    expect(describeProgress('bc', { done: 1, pending: 0, leastMs: 0 }, 5000, 0)).toBe('bc: 1 call done');
  });

  it('drops a wait that is over', () => {
    expect(describeProgress('xk', { done: 3, pending: 1, waiting: { until: 10, why: 'HTTP 503, retry 1' }, leastMs: 0 }, 3000, 20)).toBe(
      'xk: 3 calls done, 1 to go, about 1 s left',
    );
  });
});
