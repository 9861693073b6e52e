import { describe, expect, it } from 'vitest';
import { describeCost, duration } from '../../src/render/cost.js';

describe('cost in words', () => {
  it('gives durations in whole units', () => {
    expect([0.2, 45, 60, 390, 3600, 7500].map(duration)).toEqual(['1 s', '45 s', '1 min', '6 min 30 s', '1 h', '2 h 5 min']);
  });

  it('says when there is no wait, or no documented limit', () => {
    expect(describeCost({ provider: 'cl', calls: 1, seconds: 0 })).toBe('1 API call, no wait at the documented rate limit');
    expect(describeCost({ provider: 'xk', calls: 7, seconds: null })).toBe('7 API calls, time unknown (no documented rate limit)');
    expect(describeCost({ provider: 'cl', calls: 9, reads: 1, writes: 8, seconds: 30 })).toBe(
      '9 API calls (1 read, 8 writes), at least 30 s at the documented rate limit',
    );
  });
});
