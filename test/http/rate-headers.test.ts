import { describe, expect, it } from 'vitest';
import { rateObservation, requestedWaitMs } from '../../src/http/rate-headers.js';

const now = Date.parse('2025-01-01T00:00:00Z');

describe('rateObservation', () => {
  it('reads Commerce Layer headers, interval in seconds', () => {
    const headers = new Headers({ 'X-Ratelimit-Limit': '100', 'X-Ratelimit-Interval': '60', 'X-Ratelimit-Remaining': '95' });
    expect(rateObservation(headers)).toEqual({ limit: 100, windowMs: 60_000, remaining: 95 });
  });

  it('reads BigCommerce headers', () => {
    const headers = new Headers({
      'X-Rate-Limit-Requests-Quota': '150',
      'X-Rate-Limit-Time-Window-Ms': '30000',
      'X-Rate-Limit-Requests-Left': '12',
      'X-Rate-Limit-Time-Reset-Ms': '4200',
    });
    expect(rateObservation(headers)).toEqual({ limit: 150, windowMs: 30_000, remaining: 12, resetMs: 4200 });
  });

  it('returns nothing without rate headers, and ignores junk values', () => {
    expect(rateObservation(new Headers({ 'content-type': 'application/json' }))).toBeUndefined();
    expect(rateObservation(new Headers({ 'X-Ratelimit-Limit': 'lots', 'X-Ratelimit-Remaining': '-1' }))).toBeUndefined();
  });
});

describe('requestedWaitMs', () => {
  it('reads Retry-After as seconds or as an HTTP date, on any status', () => {
    expect(requestedWaitMs(503, new Headers({ 'Retry-After': '2' }), now)).toBe(2000);
    expect(requestedWaitMs(503, new Headers({ 'Retry-After': 'Wed, 01 Jan 2025 00:00:30 GMT' }), now)).toBe(30_000);
    expect(requestedWaitMs(503, new Headers({ 'Retry-After': 'Tue, 31 Dec 2024 00:00:00 GMT' }), now)).toBe(0);
  });

  it('reads the rate-limit headers only on a 429', () => {
    const headers = new Headers({ 'X-Rate-Limit-Time-Reset-Ms': '3000', 'X-Ratelimit-Interval': '10' });
    expect(requestedWaitMs(200, headers, now)).toBeUndefined();
    expect(requestedWaitMs(429, headers, now)).toBe(10_000);
  });

  it('takes the longest of several', () => {
    const headers = new Headers({ 'X-Retry-After': '2', 'X-Rate-Limit-Time-Reset-Ms': '7500', 'Retry-After': '1' });
    expect(requestedWaitMs(429, headers, now)).toBe(7500);
  });

  it('returns undefined when nothing is said', () => {
    expect(requestedWaitMs(429, new Headers(), now)).toBeUndefined();
  });
});
