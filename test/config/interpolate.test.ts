import { describe, expect, it } from 'vitest';
import { interpolate } from '../../src/config/interpolate.js';

describe('interpolate', () => {
  const env = { HOST: 'shop.example.com', EMPTY: '', PORT: '8080' };

  it('replaces whole values and parts of values', () => {
    expect(interpolate('${HOST}', env)).toEqual({ value: 'shop.example.com', variables: [{ name: 'HOST', text: '${HOST}', index: 0 }], problems: [] });
    expect(interpolate('https://${HOST}:${PORT}/api', env).value).toBe('https://shop.example.com:8080/api');
  });

  it('uses the default when the variable is unset or empty', () => {
    expect(interpolate('${MISSING:-fallback}', env).value).toBe('fallback');
    expect(interpolate('${EMPTY:-fallback}', env).value).toBe('fallback');
    expect(interpolate('${HOST:-fallback}', env).value).toBe('shop.example.com');
    expect(interpolate('${MISSING:-}', env)).toEqual({ value: '', variables: [{ name: 'MISSING', text: '${MISSING:-}', index: 0 }], problems: [] });
  });

  it('keeps an empty variable without a default as an empty string', () => {
    expect(interpolate('x${EMPTY}y', env)).toEqual({ value: 'xy', variables: [{ name: 'EMPTY', text: '${EMPTY}', index: 1 }], problems: [] });
  });

  it('reports each unset variable with the index of its ${', () => {
    expect(interpolate('a ${ONE} b ${TWO}', env).variables.map((v) => v.name)).toEqual(['ONE', 'TWO']);
    expect(interpolate('a ${ONE} b ${TWO}', env).problems).toEqual([
      { kind: 'unset', name: 'ONE', text: '${ONE}', index: 2 },
      { kind: 'unset', name: 'TWO', text: '${TWO}', index: 11 },
    ]);
  });

  it('reports references that are not variable names, and an unclosed ${', () => {
    expect(interpolate('${1ST} ${A-B} ${}', env).problems.map((p) => [p.kind, p.text, p.index])).toEqual([
      ['syntax', '${1ST}', 0],
      ['syntax', '${A-B}', 7],
      ['syntax', '${}', 14],
    ]);
    expect(interpolate('x ${HOST', env).problems).toEqual([{ kind: 'syntax', text: '${HOST', index: 2 }]);
  });

  it('leaves a lone $ alone and turns $${ into a literal ${', () => {
    expect(interpolate('costs $5, see $${HOST}', env)).toEqual({ value: 'costs $5, see ${HOST}', variables: [], problems: [] });
  });

  it('leaves strings without $ untouched', () => {
    expect(interpolate('ava.jones@example.com', env)).toEqual({ value: 'ava.jones@example.com', variables: [], problems: [] });
  });
});
