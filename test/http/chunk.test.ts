import { describe, expect, it } from 'vitest';
import { chunkForUrl } from '../../src/http/chunk.js';

describe('chunkForUrl', () => {
  it('keeps every chunk within the URL length and loses no value', () => {
    const emails = Array.from({ length: 300 }, (_, i) => `o'customer-${i}+tag@example.com`);
    const base = 'https://api.bigcommerce.com/stores/abc/v3/customers?limit=250&email%3Ain=';
    const chunks = chunkForUrl(emails, base);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(base.length + new URLSearchParams({ v: chunk.join(',') }).toString().length - 2).toBeLessThanOrEqual(2000);
    }
    expect(chunks.flat()).toEqual(emails);
  });

  it('puts everything in one chunk when it fits, and nothing when there is nothing', () => {
    expect(chunkForUrl(['a@b.c', 'd@e.f'], 'x')).toEqual([['a@b.c', 'd@e.f']]);
    expect(chunkForUrl([], 'x')).toEqual([]);
  });

  it('caps the values of one chunk at maxCount, within the length too', () => {
    const values = Array.from({ length: 7 }, (_, i) => `v${i}`);
    expect(chunkForUrl(values, 'x', { maxCount: 3 })).toEqual([['v0', 'v1', 'v2'], ['v3', 'v4', 'v5'], ['v6']]);
    // 'x' + 'v0%2Cv1' is 8 characters: a length of 8 leaves room for two.
    expect(chunkForUrl(values.slice(0, 3), 'x', { maxLength: 8, maxCount: 3 })).toEqual([['v0', 'v1'], ['v2']]);
  });
});
