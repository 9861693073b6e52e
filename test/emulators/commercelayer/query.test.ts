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

  // Every predicate of https://docs.commercelayer.io/core/filtering-data (the list the official sdk-utils
  // FilterOperator builds), on the attributes commercelayer-resources.json marks filterable.
  const groupsWith = () => {
    const state = seedState();
    state.customer_groups[0]!.created_at = '2024-01-15T08:00:00.000Z';
    state.customer_groups[1]!.created_at = '2024-03-01T00:00:00.000Z';
    state.customer_groups[1]!.reference = 'CRM-7';
    state.customer_groups[0]!.metadata = { tier: 'gold', tags: ['a', 'b'], nested: { x: 1 } };
    return state;
  };
  const ALL = ['GrpVipAaaa', 'GrpGoldAaa', 'GrpNoCodeA'];
  it.each([
    ['created_at_gt', '2099-01-01', []],
    ['created_at_gt', '2024-02-01', ['GrpGoldAaa', 'GrpNoCodeA']],
    ['created_at_lt', '2024-03-01T00:00:00.000Z', ['GrpVipAaaa']],
    ['created_at_lteq', '2024-03-01T00:00:00.000Z', ['GrpVipAaaa', 'GrpGoldAaa']],
    ['created_at_gteq', '2024-06-01T10:00:00.000Z', ['GrpNoCodeA']],
    ['created_at_eq', '2024-01-15T08:00:00Z', ['GrpVipAaaa']],
    ['created_at_lt_any', '2024-01-01,2024-02-01', ['GrpVipAaaa']],
    ['created_at_gt_all', '2024-01-01,2024-02-01', ['GrpGoldAaa', 'GrpNoCodeA']],
    ['name_lt', 'H', ['GrpGoldAaa']],
    ['name_matches', 'g%', ['GrpGoldAaa']],
    ['name_matches', 'V_P', ['GrpVipAaaa']],
    ['name_does_not_match', '%o%', ['GrpVipAaaa']],
    ['name_matches_any', 'v%,%code', ['GrpVipAaaa', 'GrpNoCodeA']],
    ['name_matches_all', '%o%,%d%', ['GrpGoldAaa', 'GrpNoCodeA']],
    ['name_does_not_match_any', 'v%,g%', ALL],
    ['name_does_not_match_all', 'v%,g%', ['GrpNoCodeA']],
    ['name_start', 'no', ['GrpNoCodeA']],
    ['name_not_start', 'no', ['GrpVipAaaa', 'GrpGoldAaa']],
    ['name_start_any', 'v,g', ['GrpVipAaaa', 'GrpGoldAaa']],
    ['name_end', 'LD', ['GrpGoldAaa']],
    ['name_end_all', 'd,ld', ['GrpGoldAaa']],
    ['name_not_end_any', 'p,d', ALL],
    ['name_cont', '%', []],
    ['name_cont_any', 'ip,ol', ['GrpVipAaaa', 'GrpGoldAaa']],
    ['name_cont_all', 'o,d', ['GrpGoldAaa', 'GrpNoCodeA']],
    ['name_not_cont_all', 'i,o', []],
    ['name_not_eq_all', 'VIP,Gold', ['GrpNoCodeA']],
    ['code_eq_or_null', 'VIP', ['GrpVipAaaa', 'GrpNoCodeA']],
    ['code_not_eq_or_null', 'vip', ['GrpGoldAaa', 'GrpNoCodeA']],
    ['code_not_eq', 'vip', ['GrpGoldAaa']],
    ['code_not_in', 'vip', ['GrpGoldAaa']],
    ['code_in_or_null', 'gold', ['GrpGoldAaa', 'GrpNoCodeA']],
    ['code_not_null', 'true', ['GrpVipAaaa', 'GrpGoldAaa']],
    ['reference_present', 'true', ['GrpGoldAaa']],
    ['reference_blank', 'true', ['GrpVipAaaa', 'GrpNoCodeA']],
    ['reference_null', 'false', ['GrpGoldAaa']],
    ['name_or_code_eq', 'Gold', ['GrpGoldAaa']],
    ['name_or_code_eq', 'vip', ['GrpVipAaaa']],
    ['code_or_name_start', 'no', ['GrpNoCodeA']],
    ['id_or_reference_origin_in', 'GrpGoldAaa', ['GrpGoldAaa']],
    ['metadata_jcont', '{"tier":"gold"}', ['GrpVipAaaa']],
    ['metadata_jcont', '{"tags":["b"],"nested":{"x":1}}', ['GrpVipAaaa']],
    ['metadata_jcont', '{"tier":"silver"}', []],
    ['metadata_jcont', '{}', ALL],
  ])('customer_groups %s=%s, as documented on filtering-data', async (predicate, value, expected) => {
    const { call } = await start({ state: groupsWith() });
    const reply = await call('GET', `/api/customer_groups?filter[q][${predicate}]=${encodeURIComponent(value)}`);
    expect(reply.status).toBe(200);
    expect(ids(reply)).toEqual(expected);
  });

  it.each([
    ['customer_group_code_eq', 'vip', ['CusJohnAaa', 'CusJaneAaa']],
    ['customer_group_name_start', 'go', ['CusBobAaaa']],
    ['customer_group_code_eq_or_null', 'gold', ['CusBobAaaa', 'CusEveAaaa']],
    ['email_or_customer_group_name_cont', 'gold', ['CusBobAaaa']],
    ['email_matches', '%@example.com', ['CusJohnAaa', 'CusJaneAaa', 'CusBobAaaa', 'CusEveAaaa']],
    ['status_eq', 'prospect', ['CusJohnAaa', 'CusJaneAaa', 'CusBobAaaa', 'CusEveAaaa']],
  ])('customers %s=%s through a relationship or an `_or_` group', async (predicate, value, expected) => {
    const { call } = await start();
    expect(ids(await call('GET', `/api/customers?filter[q][${predicate}]=${encodeURIComponent(value)}`))).toEqual(expected);
  });

  it.each([
    ['an unknown attribute', 'no_such_field_eq', 'x', 'FILTER_NOT_ALLOWED'],
    ['an unknown matcher', 'name_similar', 'x', 'FILTER_NOT_ALLOWED'],
    ['an attribute the model does not mark filterable', 'has_password_eq', 'x', 'FILTER_NOT_ALLOWED'],
    ['a LIKE on a timestamp', 'created_at_cont', '2024', 'FILTER_NOT_ALLOWED'],
    ['_true on a text attribute (none of these resources has a filterable boolean)', 'name_true', 'true', 'FILTER_NOT_ALLOWED'],
    ['jcont on a text attribute', 'name_jcont', '{}', 'FILTER_NOT_ALLOWED'],
    ['a date that does not parse', 'created_at_gt', 'yesterday', 'INVALID_FILTER_VALUE'],
    ['a flag that is not a boolean', 'code_null', 'maybe', 'INVALID_FILTER_VALUE'],
    ['jcont with malformed JSON', 'metadata_jcont', '{tier', 'INVALID_FILTER_VALUE'],
  ])('answers 400 for %s instead of ignoring it', async (_case, predicate, value, code) => {
    const { call } = await start();
    const path = /^(has_password|no_such)/.test(predicate) ? 'customers' : 'customer_groups';
    const reply = await call('GET', `/api/${path}?filter[q][${predicate}]=${encodeURIComponent(value)}`);
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0]).toMatchObject({ code, status: '400' });
    expect(reply.body.errors[0].detail).toContain(predicate);
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
    const reply = await call('GET', '/api/customers/CusJohnAaa?include=customer_group&fields[customers]=email,customer_group&fields[customer_groups]=code');
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

// https://docs.commercelayer.io/core/including-associations allows dotted paths; JSON:API compound documents
// (https://jsonapi.org/format/#fetching-includes) carry every resource on the path once, linkage on each step,
// and never repeat a primary resource in `included`.
describe('nested includes', () => {
  it('include=customer_group.customers brings the group and its members, with linkage at both levels', async () => {
    const { call } = await start();
    const reply = await call('GET', '/api/customers?include=customer_group.customers&filter[q][email_eq]=john@example.com');
    expect(reply.status).toBe(200);
    const [john] = reply.body.data;
    expect(john.relationships.customer_group.data).toEqual({ type: 'customer_groups', id: 'GrpVipAaaa' });
    const keys = reply.body.included.map((r: { type: string; id: string }) => `${r.type}/${r.id}`);
    expect(keys).toEqual(['customer_groups/GrpVipAaaa', 'customers/CusJaneAaa']);
    const group = reply.body.included[0];
    expect(group.relationships.customers.data).toEqual([
      { type: 'customers', id: 'CusJohnAaa' },
      { type: 'customers', id: 'CusJaneAaa' },
    ]);
    // Jane is included as a member, but the path stops there: her own group carries links only.
    expect(reply.body.included[1].relationships.customer_group.data).toBeUndefined();
  });

  it('include=customers.customer_group from a group, and several paths sharing a step', async () => {
    const { call } = await start();
    const reply = await call('GET', '/api/customer_groups/GrpGoldAaa?include=customers.customer_group,customers');
    expect(reply.body.data.relationships.customers.data).toEqual([{ type: 'customers', id: 'CusBobAaaa' }]);
    // Bob's group is the primary resource: linked, not repeated in included.
    expect(reply.body.included.map((r: { id: string }) => r.id)).toEqual(['CusBobAaaa']);
    expect(reply.body.included[0].relationships.customer_group.data).toEqual({ type: 'customer_groups', id: 'GrpGoldAaa' });
  });

  it('refuses a path with a step its type does not have, naming the step and the type', async () => {
    const { call } = await start();
    const reply = await call('GET', '/api/customers?include=customer_group.orders');
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0]).toMatchObject({ code: 'INVALID_INCLUDE', detail: 'orders is not a valid relationship of customer_groups' });
  });
});

// Every link a document advertises answers (https://jsonapi.org/format/#fetching-relationships).
describe('relationship links', () => {
  it('relationships.*.links.self and .related answer for customers and groups', async () => {
    const { call, emulator } = await start();
    const path = (url: string) => url.slice(emulator.url.length);
    const john = (await call('GET', '/api/customers/CusJohnAaa')).body.data;
    const eve = (await call('GET', '/api/customers/CusEveAaaa')).body.data;
    const vip = (await call('GET', '/api/customer_groups/GrpVipAaaa')).body.data;

    const johnSelf = await call('GET', path(john.relationships.customer_group.links.self));
    expect(johnSelf.status).toBe(200);
    expect(johnSelf.body).toEqual({ data: { type: 'customer_groups', id: 'GrpVipAaaa' }, links: john.relationships.customer_group.links });
    expect((await call('GET', path(eve.relationships.customer_group.links.self))).body.data).toBeNull();
    const johnRelated = await call('GET', path(john.relationships.customer_group.links.related));
    expect(johnRelated.body.data).toMatchObject({ type: 'customer_groups', id: 'GrpVipAaaa' });

    const vipSelf = await call('GET', path(vip.relationships.customers.links.self));
    expect(vipSelf.status).toBe(200);
    expect(vipSelf.body.data).toEqual([
      { type: 'customers', id: 'CusJohnAaa' },
      { type: 'customers', id: 'CusJaneAaa' },
    ]);
    const vipRelated = await call('GET', path(vip.relationships.customers.links.related));
    expect(vipRelated.body.data.map((c: { id: string }) => c.id)).toEqual(['CusJohnAaa', 'CusJaneAaa']);

    expect((await call('GET', '/api/customers/CusMissing/relationships/customer_group')).status).toBe(404);
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
