import { describe, expect, it } from 'vitest';
import { closest, distance } from '../../src/config/suggest.js';

describe('closest', () => {
  const properties = ['name', 'description', 'members', 'members_file', 'membership', 'providers'];

  it('suggests the intended name for a typo, a swap or a missing letter', () => {
    expect(closest('nmae', properties)).toBe('name');
    expect(closest('membrs', properties)).toBe('members');
    expect(closest('descripton', properties)).toBe('description');
    expect(closest('Providers', properties)).toBe('providers');
  });

  it('suggests nothing for an unrelated word', () => {
    expect(closest('colour', properties)).toBeUndefined();
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(distance('precent', 'percent')).toBe(1);
    expect(distance('abc', 'abc')).toBe(0);
    expect(distance('', 'abc')).toBe(3);
  });
});

describe('closest on short names', () => {
  it('allows one edit only, so that two-letter provider names are not confused', () => {
    expect(closest('cl', ['bc', 'xk'])).toBeUndefined();
    expect(closest('bcc', ['bc', 'xk'])).toBe('bc');
  });
});
