import { describe, expect, it } from 'vitest';
import { globMatch } from '../../src/plan/glob.js';
import { canonicalJson, jsonEqual } from '../../src/plan/values.js';

describe('jsonEqual and canonicalJson', () => {
  it('ignores object key order at any depth but not array order', () => {
    expect(jsonEqual({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual('5', 5)).toBe(false);
  });

  it('equates a missing value with null', () => {
    expect(jsonEqual(undefined, null)).toBe(true);
    expect(jsonEqual(undefined, '')).toBe(false);
  });

  it('serialises with sorted keys, dropping undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: 2 } })).toBe('{"a":{"c":2},"b":1}');
  });
});

describe('globMatch', () => {
  it('treats * as any run of characters over the whole, case-sensitive name', () => {
    expect(globMatch('Legacy *', 'Legacy Gold')).toBe(true);
    expect(globMatch('Legacy *', 'Legacy ')).toBe(true);
    expect(globMatch('Legacy *', 'legacy Gold')).toBe(false);
    expect(globMatch('Legacy *', 'Old Legacy Gold')).toBe(false);
    expect(globMatch('*-b2b', 'eu-b2b')).toBe(true);
    expect(globMatch('*', 'anything at all')).toBe(true);
  });

  it('takes every other character literally', () => {
    expect(globMatch('A.B (old)', 'A.B (old)')).toBe(true);
    expect(globMatch('A.B', 'AxB')).toBe(false);
    expect(globMatch('a+', 'aa')).toBe(false);
  });
});
