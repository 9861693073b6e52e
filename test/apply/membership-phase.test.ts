import { describe, expect, it } from 'vitest';
import { timeLeft } from '../../src/apply/membership-phase.js';
import type { RateRule } from '../../src/model.js';
import { FakeProvider } from './fake-provider.js';

const provider = (rateLimits: RateRule[], batchCalls = 1) =>
  new FakeProvider('cl', { cost: { groupCalls: { create: 1, update: 1, delete: 1 }, batchCalls, rateLimits } });
const perMinute: RateRule[] = [{ counts: 'write', perEndpoint: false, limit: 1, windowMs: 60_000 }];

describe('timeLeft of a membership phase', () => {
  it('is never less than the documented rate limits need for the batches left', () => {
    // 4 batches left at 1 call a minute, the first at once: 3 min, though the first batch took no time.
    expect(timeLeft({ provider: provider(perMinute) }, 1, 5, 0)).toBe(', about 3 min left');
    // Two calls a batch (a read before the write): 8 calls, 7 min.
    expect(timeLeft({ provider: provider(perMinute, 2) }, 1, 5, 0)).toBe(', about 7 min left');
  });

  it('is the pace so far when that is slower, and nothing before the first batch or after the last', () => {
    expect(timeLeft({ provider: provider([]) }, 2, 6, 10_000)).toBe(', about 20 s left');
    expect(timeLeft({ provider: provider(perMinute) }, 0, 5, 0)).toBe('');
    expect(timeLeft({ provider: provider(perMinute) }, 5, 5, 60_000)).toBe('');
  });

  it('only reads rules that count writes: a read limit does not slow membership writes', () => {
    const reads: RateRule[] = [{ counts: 'read', perEndpoint: false, limit: 1, windowMs: 60_000 }];
    expect(timeLeft({ provider: provider(reads) }, 1, 5, 0)).toBe('');
  });
});
