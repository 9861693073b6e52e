// Platform limits known at validate time: the invalid corpus holds each refusal (name-too-long-…,
// blank-group-name, description-too-long); this is the other side, names right at the limits.
import { describe, expect, it } from 'vitest';
import { characters } from '../../src/config/describe.js';
import { loadFixture } from './helpers.js';

describe('group names at the platforms’ limits', () => {
  it('accepts 255 characters (a trailing space Xtrakit trims not counted), 255 emoji, and longer on Commerce Layer', async () => {
    const { desired, findings } = await loadFixture('valid', 'long-names-within-limits.yaml');
    expect(findings).toEqual([]);
    expect(desired.groups.map((g) => [g.key, g.provider, [...String(g.attributes.name)].length])).toEqual([
      ['vip', 'cl', 256],
      ['vip', 'xk', 256],
      ['long', 'cl', 300],
      ['emoji', 'bc', 255],
    ]);
  });
});

describe('characters', () => {
  it('counts code points: a surrogate pair is one character, a lone surrogate one too', () => {
    expect([characters(''), characters('abc'), characters('😀😀'), characters('a\uD800b'), characters('\uDC00\uD800')]).toEqual([0, 3, 2, 3, 2]);
  });
});
