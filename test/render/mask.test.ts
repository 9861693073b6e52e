import { describe, expect, it } from 'vitest';
import { emailShower, maskEmailsIn } from '../../src/render/mask.js';

describe('maskEmailsIn', () => {
  it('keeps the first character and the domain of every address in a text', () => {
    expect(maskEmailsIn('john@example.com')).toBe('j***@example.com');
    expect(maskEmailsIn('x@shop.co.uk')).toBe('x***@shop.co.uk');
    expect(maskEmailsIn('cl/members/ann.lee+vip@example.com (from cl/staff), and bob@x.io.')).toBe('cl/members/a***@example.com (from cl/staff), and b***@x.io.');
  });

  it('leaves text without addresses alone', () => {
    expect(maskEmailsIn('group vip on cl@home')).toBe('group vip on cl@home');
    expect(emailShower(false)('john@example.com')).toBe('john@example.com');
  });
});
