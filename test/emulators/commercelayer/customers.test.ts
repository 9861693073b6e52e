import { describe, expect, it } from 'vitest';
import { seedState, useSessions } from './harness.js';

const start = useSessions();

const setGroup = (id: string, group: { type: string; id: string } | null, extra: Record<string, unknown> = {}) => ({
  data: { type: 'customers', id, ...extra, relationships: { customer_group: { data: group } } },
});

describe('customers', () => {
  it('lists customers with the group relationship as links only', async () => {
    const { call, emulator } = await start();
    const reply = await call('GET', '/api/customers');
    expect(reply.status).toBe(200);
    expect(reply.body.data).toHaveLength(4);
    expect(reply.body.data[0]).toEqual({
      id: 'CusJohnAaa',
      type: 'customers',
      links: { self: `${emulator.url}/api/customers/CusJohnAaa` },
      attributes: {
        email: 'john@example.com',
        status: 'prospect',
        created_at: '2024-06-01T10:00:00.000Z',
        updated_at: '2024-06-01T10:00:00.000Z',
        reference: null,
        reference_origin: null,
        metadata: {},
      },
      relationships: {
        customer_group: {
          links: {
            self: `${emulator.url}/api/customers/CusJohnAaa/relationships/customer_group`,
            related: `${emulator.url}/api/customers/CusJohnAaa/customer_group`,
          },
        },
      },
      meta: { mode: 'test', organization_id: 'OrgAcmeXyz' },
    });
  });

  it('retrieves one customer, with its group when include=customer_group', async () => {
    const { call } = await start();
    const reply = await call('GET', '/api/customers/CusBobAaaa?include=customer_group');
    expect(reply.body.data.relationships.customer_group.data).toEqual({ type: 'customer_groups', id: 'GrpGoldAaa' });
    expect(reply.body.included).toHaveLength(1);
    expect(reply.body.included[0]).toMatchObject({ type: 'customer_groups', id: 'GrpGoldAaa', attributes: { name: 'Gold' } });
    expect(reply.body.included[0].relationships.customers.data).toBeUndefined();

    const none = await call('GET', '/api/customers/CusEveAaaa?include=customer_group');
    expect(none.body.data.relationships.customer_group.data).toBeNull();
    expect(none.body.included).toBeUndefined();
    expect((await call('GET', '/api/customers/NoSuchCust')).status).toBe(404);
  });

  it('sets the group with {data:{type,id}} and clears it with {data:null}', async () => {
    const { call, emulator } = await start();
    const set = await call('PATCH', '/api/customers/CusEveAaaa?include=customer_group', setGroup('CusEveAaaa', { type: 'customer_groups', id: 'GrpGoldAaa' }));
    expect(set.status).toBe(200);
    expect(set.body.data.relationships.customer_group.data).toEqual({ type: 'customer_groups', id: 'GrpGoldAaa' });
    expect(emulator.state().customers.find((c) => c.id === 'CusEveAaaa')?.customer_group_id).toBe('GrpGoldAaa');

    const cleared = await call('PATCH', '/api/customers/CusJohnAaa', setGroup('CusJohnAaa', null));
    expect(cleared.status).toBe(200);
    expect(emulator.state().customers.find((c) => c.id === 'CusJohnAaa')?.customer_group_id).toBeNull();
  });

  it('leaves the group alone when a PATCH does not mention it, and lower-cases a new e-mail', async () => {
    const { call, emulator } = await start();
    const reply = await call('PATCH', '/api/customers/CusJohnAaa', {
      data: { type: 'customers', id: 'CusJohnAaa', attributes: { email: 'John.Doe@Example.com', metadata: { vip: true } } },
    });
    expect(reply.body.data.attributes).toMatchObject({ email: 'john.doe@example.com', metadata: { vip: true } });
    expect(emulator.state().customers.find((c) => c.id === 'CusJohnAaa')?.customer_group_id).toBe('GrpVipAaaa');
  });

  it('answers 422 at the relationship for a group that does not exist', async () => {
    const { call } = await start();
    const reply = await call('PATCH', '/api/customers/CusEveAaaa', setGroup('CusEveAaaa', { type: 'customer_groups', id: 'NoSuchGrpx' }));
    expect(reply.status).toBe(422);
    expect(reply.body.errors[0]).toMatchObject({
      title: 'must exist',
      code: 'VALIDATION_ERROR',
      source: { pointer: '/data/relationships/customer_group' },
      status: '422',
    });
  });

  it('refuses a wrong linkage type, a malformed relationship, read-only attributes and a taken e-mail', async () => {
    const { call } = await start();
    const mismatch = await call('PATCH', '/api/customers/CusEveAaaa', setGroup('CusEveAaaa', { type: 'markets', id: 'GrpGoldAaa' }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].code).toBe('TYPE_MISMATCH');

    const bare = await call('PATCH', '/api/customers/CusEveAaaa', {
      data: { type: 'customers', id: 'CusEveAaaa', relationships: { customer_group: { id: 'GrpGoldAaa' } } },
    });
    expect(bare.body.errors[0].code).toBe('INVALID_LINKS_OBJECT');

    const status = await call('PATCH', '/api/customers/CusEveAaaa', { data: { type: 'customers', id: 'CusEveAaaa', attributes: { status: 'repeat' } } });
    expect(status.status).toBe(400);
    expect(status.body.errors[0]).toMatchObject({ code: 'PARAM_NOT_ALLOWED', detail: 'status is not allowed.' });

    const taken = await call('PATCH', '/api/customers/CusEveAaaa', { data: { type: 'customers', id: 'CusEveAaaa', attributes: { email: 'BOB@example.com' } } });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({ title: 'has already been taken', source: { pointer: '/data/attributes/email' } });
  });

  it('keeps filtered lists current across moves, e-mail changes, group deletes and a replaced state, in creation order', async () => {
    const { call, emulator } = await start();
    const ids = async (query: string): Promise<string[]> => (await call('GET', `/api/customers?${query}`)).body.data.map((c: { id: string }) => c.id);
    const vip = 'filter[q][customer_group_id_in]=GrpVipAaaa,GrpNoCodeA';
    // Each list is asked once before the writes, so an answer kept from before a write would show.
    expect(await ids(vip)).toEqual(['CusJohnAaa', 'CusJaneAaa']);
    expect(await ids('filter[q][email_in]=eve@example.com,john@example.com')).toEqual(['CusJohnAaa', 'CusEveAaaa']);
    const patch = (id: string, body: object) => call('PATCH', `/api/customers/${id}`, { data: { type: 'customers', id, ...body } });
    expect((await patch('CusEveAaaa', setGroup('CusEveAaaa', { type: 'customer_groups', id: 'GrpNoCodeA' }).data)).status).toBe(200);
    expect((await patch('CusJohnAaa', { attributes: { email: 'john.doe@example.com' } })).status).toBe(200);
    expect(await ids(vip)).toEqual(['CusJohnAaa', 'CusJaneAaa', 'CusEveAaaa']);
    expect(await ids('filter[q][email_in]=eve@example.com,john@example.com')).toEqual(['CusEveAaaa']);
    expect(await ids('filter[q][email_eq]=john.doe@example.com&filter[q][customer_group_id_eq]=GrpVipAaaa')).toEqual(['CusJohnAaa']);
    // The old address is free again.
    expect((await patch('CusBobAaaa', { attributes: { email: 'john@example.com' } })).status).toBe(200);
    expect((await call('DELETE', '/api/customer_groups/GrpVipAaaa')).status).toBe(204);
    expect(await ids(vip)).toEqual(['CusEveAaaa']);
    expect(await ids('filter[q][customer_group_id_null]=true')).toEqual(['CusJohnAaa', 'CusJaneAaa']);
    emulator.setState(seedState());
    expect(await ids(vip)).toEqual(['CusJohnAaa', 'CusJaneAaa']);
  });

  it('does not model creating or deleting customers (405 with Allow)', async () => {
    const { call } = await start();
    const post = await call('POST', '/api/customers', { data: { type: 'customers', attributes: { email: 'new@example.com' } } });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect((await call('DELETE', '/api/customers/CusEveAaaa')).headers.get('allow')).toBe('GET, PATCH');
  });
});

describe('relationship endpoints', () => {
  it("GET /customer_groups/:id/customers lists the group's members, filterable and paginated", async () => {
    const { call } = await start();
    const reply = await call('GET', '/api/customer_groups/GrpVipAaaa/customers?page[size]=1');
    expect(reply.body.meta).toEqual({ record_count: 2, page_count: 2 });
    expect(reply.body.data[0].id).toBe('CusJohnAaa');
    const filtered = await call('GET', '/api/customer_groups/GrpVipAaaa/customers?filter[q][email_eq]=jane@example.com');
    expect(filtered.body.data.map((c: { id: string }) => c.id)).toEqual(['CusJaneAaa']);
    expect((await call('GET', '/api/customer_groups/NoSuchGrpx/customers')).status).toBe(404);
  });

  it("GET /customers/:id/customer_group returns the customer's group or data: null", async () => {
    const { call } = await start();
    expect((await call('GET', '/api/customers/CusBobAaaa/customer_group')).body.data.id).toBe('GrpGoldAaa');
    expect((await call('GET', '/api/customers/CusEveAaaa/customer_group')).body).toEqual({ data: null });
  });

  it('include=customers on a group lists its members in included', async () => {
    const { call } = await start();
    const reply = await call('GET', '/api/customer_groups/GrpVipAaaa?include=customers');
    expect(reply.body.data.relationships.customers.data).toEqual([
      { type: 'customers', id: 'CusJohnAaa' },
      { type: 'customers', id: 'CusJaneAaa' },
    ]);
    expect(reply.body.included.map((c: { id: string }) => c.id)).toEqual(['CusJohnAaa', 'CusJaneAaa']);
  });
});
