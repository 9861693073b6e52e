// The words config findings use for places and values.
import { describe, expect, it } from 'vitest';
import { capital, characters, either, kindOf, shown, subject, typeInWords } from '../../src/config/describe.js';

describe('subject', () => {
  it('names the file, a top-level field, a provider or a group', () => {
    expect(subject([])).toBe('the file');
    expect(subject(['version'])).toBe("'version'");
    expect(subject(['defaults', 'providers', 0])).toBe("item 1 of 'defaults.providers'");
    expect(subject(['providers', 'cl'])).toBe("provider 'cl'");
    expect(subject(['groups', 'vip'])).toBe("group 'vip'");
  });

  it('names a field below its owner, and a list item by its number from 1', () => {
    expect(subject(['providers', 'cl', 'base_url'])).toBe("'base_url' of provider 'cl'");
    expect(subject(['groups', 'vip', 'members', 2])).toBe("item 3 of 'members' of group 'vip'");
    expect(subject(['groups', 'vip', 'members', '4'])).toBe("item 5 of 'members' of group 'vip'");
  });

  it('names a discount rule as the owner of its fields', () => {
    expect(subject(['groups', 'vip', 'bigcommerce', 'discount_rules', 0, 'amount'])).toBe("'amount' of discount rule 1 of group 'vip'");
    expect(subject(['groups', 'vip', 'bigcommerce', 'discount_rules', 1])).toBe("discount rule 2 of group 'vip'");
    expect(subject(['groups', 'vip', 'bigcommerce', 'discount_rules'])).toBe("'bigcommerce.discount_rules' of group 'vip'");
  });
});

describe('values in words', () => {
  it('kindOf says what a value is', () => {
    expect([null, undefined, [], 'x', 3, 3.5, true, {}].map(kindOf)).toEqual([
      'empty',
      'empty',
      'a list',
      'text',
      'a whole number',
      'a number',
      'true or false',
      'a map',
    ]);
  });

  it('typeInWords says what a schema type asks for, and passes an unknown one through', () => {
    expect(['boolean', 'integer', 'number', 'string', 'array', 'object', 'null'].map(typeInWords)).toEqual([
      'true or false',
      'a whole number',
      'a number',
      'text',
      'a list',
      'a map of names to values',
      'null',
    ]);
  });

  it('shown quotes text (cut at 60 characters), prints numbers and booleans, and never a secret, list or map', () => {
    expect(shown('VIP', ['groups', 'vip', 'name'])).toBe("'VIP'");
    expect(shown('x'.repeat(61), ['groups', 'vip', 'name'])).toBe(`'${'x'.repeat(57)}...'`);
    expect(shown('x'.repeat(60), ['groups', 'vip', 'name'])).toBe(`'${'x'.repeat(60)}'`);
    expect(shown(2, ['version'])).toBe('2');
    expect(shown(false, ['providers', 'cl', 'prune'])).toBe('false');
    expect(shown('s3cret', ['providers', 'cl', 'client_secret'])).toBeUndefined();
    expect(shown(['a'], ['groups', 'vip', 'members'])).toBeUndefined();
    expect(shown({ a: 1 }, ['groups', 'vip', 'metadata'])).toBeUndefined();
  });

  it('capital and either shape sentences', () => {
    expect(capital("item 1 of 'members'")).toBe("Item 1 of 'members'");
    expect(capital('')).toBe('');
    expect(either([])).toBe('');
    expect(either(['a'])).toBe('a');
    expect(either(['a', 'b', 3])).toBe('a, b or 3');
  });
});

describe('characters', () => {
  it('counts code points as the platforms do: a surrogate pair is one, a lone surrogate is one', () => {
    expect(characters('')).toBe(0);
    expect(characters('abc')).toBe(3);
    expect(characters('a😀b')).toBe(3);
    expect(characters('😀😀')).toBe(2);
    expect(characters('\uD83D')).toBe(1);
    expect(characters('\uD83Dx')).toBe(2);
    expect(characters('x\uDE00')).toBe(2);
  });
});
