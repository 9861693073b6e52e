import { describe, expect, it } from 'vitest';
import { StoreQuota } from '../../../src/emulators/bigcommerce/quota.js';

describe('StoreQuota', () => {
  it('counts down within a window, refuses past the quota, and refreshes when the window ends', () => {
    let now = 1_000;
    const quota = new StoreQuota(2, 30_000, () => now);
    const first = quota.take();
    expect(first).toEqual({
      allowed: true,
      headers: {
        'X-Rate-Limit-Time-Window-Ms': '30000',
        'X-Rate-Limit-Time-Reset-Ms': '30000',
        'X-Rate-Limit-Requests-Quota': '2',
        'X-Rate-Limit-Requests-Left': '1',
      },
    });
    now += 10_000;
    expect(quota.take().headers['X-Rate-Limit-Requests-Left']).toBe('0');
    const refused = quota.take();
    expect(refused.allowed).toBe(false);
    expect(refused.headers['X-Rate-Limit-Time-Reset-Ms']).toBe('20000');
    expect(refused.headers['X-Retry-After']).toBe('20');
    now += 20_000;
    const renewed = quota.take();
    expect(renewed.allowed).toBe(true);
    expect(renewed.headers['X-Rate-Limit-Requests-Left']).toBe('1');
  });
});
