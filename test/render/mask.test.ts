import { describe, expect, it } from 'vitest';
import { emailShower, maskEmailsIn } from '../../src/render/mask.js';

describe('maskEmailsIn', () => {
  it('keeps the first character, a short stable tag of the address and the domain of every address in a text', () => {
    expect(maskEmailsIn('john@example.com')).toBe('j***#855f96@example.com');
    expect(maskEmailsIn('x@shop.co.uk')).toMatch(/^x\*\*\*#[0-9a-f]{6}@shop\.co\.uk$/);
    expect(maskEmailsIn('cl/members/ann.lee+vip@example.com (from cl/staff), and bob@x.io.')).toMatch(
      /^cl\/members\/a\*\*\*#[0-9a-f]{6}@example\.com \(from cl\/staff\), and b\*\*\*#[0-9a-f]{6}@x\.io\.$/,
    );
  });

  it('tells 20 addresses of one letter and domain apart, the same way on every run and in any case', () => {
    const addresses = Array.from({ length: 20 }, (_, i) => `b${'x'.repeat(i)}@example.com`);
    const masked = addresses.map(maskEmailsIn);
    expect(new Set(masked).size).toBe(20);
    expect(masked.every((text) => /^b\*\*\*#[0-9a-f]{6}@example\.com$/.test(text))).toBe(true);
    expect(addresses.map((a) => maskEmailsIn(a.toUpperCase()).toLowerCase())).toEqual(masked);
    // Unmasked addresses never show through, and masking twice changes nothing.
    expect(masked.join(' ')).not.toContain('bx');
    expect(masked.map(maskEmailsIn)).toEqual(masked);
  });

  it('leaves text without addresses alone', () => {
    expect(maskEmailsIn('group vip on cl@home')).toBe('group vip on cl@home');
    expect(emailShower(false)('john@example.com')).toBe('john@example.com');
  });
});
