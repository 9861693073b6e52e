import { describe, expect, it } from 'vitest';
import { groupBody, isoDate, liveCustomer, liveGroup, normalizeAttributes } from '../../../src/providers/bigcommerce/mapping.js';

describe('normalizeAttributes', () => {
  it('treats 5 and "5.0000", and rules in another order, as the same value', () => {
    const desired = normalizeAttributes({
      discount_rules: [
        { type: 'product', method: 'fixed', amount: 2, product_id: 9 },
        { type: 'all', method: 'percent', amount: 5 },
        { type: 'category', method: 'percent', amount: '10', category_id: 3 },
      ],
    });
    const live = normalizeAttributes({
      discount_rules: [
        { amount: '5.0000', method: 'percent', type: 'all' },
        { category_id: 3, type: 'category', method: 'percent', amount: '10.0000' },
        { type: 'product', method: 'fixed', amount: '2.0000', product_id: 9 },
      ],
    });
    expect(desired).toEqual(live);
    expect(JSON.stringify(desired)).toBe(JSON.stringify(live));
  });

  it('keeps a price-list rule to its type and id, and categories only for specific access', () => {
    expect(
      normalizeAttributes({
        discount_rules: [{ type: 'price_list', price_list_id: 3 }],
        category_access: { type: 'all', categories: [] },
      }),
    ).toEqual({ discount_rules: [{ type: 'price_list', price_list_id: 3 }], category_access: { type: 'all' } });
    expect(normalizeAttributes({ category_access: { type: 'specific', categories: [23, 18, 23] } })).toEqual({
      category_access: { type: 'specific', categories: [18, 23] },
    });
  });

  it('drops fields BigCommerce does not have, such as description', () => {
    expect(normalizeAttributes({ name: 'VIP', description: 'Big spenders', is_default: false })).toEqual({
      name: 'VIP',
      is_default: false,
    });
  });

  it('tells a different amount apart', () => {
    const a = normalizeAttributes({ discount_rules: [{ type: 'all', method: 'percent', amount: 5 }] });
    const b = normalizeAttributes({ discount_rules: [{ type: 'all', method: 'percent', amount: '5.5' }] });
    expect(a).not.toEqual(b);
  });
});

describe('wire mapping', () => {
  it('maps a customerGroup_Full to a live group with ISO dates', () => {
    const group = liveGroup({
      id: 7,
      name: 'VIP',
      is_default: false,
      is_group_for_guests: false,
      category_access: { type: 'all' },
      discount_rules: [{ type: 'all', method: 'percent', amount: '5.0000' }],
      date_created: '2023-07-17 06:30:41',
      date_modified: '2023-07-25 01:15:19',
    });
    expect(group).toEqual({
      id: '7',
      name: 'VIP',
      attributes: {
        name: 'VIP',
        is_default: false,
        is_group_for_guests: false,
        category_access: { type: 'all' },
        discount_rules: [{ type: 'all', method: 'percent', amount: '5.0000' }],
      },
      updatedAt: '2023-07-25T01:15:19.000Z',
    });
    expect(() => liveGroup({ name: 'no id' })).toThrow(TypeError);
  });

  it('maps customer_group_id 0 to no group and lower-cases e-mails', () => {
    expect(liveCustomer({ id: 4, email: 'Jane@Example.com', customer_group_id: 0 })).toEqual({
      id: '4',
      email: 'jane@example.com',
      groupId: null,
    });
    expect(liveCustomer({ id: 5, email: 'a@b.c', customer_group_id: 12, date_modified: '2024-05-14T09:34:00Z' })).toEqual({
      id: '5',
      email: 'a@b.c',
      groupId: '12',
      updatedAt: '2024-05-14T09:34:00Z',
    });
  });

  it('sends amounts as strings, as the spec types them', () => {
    expect(groupBody({ name: 'VIP', description: 'x', discount_rules: [{ type: 'all', method: 'percent', amount: 5 }] })).toEqual({
      name: 'VIP',
      discount_rules: [{ type: 'all', method: 'percent', amount: '5.0000' }],
    });
    expect(isoDate('not a date')).toBeUndefined();
    expect(isoDate('2024-05-14T11:34:00+02:00')).toBe('2024-05-14T09:34:00.000Z');
    expect(isoDate('2024-05-14T09:34:00.5Z')).toBe('2024-05-14T09:34:00.5Z');
  });
});
