import { describe, expect, it } from 'vitest';
import { customer, group, seedState, useSessions } from './harness.js';

const start = useSessions();

const ids = (reply: { body: { data: { id: string }[] } }) => reply.body.data.map((r) => r.id);

describe('filter[q] predicates', () => {
  it.each([
    ['email_eq', 'john@example.com', ['CusJohnAaa']],
    ['email_eq', 'John@Example.com', []],
    ['email_in', 'john@example.com,bob@example.com,nobody@example.com', ['CusJohnAaa', 'CusBobAaaa']],
    ['customer_group_id_eq', 'GrpVipAaaa', ['CusJohnAaa', 'CusJaneAaa']],
    ['customer_group_id_in', 'GrpVipAaaa,GrpGoldAaa', ['CusJohnAaa', 'CusJaneAaa', 'CusBobAaaa']],
    ['customer_group_id_null', 'true', ['CusEveAaaa']],
    ['customer_group_id_null', 'false', ['CusJohnAaa', 'CusJaneAaa', 'CusBobAaaa']],
    ['customer_group_code_eq', 'GOLD', ['CusBobAaaa']],
    ['email_not_eq', 'john@example.com', ['CusJaneAaa', 'CusBobAaaa', 'CusEveAaaa']],
    ['email_cont', 'J', ['CusJohnAaa', 'CusJaneAaa']],
    ['no_such_field_eq', 'x', ['CusJohnAaa', 'CusJaneAaa', 'CusBobAaaa', 'CusEveAaaa']],
    ['email_eq', '', ['CusJohnAaa', 'CusJaneAaa', 'CusBobAaaa', 'CusEveAaaa']],
  ])('customers %s=%s', async (predicate, value, expected) => {
    const { call } = await start();
    const reply = await call('GET', `/api/customers?filter[q][${predicate}]=${encodeURIComponent(value)}`);
    expect(reply.status).toBe(200);
    expect(ids(reply)).toEqual(expected);
  });

  it.each([
    ['code_eq', 'VIP', ['GrpVipAaaa']],
    ['code_in', 'gold,vip', ['GrpVipAaaa', 'GrpGoldAaa']],
    ['name_eq', 'Gold', ['GrpGoldAaa']],
    ['name_eq', 'gold', []],
    ['code_null', 'true', ['GrpNoCodeA']],
  ])('customer_groups %s=%s', async (predicate, value, expected) => {
    const { call } = await start();
    expect(ids(await call('GET', `/api/customer_groups?filter[q][${predicate}]=${value}`))).toEqual(expected);
  });

  it('combines predicates with AND and accepts percent-encoded brackets', async () => {
    const { call } = await start();
    const query = 'filter%5Bq%5D%5Bcustomer_group_id_eq%5D=GrpVipAaaa&filter%5Bq%5D%5Bemail_in%5D=jane%40example.com%2Cbob%40example.com';
    expect(ids(await call('GET', `/api/customers?${query}`))).toEqual(['CusJaneAaa']);
  });

  it('refuses filters outside filter[q] with 400 FILTER_NOT_ALLOWED', async () => {
    const { call } = await start();
    const reply = await call('GET', '/api/customers?filter[email]=john@example.com');
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0]).toMatchObject({ code: 'FILTER_NOT_ALLOWED', detail: 'email is not allowed.' });
  });
});

describe('sparse fieldsets', () => {
  it('keep only the named attributes and relationships, on primary and included resources', async () => {
    const { call } = await start();
    const reply = await call(
      'GET',
      '/api/customers/CusJohnAaa?include=customer_group&fields[customers]=email,customer_group&fields[customer_groups]=code',
    );
    expect(reply.body.data.attributes).toEqual({ email: 'john@example.com' });
    expect(Object.keys(reply.body.data.relationships)).toEqual(['customer_group']);
    expect(reply.body.included[0].attributes).toEqual({ code: 'vip' });
    expect(reply.body.included[0].relationships).toBeUndefined();
  });

  it('drop relationships that are not named', async () => {
    const { call } = await start();
    const reply = await call('GET', '/api/customers?fields[customers]=email');
    expect(reply.body.data[0].attributes).toEqual({ email: 'john@example.com' });
    expect(reply.body.data[0].relationships).toBeUndefined();
  });

  it('apply to the document a write returns', async () => {
    const { call } = await start();
    const reply = await call('POST', '/api/customer_groups?fields[customer_groups]=code', {
      data: { type: 'customer_groups', attributes: { name: 'New', code: 'new' } },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.data.attributes).toEqual({ code: 'new' });
  });

  it('refuse unknown fields, types and includes with 400', async () => {
    const { call } = await start();
    const field = await call('GET', '/api/customers?fields[customers]=email,shoe_size');
    expect(field.body.errors[0]).toMatchObject({ code: 'INVALID_FIELD', detail: 'shoe_size is not a valid field for customers.', status: '400' });
    const type = await call('GET', '/api/customers?fields[shoes]=size');
    expect(type.body.errors[0]).toMatchObject({ code: 'INVALID_RESOURCE', status: '400' });
    const include = await call('GET', '/api/customers?include=orders');
    expect(include.body.errors[0]).toMatchObject({ code: 'INVALID_INCLUDE', status: '400' });
  });
});

describe('pagination', () => {
  const many = () => {
    const state = seedState();
    state.customer_groups.push(group('GrpManyAaa', 'Many', 'many'));
    for (let i = 0; i < 27; i++) {
      state.customers.push(customer(`CusMany${String(i).padStart(3, '0')}`, `many${i}@example.com`, 'GrpManyAaa'));
    }
    return state;
  };

  it('defaults to 10 a page with record_count, page_count and first/next/last links', async () => {
    const { call, emulator } = await start({ state: many() });
    const reply = await call('GET', '/api/customers?filter[q][customer_group_id_eq]=GrpManyAaa');
    expect(reply.body.data).toHaveLength(10);
    expect(reply.body.meta).toEqual({ record_count: 27, page_count: 3 });
    const base = `${emulator.url}/api/customers?filter[q][customer_group_id_eq]=GrpManyAaa`;
    expect(reply.body.links).toEqual({
      first: `${base}&page[number]=1&page[size]=10`,
      next: `${base}&page[number]=2&page[size]=10`,
      last: `${base}&page[number]=3&page[size]=10`,
    });
  });

  it('serves the last page with prev and no next, and links that can be followed', async () => {
    const { call, emulator } = await start({ state: many() });
    const first = await call('GET', '/api/customers?filter[q][customer_group_id_eq]=GrpManyAaa&page[size]=25&page[number]=1');
    expect(first.body.data).toHaveLength(25);
    const last = await call('GET', first.body.links.next.slice(emulator.url.length));
    expect(last.body.data.map((c: { id: string }) => c.id)).toEqual(['CusMany025', 'CusMany026']);
    expect(last.body.links.prev).toContain('page[number]=1');
    expect(last.body.links.next).toBeUndefined();
  });

  it('returns an empty page past the end, and last points at page 1 for no records', async () => {
    const { call } = await start();
    const past = await call('GET', '/api/customer_groups?page[number]=9');
    expect(past.body.data).toEqual([]);
    expect(past.body.meta).toEqual({ record_count: 3, page_count: 1 });
    const none = await call('GET', '/api/customers?filter[q][email_eq]=nobody@example.com');
    expect(none.body.meta).toEqual({ record_count: 0, page_count: 0 });
    expect(none.body.links.last).toContain('page[number]=1');
  });

  it.each([
    ['26', 'size exceeds maximum page size of 25.'],
    ['0', '0 is not a valid value for size page parameter.'],
    ['ten', 'ten is not a valid value for size page parameter.'],
  ])('refuses page[size]=%s with 400 INVALID_PAGE_VALUE', async (size, detail) => {
    const { call } = await start();
    const reply = await call('GET', `/api/customers?page[size]=${size}`);
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([{ title: 'Invalid page value', detail, code: 'INVALID_PAGE_VALUE', status: '400' }]);
  });

  it('refuses unknown page parameters', async () => {
    const { call } = await start();
    const reply = await call('GET', '/api/customers?page[offset]=5');
    expect(reply.body.errors[0]).toMatchObject({ code: 'PARAM_NOT_ALLOWED', status: '400' });
  });
});

describe('sort', () => {
  it('orders by the named fields, descending with a minus, and refuses unknown ones', async () => {
    const { call } = await start();
    expect(ids(await call('GET', '/api/customer_groups?sort=name'))).toEqual(['GrpGoldAaa', 'GrpNoCodeA', 'GrpVipAaaa']);
    expect(ids(await call('GET', '/api/customer_groups?sort=-code'))).toEqual(['GrpNoCodeA', 'GrpVipAaaa', 'GrpGoldAaa']);
    const bad = await call('GET', '/api/customer_groups?sort=colour');
    expect(bad.body.errors[0]).toMatchObject({ code: 'INVALID_SORT_CRITERIA', status: '400' });
  });
});
