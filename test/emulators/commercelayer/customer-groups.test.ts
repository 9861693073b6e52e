import { describe, expect, it } from 'vitest';
import { fakeClock, useSessions } from './harness.js';

const start = useSessions();

const create = (attributes: Record<string, unknown>) => ({ data: { type: 'customer_groups', attributes, relationships: {} } });

describe('customer_groups', () => {
  it('lists groups as JSON:API resource objects', async () => {
    const { call, emulator } = await start();
    const reply = await call('GET', '/api/customer_groups');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/vnd.api+json');
    expect(reply.body.data.map((g: { id: string }) => g.id)).toEqual(['GrpVipAaaa', 'GrpGoldAaa', 'GrpNoCodeA']);
    expect(reply.body.data[0]).toEqual({
      id: 'GrpVipAaaa',
      type: 'customer_groups',
      links: { self: `${emulator.url}/api/customer_groups/GrpVipAaaa` },
      attributes: {
        name: 'VIP',
        code: 'vip',
        created_at: '2024-06-01T10:00:00.000Z',
        updated_at: '2024-06-01T10:00:00.000Z',
        reference: null,
        reference_origin: null,
        metadata: {},
      },
      relationships: {
        customers: {
          links: {
            self: `${emulator.url}/api/customer_groups/GrpVipAaaa/relationships/customers`,
            related: `${emulator.url}/api/customer_groups/GrpVipAaaa/customers`,
          },
        },
      },
      meta: { mode: 'test', organization_id: 'OrgAcmeXyz' },
    });
  });

  it('retrieves one group, and answers 404 RECORD_NOT_FOUND for an unknown id', async () => {
    const { call } = await start();
    expect((await call('GET', '/api/customer_groups/GrpGoldAaa')).body.data.attributes.name).toBe('Gold');
    const missing = await call('GET', '/api/customer_groups/NoSuchGrpx');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      errors: [
        {
          title: 'Record not found',
          detail: 'The requested resource was not found. Please double-check the resource id.',
          code: 'RECORD_NOT_FOUND',
          status: '404',
        },
      ],
    });
  });

  it('creates a group: 201, a new 10-letter id, timestamps from the clock', async () => {
    const clock = fakeClock(Date.parse('2025-03-04T05:06:07Z'));
    const { call, emulator } = await start({ now: clock.now });
    const reply = await call('POST', '/api/customer_groups', create({ name: 'Wholesale', code: 'wholesale', metadata: { tier: 2 } }));
    expect(reply.status).toBe(201);
    const { id, attributes } = reply.body.data;
    expect(id).toMatch(/^[A-Za-z]{10}$/);
    expect(attributes).toMatchObject({
      name: 'Wholesale',
      code: 'wholesale',
      metadata: { tier: 2 },
      reference: null,
      created_at: '2025-03-04T05:06:07.000Z',
      updated_at: '2025-03-04T05:06:07.000Z',
    });
    expect(emulator.state().customer_groups.find((g) => g.id === id)?.name).toBe('Wholesale');
  });

  it('updates only the attributes sent, with PATCH → 200', async () => {
    const clock = fakeClock(Date.parse('2025-03-04T05:06:07Z'));
    const { call } = await start({ now: clock.now });
    const reply = await call('PATCH', '/api/customer_groups/GrpVipAaaa', {
      data: { type: 'customer_groups', id: 'GrpVipAaaa', attributes: { name: 'Very Important', reference: 'crm-1' } },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data.attributes).toMatchObject({
      name: 'Very Important',
      code: 'vip',
      reference: 'crm-1',
      created_at: '2024-06-01T10:00:00.000Z',
      updated_at: '2025-03-04T05:06:07.000Z',
    });
  });

  it('leaves updated_at and onChange alone when a PATCH changes nothing', async () => {
    const clock = fakeClock(Date.parse('2025-03-04T05:06:07Z'));
    let changes = 0;
    const { call } = await start({ now: clock.now, onChange: () => changes++ });
    const reply = await call('PATCH', '/api/customer_groups/GrpVipAaaa', {
      data: { type: 'customer_groups', id: 'GrpVipAaaa', attributes: { name: 'VIP', code: 'vip' } },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data.attributes.updated_at).toBe('2024-06-01T10:00:00.000Z');
    expect(changes).toBe(0);
  });

  it('deletes a group with 204 and, by default, leaves its customers with no group', async () => {
    const { call, emulator } = await start();
    const reply = await call('DELETE', '/api/customer_groups/GrpVipAaaa');
    expect(reply.status).toBe(204);
    expect(reply.body).toBeUndefined();
    expect((await call('GET', '/api/customer_groups/GrpVipAaaa')).status).toBe(404);
    const john = emulator.state().customers.find((c) => c.id === 'CusJohnAaa');
    expect(john?.customer_group_id).toBeNull();
  });

  it("answers 423 Locked for a group with customers under groupDeletion: 'lock'", async () => {
    const { call, emulator } = await start({ groupDeletion: 'lock' });
    const reply = await call('DELETE', '/api/customer_groups/GrpVipAaaa');
    expect(reply.status).toBe(423);
    expect(reply.body.errors[0]).toMatchObject({ code: 'LOCKED', status: '423' });
    expect(emulator.state().customer_groups).toHaveLength(3);
    expect((await call('DELETE', '/api/customer_groups/GrpNoCodeA')).status).toBe(204);
  });
});

describe('customer_groups validation', () => {
  it.each([
    ['the same code', 'vip'],
    ['the code in another case', 'VIP'],
    ['an existing code in another case', 'gold'],
  ])('refuses %s with 422 pointing at code', async (_case, code) => {
    const { call } = await start();
    const reply = await call('POST', '/api/customer_groups', create({ name: 'Dup', code }));
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([
      {
        title: 'has already been taken',
        detail: 'code - has already been taken',
        code: 'VALIDATION_ERROR',
        source: { pointer: '/data/attributes/code' },
        status: '422',
        meta: { error: 'taken', value: code },
      },
    ]);
  });

  it('refuses a code taken by another group on update, but not the group keeping its own code', async () => {
    const { call } = await start();
    const patch = (code: string) => ({ data: { type: 'customer_groups', id: 'GrpGoldAaa', attributes: { code } } });
    expect((await call('PATCH', '/api/customer_groups/GrpGoldAaa', patch('Vip'))).status).toBe(422);
    expect((await call('PATCH', '/api/customer_groups/GrpGoldAaa', patch('GOLD'))).status).toBe(200);
  });

  it('refuses codes over 25 characters or with other characters, and a blank name, all at once', async () => {
    const { call } = await start();
    const long = await call('POST', '/api/customer_groups', create({ name: ' ', code: 'a'.repeat(26) }));
    expect(long.status).toBe(422);
    expect(long.body.errors.map((e: { source: { pointer: string }; meta: { error: string } }) => [e.source.pointer, e.meta.error])).toEqual([
      ['/data/attributes/name', 'blank'],
      ['/data/attributes/code', 'too_long'],
    ]);
    expect((await call('POST', '/api/customer_groups', create({ name: 'ok', code: 'a'.repeat(25) }))).status).toBe(201);
    const spaced = await call('POST', '/api/customer_groups', create({ name: 'x', code: 'has space' }));
    expect(spaced.body.errors[0]).toMatchObject({ title: 'is invalid', source: { pointer: '/data/attributes/code' } });
    const nameless = await call('POST', '/api/customer_groups', create({ code: 'nameless' }));
    expect(nameless.body.errors[0]).toMatchObject({ detail: "name - can't be blank", status: '422' });
  });

  it('refuses a client-chosen id, a wrong type, and unknown or read-only attributes with 400', async () => {
    const { call } = await start();
    const withId = await call('POST', '/api/customer_groups', { data: { type: 'customer_groups', id: 'MineAaaaaa', attributes: { name: 'x' } } });
    expect(withId.status).toBe(400);
    expect(withId.body.errors[0]).toMatchObject({ code: 'PARAM_NOT_ALLOWED', detail: 'id is not allowed.' });

    const wrongType = await call('POST', '/api/customer_groups', { data: { type: 'customers', attributes: { name: 'x' } } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0]).toMatchObject({ code: 'INVALID_RESOURCE', detail: 'customers is not a valid resource.' });

    const unknown = await call('POST', '/api/customer_groups', create({ name: 'x', colour: 'red', created_at: 'now' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { detail: string }) => e.detail)).toEqual(['colour is not allowed.', 'created_at is not allowed.']);

    const badValue = await call('POST', '/api/customer_groups', create({ name: 42 }));
    expect(badValue.body.errors[0]).toMatchObject({ code: 'INVALID_FIELD_VALUE', status: '400' });
  });

  it('refuses an update whose id is missing or differs from the URL', async () => {
    const { call } = await start();
    const other = await call('PATCH', '/api/customer_groups/GrpVipAaaa', { data: { type: 'customer_groups', id: 'GrpGoldAaa', attributes: {} } });
    expect(other.status).toBe(400);
    expect(other.body.errors[0]).toEqual({
      title: 'Key is not included in URL',
      detail: 'The URL does not support the key GrpGoldAaa',
      code: 'KEY_NOT_INCLUDED_IN_URL',
      status: '400',
    });
    const none = await call('PATCH', '/api/customer_groups/GrpVipAaaa', { data: { type: 'customer_groups', attributes: {} } });
    expect(none.status).toBe(400);
    expect(none.body.errors[0].code).toBe('KEY_ORDER_MISMATCH');
  });

  it('answers 400 for a body that is not JSON or has no data', async () => {
    const { call } = await start();
    expect((await call('POST', '/api/customer_groups', '{not json')).status).toBe(400);
    const noData = await call('POST', '/api/customer_groups', { name: 'x' });
    expect(noData.status).toBe(400);
    expect(noData.body.errors[0].code).toBe('PARAM_MISSING');
  });
});
