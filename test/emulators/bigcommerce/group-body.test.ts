import { describe, expect, it } from 'vitest';
import { EmulatorHttpError } from '../../../src/emulators/bigcommerce/errors.js';
import { parseGroupBody } from '../../../src/emulators/bigcommerce/group-body.js';

function refusal(body: unknown, mode: 'create' | 'update' = 'create'): { status: number; message: string } {
  try {
    parseGroupBody(body, mode);
  } catch (error) {
    if (error instanceof EmulatorHttpError) return error.error;
    throw error;
  }
  throw new Error('the body was accepted');
}

describe('parseGroupBody', () => {
  it('takes a name of up to 255 characters, counting an emoji as one', () => {
    expect(parseGroupBody({ name: '😀'.repeat(255) }, 'create').name).toBe('😀'.repeat(255));
    expect(refusal({ name: 'a'.repeat(256) })).toEqual({ status: 400, message: "The field 'name' cannot be longer than 255 characters." });
    expect(refusal({ name: '😀'.repeat(256) }, 'update')).toEqual({ status: 400, message: "The field 'name' cannot be longer than 255 characters." });
  });

  it('refuses a blank name', () => {
    expect(refusal({ name: '   ' })).toEqual({ status: 400, message: "The field 'name' must be a non-empty string." });
  });

  it('accepts amounts as numeric strings and stores them with four decimals', () => {
    const fields = parseGroupBody(
      {
        name: 'VIP',
        discount_rules: [
          { type: 'all', method: 'percent', amount: '5' },
          { type: 'category', method: 'fixed', amount: '2.5', category_id: 3 },
          { type: 'product', method: 'price', amount: '10', product_id: 4 },
        ],
        category_access: { type: 'specific', categories: [18, 19] },
      },
      'create',
    );
    expect(fields.discount_rules).toEqual([
      { type: 'all', method: 'percent', amount: '5.0000' },
      { type: 'category', method: 'fixed', amount: '2.5000', category_id: 3 },
      { type: 'product', method: 'price', amount: '10.0000', product_id: 4 },
    ]);
    expect(fields.category_access).toEqual({ type: 'specific', categories: [18, 19] });
  });

  it('refuses an amount sent as a JSON number: customers.v2.yml declares it a string', () => {
    for (const amount of [5, 2.5, 0]) {
      const body = { name: 'VIP', discount_rules: [{ type: 'all', method: 'percent', amount }] };
      expect(refusal(body)).toEqual({ status: 400, message: "The field 'discount_rules[0].amount' must be a non-negative number given as a string." });
    }
  });

  it('requires a name on create only', () => {
    expect(refusal({ is_default: true }).message).toMatch(/name/);
    expect(parseGroupBody({ is_default: true }, 'update')).toEqual({ is_default: true });
  });

  it('refuses a price_list rule combined with another rule, and two all rules', () => {
    expect(
      refusal({
        name: 'x',
        discount_rules: [
          { type: 'price_list', price_list_id: 1 },
          { type: 'all', method: 'percent', amount: '1' },
        ],
      }).message,
    ).toMatch(/only/);
    expect(
      refusal({
        name: 'x',
        discount_rules: [
          { type: 'all', method: 'percent', amount: '1' },
          { type: 'all', method: 'fixed', amount: '2' },
        ],
      }).message,
    ).toMatch(/only one/);
    expect(parseGroupBody({ discount_rules: [{ type: 'price_list', price_list_id: 1 }] }, 'update').discount_rules).toEqual([
      { type: 'price_list', price_list_id: 1 },
    ]);
  });

  it('refuses malformed rules, access and read-only fields with 400', () => {
    const bad = [
      { name: 'x', discount_rules: [{ type: 'all', method: 'half', amount: '1' }] },
      { name: 'x', discount_rules: [{ type: 'all', method: 'percent', amount: 'lots' }] },
      { name: 'x', discount_rules: [{ type: 'category', method: 'percent', amount: '1' }] },
      { name: 'x', discount_rules: [{ type: 'price_list', price_list: 3 }] },
      { name: 'x', category_access: { type: 'specific' } },
      { name: 'x', category_access: { type: 'none', categories: [1] } },
      { name: 'x', id: 4 },
      { name: '' },
      [],
    ];
    for (const body of bad) expect(refusal(body).status, JSON.stringify(body)).toBe(400);
  });
});
