// What the adapter puts on the wire, checked against Commerce Layer's documentation with a scripted server
// (the emulator tests in adapter.test.ts check behaviour end to end).
import { afterEach, describe, expect, it } from 'vitest';
import { createCommerceLayer } from '../../../src/providers/commercelayer/index.js';
import { Secret, type DesiredGroup, type GroupChange, type MembershipChange, type ProviderInstance } from '../../../src/model.js';
import type { HttpLogEntry } from '../../../src/http/log.js';
import { fakeClock, json, startServer, type Handler, type Received, type TestServer } from '../../http/helpers.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const JSONAPI = { 'content-type': 'application/vnd.api+json' };

function instance(url: string): ProviderInstance {
  return {
    name: 'cl',
    type: 'commercelayer',
    settings: { base_url: url, auth_url: url, client_id: 'my-client' },
    secrets: { client_secret: new Secret('my-secret') },
    prune: false,
    ignore: [],
    safety: { maxGroupChangeShare: 1, maxMemberRemoveShare: 1, minObjects: 10 },
  };
}

function params(req: Received): Record<string, string> {
  return Object.fromEntries(new URL(req.url, 'http://x').searchParams);
}

async function adapter(api: Handler) {
  let tokens = 0;
  server = await startServer((req, res) => {
    if (req.url === '/oauth/token') return json(res, 200, { access_token: `tok-${++tokens}`, token_type: 'bearer', expires_in: 7200 });
    return api(req, res);
  });
  const log: HttpLogEntry[] = [];
  const provider = createCommerceLayer(instance(server.url), { log: (e) => log.push(e) }, { clock: fakeClock() });
  return { provider, received: server.received, log };
}

const group = (key: string, pinnedId?: string): DesiredGroup => ({
  key,
  provider: 'cl',
  attributes: { name: key },
  members: [],
  membership: 'authoritative',
  protect: false,
  ...(pinnedId ? { pinnedId } : {}),
});

const customer = (id: string, groupId: string | null) => ({
  id,
  type: 'customers',
  attributes: { email: `${id}@example.com` },
  relationships: { customer_group: { data: groupId ? { type: 'customer_groups', id: groupId } : null } },
});

describe('Commerce Layer adapter on the wire', () => {
  it('gets one token with the client credentials, then reuses it with the JSON:API media type', async () => {
    const { provider, received } = await adapter((_q, res) => json(res, 200, { data: [], meta: { page_count: 0 } }, JSONAPI));
    await provider.read({ groups: [group('vip')], emails: [], allGroups: false });
    await provider.read({ groups: [group('vip')], emails: [], allGroups: false });
    const [auth, ...calls] = received;
    expect(auth!.method).toBe('POST');
    expect(JSON.parse(auth!.body)).toEqual({ grant_type: 'client_credentials', client_id: 'my-client', client_secret: 'my-secret' });
    expect(auth!.headers['content-type']).toBe('application/json');
    expect(calls.length).toBe(2);
    for (const call of calls) {
      expect(call.headers.authorization).toBe('Bearer tok-1');
      expect(call.headers.accept).toBe('application/vnd.api+json');
    }
  });

  it('reads the declared groups and customers only, with filters, sparse fields and pages of 25', async () => {
    const { provider, received } = await adapter((req, res) => {
      const q = params(req);
      if (req.url.startsWith('/api/customer_groups')) {
        const data = q['filter[q][code_in]']
          ? [{ id: 'g1', type: 'customer_groups', attributes: { name: 'VIP', code: 'vip', metadata: {} } }]
          : [{ id: 'g2', type: 'customer_groups', attributes: { name: 'Pinned', code: null, metadata: {} } }];
        return json(res, 200, { data, meta: { page_count: 1, record_count: 1 } }, JSONAPI);
      }
      if (q['filter[q][customer_group_id_in]']) {
        const page = Number(q['page[number]']);
        return json(res, 200, { data: [customer(`m${page}`, 'g1')], meta: { page_count: 3, record_count: 51 } }, JSONAPI);
      }
      const emails = q['filter[q][email_in]']!.split(',');
      const data = emails.slice(0, 1).map((e) => customer(e.split('@')[0]!, null));
      return json(res, 200, { data, meta: { page_count: 1 } }, JSONAPI);
    });
    const emails = Array.from({ length: 30 }, (_, i) => `d${i}@example.com`);
    const live = await provider.read({ groups: [group('vip'), group('pinned', 'g2')], emails, allGroups: false });

    expect(live.groups.map((g) => [g.id, g.code])).toEqual([
      ['g1', 'vip'],
      ['g2', null],
    ]);
    expect(live.customers.map((c) => [c.id, c.groupId])).toEqual([
      ['m1', 'g1'],
      ['m2', 'g1'],
      ['m3', 'g1'],
      ['d0', null],
      ['d25', null],
    ]);

    const calls = received.filter((r) => r.url.startsWith('/api/')).map(params);
    const groupCalls = calls.filter((q) => q['fields[customer_groups]']?.includes('reference'));
    expect(groupCalls.map((q) => q['filter[q][code_in]'] ?? q['filter[q][id_in]']).sort()).toEqual(['g2', 'vip']);
    const customerCalls = calls.filter((q) => q.include === 'customer_group');
    expect(customerCalls).toHaveLength(3 + 2); // three pages of members; 25 + 5 e-mails
    for (const q of [...groupCalls, ...customerCalls]) expect(q['page[size]']).toBe('25');
    for (const q of customerCalls) expect(q['fields[customers]']).toBe('email,updated_at,customer_group');
    expect(customerCalls.filter((q) => q['filter[q][email_in]']).map((q) => q['filter[q][email_in]']!.split(',').length)).toEqual(
      expect.arrayContaining([25, 5]),
    );
    expect(received.some((r) => r.url.startsWith('/api/customers') && !r.url.includes('filter'))).toBe(false);
  });

  it('creates with the key as code, patches only what changed, deletes by id', async () => {
    const { provider, received } = await adapter((req, res) => {
      if (req.method === 'DELETE') return void res.writeHead(204).end();
      const status = req.method === 'POST' ? 201 : 200;
      return json(res, status, { data: { id: 'g9', type: 'customer_groups', attributes: {} } }, JSONAPI);
    });
    const change = (action: GroupChange['action'], before: GroupChange['before'], after: GroupChange['after']): GroupChange => ({
      kind: 'group',
      action,
      address: 'cl/vip',
      provider: 'cl',
      key: 'vip',
      id: action === 'create' ? null : 'g9',
      before,
      after,
    });
    expect(await provider.applyGroup(change('create', null, { name: 'VIP', metadata: { tier: 'gold' } }))).toEqual({ id: 'g9' });
    await provider.applyGroup(change('update', { name: 'VIP', metadata: { a: 1 } }, { name: 'V.I.P.', metadata: { a: 1 } }));
    await provider.applyGroup(change('delete', { name: 'V.I.P.' }, null));

    const [create, update, remove] = received.filter((r) => r.url.startsWith('/api/'));
    expect([create!.method, create!.url]).toEqual(['POST', '/api/customer_groups']);
    expect(create!.headers['content-type']).toBe('application/vnd.api+json');
    expect(JSON.parse(create!.body)).toEqual({
      data: { type: 'customer_groups', attributes: { name: 'VIP', metadata: { tier: 'gold' }, code: 'vip' } },
    });
    expect([update!.method, update!.url]).toEqual(['PATCH', '/api/customer_groups/g9']);
    expect(JSON.parse(update!.body)).toEqual({ data: { type: 'customer_groups', id: 'g9', attributes: { name: 'V.I.P.' } } });
    expect([remove!.method, remove!.url]).toEqual(['DELETE', '/api/customer_groups/g9']);
  });

  it('sets and clears membership with one PATCH per customer, failures as data', async () => {
    const { provider, received } = await adapter((req, res) =>
      req.url.startsWith('/api/customers/bad')
        ? json(
            res,
            404,
            { errors: [{ title: 'Record not found', detail: 'The requested resource was not found.', code: 'RECORD_NOT_FOUND', status: '404' }] },
            JSONAPI,
          )
        : json(res, 200, { data: customer('x', null) }, JSONAPI),
    );
    const move = (customerId: string): MembershipChange => ({
      kind: 'membership',
      action: 'update',
      address: `cl/members/${customerId}`,
      provider: 'cl',
      customerId,
      email: `${customerId}@example.com`,
      before: null,
      after: null,
    });
    const results = await provider.applyMemberships([
      { change: move('c1'), groupId: 'g1' },
      { change: move('c2'), groupId: null },
      { change: move('bad'), groupId: 'g1' },
    ]);
    const bodies = received.filter((r) => r.method === 'PATCH').map((r) => [r.url.split('?')[0], JSON.parse(r.body)]);
    expect(bodies).toEqual(
      expect.arrayContaining([
        ['/api/customers/c1', { data: { type: 'customers', id: 'c1', relationships: { customer_group: { data: { type: 'customer_groups', id: 'g1' } } } } }],
        ['/api/customers/c2', { data: { type: 'customers', id: 'c2', relationships: { customer_group: { data: null } } } }],
      ]),
    );
    expect(results.map((r) => r.error?.message)).toEqual([
      undefined,
      undefined,
      'cl: PATCH /api/customers/bad failed (HTTP 404): The requested resource was not found.',
    ]);
  });

  it('names a missing setting', () => {
    const broken = { ...instance('http://127.0.0.1:1'), settings: { base_url: 'http://127.0.0.1:1' }, secrets: {} };
    expect(() => createCommerceLayer(broken, {})).toThrow('2 errors in the configuration');
    try {
      createCommerceLayer(broken, {});
    } catch (error) {
      expect((error as { findings: { message: string }[] }).findings.map((f) => f.message)).toEqual([
        "provider 'cl' (commercelayer) needs client_id",
        "provider 'cl' (commercelayer) needs client_secret",
      ]);
    }
  });
});
