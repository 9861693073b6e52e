// The Xtrakit adapter against the Xtrakit emulator, over HTTP on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { startXtrakitEmulator, type XtrakitEmulator, type XtrakitEmulatorOptions } from '../../../src/emulators/xtrakit/index.js';
import { ApiError, ConfigError } from '../../../src/errors.js';
import { createXtrakit } from '../../../src/providers/xtrakit/index.js';
import { declared, groupChange, instantClock, move, provider } from './helpers.js';

const address = { customer_phone: '+1 555 0100', customer_country: 'US', customer_city: 'Austin', customer_state: 'TX', address1: '1 Main St' };
const seed = {
  customer_groups: [
    { id: 1, group_name: 'VIP', group_description: 'Big spenders' },
    { id: 2, group_name: 'Staff' },
    { id: 3, group_name: 'Legacy' },
  ],
  customers: [
    { id: 10, customer_email: 'Jane@Example.com', customer_name: 'Jane', ...address, customer_zip: '73301', address2: 'Apt 2', customer_group_id: 1 },
    { id: 11, customer_email: 'john@example.com', customer_name: 'John', ...address, customer_group_id: 3 },
    { id: 12, customer_email: 'ann@example.com', customer_name: 'Ann', ...address },
  ],
};

let emulator: XtrakitEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: XtrakitEmulatorOptions = {}): Promise<XtrakitEmulator> {
  emulator = await startXtrakitEmulator({ state: seed, ...options });
  return emulator;
}

const writes = (em: XtrakitEmulator) => em.requests.filter((r) => r.method !== 'GET');

describe('Xtrakit adapter: read', () => {
  it('reads the declared groups by name (ignoring case) or pinned id, and the customers in them or declared', async () => {
    const em = await start();
    const { xk } = provider(em.url);
    // ` vip ` finds VIP (names are unique ignoring case); `staff` is pinned to 2, so Staff is found by its id.
    const groups = [declared('vip', ' vip '), declared('staff', 'Team', '2')];
    const live = await xk.read({ groups, emails: ['ann@example.com', 'nobody@example.com'], allGroups: false });
    expect(live.provider).toBe('xk');
    expect(live.groups).toEqual([
      { id: '1', name: 'VIP', attributes: { name: 'VIP', description: 'Big spenders' }, updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) },
      { id: '2', name: 'Staff', attributes: { name: 'Staff', description: null }, updatedAt: expect.any(String) },
    ]);
    // Jane is in VIP (e-mail lower-cased), Ann is declared; John is in an unmanaged group; nobody@ does not exist.
    expect(live.customers.map((c) => [c.id, c.email, c.groupId])).toEqual([
      ['10', 'jane@example.com', '1'],
      ['12', 'ann@example.com', null],
    ]);
  });

  it('reads the group holding the name a pinned group is renamed to, ignoring case: the plan must see it in the way', async () => {
    const em = await start();
    const { xk } = provider(em.url);
    const live = await xk.read({ groups: [declared('staff', 'LEGACY', '2')], emails: [], allGroups: false });
    expect(live.groups.map((g) => [g.id, g.name])).toEqual([
      ['2', 'Staff'],
      ['3', 'Legacy'],
    ]);
  });

  it('reads every group when asked, and every page of customers', async () => {
    const customers = Array.from({ length: 230 }, (_, i) => ({ customer_email: `c${i}@example.com`, customer_group_id: 2 }));
    const em = await start({ state: { ...seed, customers } });
    const { xk } = provider(em.url);
    const live = await xk.read({ groups: [], emails: [], allGroups: true });
    expect(live.groups.map((g) => g.name)).toEqual(['VIP', 'Staff', 'Legacy']);
    expect(live.customers).toHaveLength(230);
    expect(new Set(live.customers.map((c) => c.id)).size).toBe(230);
    const pages = em.requests
      .filter((r) => r.path === '/api/v1/customers')
      .map((r) => r.query.page)
      .sort();
    expect(pages).toEqual(['1', '2', '3']);
  });
});

describe('Xtrakit adapter: groups', () => {
  it('creates a group with its description and returns the new id', async () => {
    const em = await start();
    const { xk } = provider(em.url);
    const result = await xk.applyGroup(groupChange('create', null, null, { name: 'Gold', description: 'Tier 2' }));
    expect(result).toEqual({ id: '4' });
    expect(em.state().customer_groups.at(-1)).toMatchObject({ id: 4, group_name: 'Gold', group_description: 'Tier 2' });
    expect(writes(em)).toEqual([
      expect.objectContaining({ method: 'POST', path: '/api/v1/customer-groups/add', body: { group_name: 'Gold', group_description: 'Tier 2' } }),
    ]);
  });

  it('updates a description, re-sending the current name; renames keeping an undeclared description', async () => {
    const em = await start();
    const { xk } = provider(em.url);
    await xk.applyGroup(groupChange('update', '1', { description: 'Big spenders' }, { description: 'Over $1000' }));
    await xk.applyGroup(groupChange('update', '2', { name: 'Staff' }, { name: 'Employees' }));
    expect(writes(em).map((r) => r.body)).toEqual([
      { group_name: 'VIP', group_description: 'Over $1000' },
      { group_name: 'Employees', group_description: null },
    ]);
    expect(
      em
        .state()
        .customer_groups.slice(0, 2)
        .map((g) => [g.group_name, g.group_description]),
    ).toEqual([
      ['VIP', 'Over $1000'],
      ['Employees', null],
    ]);
  });

  it('deletes a group; one already gone is done, with a warning', async () => {
    const em = await start();
    const { xk } = provider(em.url);
    expect(await xk.applyGroup(groupChange('delete', '3', { name: 'Legacy' }, null))).toEqual({ id: '3' });
    expect(em.state().customer_groups.map((g) => g.id)).toEqual([1, 2]);
    expect(await xk.applyGroup(groupChange('delete', '3', { name: 'Legacy' }, null))).toEqual({ id: '3', warning: 'group 3 was already gone' });
  });

  it('reports a refused create as an ApiError with the platform message', async () => {
    const em = await start();
    const { xk } = provider(em.url);
    const error = await xk.applyGroup(groupChange('create', null, null, { name: 'vip' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      provider: 'xk',
      method: 'POST',
      path: '/api/v1/customer-groups/add',
      status: 422,
      detail: 'The group name has already been taken.',
    });
  });
});

describe('Xtrakit adapter: memberships', () => {
  it('sets and clears a group, re-sending only the required fields as read', async () => {
    const em = await start();
    const { xk } = provider(em.url);
    const results = await xk.applyMemberships([{ change: move('12', 'ann@example.com', '2'), groupId: '2' }]);
    expect(results.map((r) => r.error)).toEqual([undefined]);
    await xk.applyMemberships([{ change: move('10', 'jane@example.com', null), groupId: null }]);
    expect(writes(em).map((r) => [r.path, r.body])).toEqual([
      ['/api/v1/customers/12', { customer_name: 'Ann', customer_email: 'ann@example.com', ...address, customer_group_id: 2 }],
      [
        '/api/v1/customers/10',
        { customer_name: 'Jane', customer_email: 'Jane@Example.com', ...address, customer_zip: '73301', address2: 'Apt 2', customer_group_id: null },
      ],
    ]);
    const [jane, , ann] = em.state().customers;
    expect(ann!.customer_group_id).toBe(2);
    expect(jane).toMatchObject({
      customer_group_id: null,
      customer_email: 'Jane@Example.com',
      customer_zip: '73301',
      address2: 'Apt 2',
      customer_name: 'Jane',
    });
  });

  it('writes nothing for a customer already where the change wants it', async () => {
    const em = await start();
    const { xk } = provider(em.url);
    const change = move('10', 'jane@example.com', '1');
    // A failed re-read also writes nothing: the result must say success, and the customer must have been read.
    expect(await xk.applyMemberships([{ change, groupId: '1' }])).toEqual([{ change }]);
    expect(em.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /api/v1/customers/10 200']);
  });

  it('after a read, writes each change with one PUT of the record as read, and no GET', async () => {
    const em = await start();
    const { xk } = provider(em.url);
    await xk.read({ groups: [declared('vip', 'VIP')], emails: ['ann@example.com'], allGroups: false });
    const read = em.requests.length;
    await xk.applyMemberships([{ change: move('12', 'ann@example.com', '1'), groupId: '1' }]);
    await xk.applyMemberships([{ change: move('10', 'jane@example.com', null), groupId: null }]);
    await xk.applyGroup(groupChange('update', '1', { description: 'Big spenders' }, { description: 'Over $1000' }));
    expect(em.requests.slice(read).map((r) => [r.method, r.path, r.body])).toEqual([
      ['PUT', '/api/v1/customers/12', { customer_name: 'Ann', customer_email: 'ann@example.com', ...address, customer_group_id: 1 }],
      [
        'PUT',
        '/api/v1/customers/10',
        { customer_name: 'Jane', customer_email: 'Jane@Example.com', ...address, customer_zip: '73301', address2: 'Apt 2', customer_group_id: null },
      ],
      ['PUT', '/api/v1/customer-groups/1', { group_name: 'VIP', group_description: 'Over $1000' }],
    ]);
    // The record the write answered is the one a later edit re-sends: Ann back out, still one call.
    await xk.applyMemberships([{ change: move('12', 'ann@example.com', null), groupId: null }]);
    expect(em.requests.slice(read + 3).map((r) => [r.method, r.body])).toEqual([
      ['PUT', { customer_name: 'Ann', customer_email: 'ann@example.com', ...address, customer_group_id: null }],
    ]);
  });

  it('overwrites a field changed elsewhere since the read (no conditional write exists): the documented trade-off', async () => {
    const em = await start();
    const { xk } = provider(em.url);
    await xk.read({ groups: [], emails: ['ann@example.com'], allGroups: false });
    const edit = await fetch(`${em.url}/api/v1/customers/12`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer sandbox-xk-key', 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ customer_name: 'Ann Renamed', ...address }),
    });
    expect(edit.status).toBe(200);
    await xk.applyMemberships([{ change: move('12', 'ann@example.com', '2'), groupId: '2' }]);
    expect(em.state().customers[2]).toMatchObject({ customer_name: 'Ann', customer_group_id: 2 });
  });

  it('returns a missing customer as a per-item failure', async () => {
    const em = await start();
    const { xk } = provider(em.url);
    const [result] = await xk.applyMemberships([{ change: move('99', 'gone@example.com', '1'), groupId: '1' }]);
    expect(result!.error).toBeInstanceOf(ApiError);
    expect(result!.error).toMatchObject({ status: 404, path: '/api/v1/customers/99', detail: 'Customer not found' });
  });
});

describe('Xtrakit adapter: convergence', () => {
  it('reads back exactly what it applied: the created group, normalized, with its members', async () => {
    const em = await start();
    const { xk } = provider(em.url);
    const gold = { ...declared('gold', 'Gold'), attributes: { name: ' Gold ', description: '' } };
    const scope = { groups: [gold], emails: ['ann@example.com', 'jane@example.com'], allGroups: false };
    expect((await xk.read(scope)).groups).toEqual([]);
    const { id } = await xk.applyGroup(groupChange('create', null, null, xk.normalize(gold.attributes)));
    await xk.applyMemberships([{ change: move('12', 'ann@example.com', id), groupId: id }]);
    await xk.applyMemberships([{ change: move('10', 'jane@example.com', id), groupId: id }]);
    const live = await xk.read(scope);
    expect(live.groups.map((g) => [g.id, g.attributes])).toEqual([[id, xk.normalize(gold.attributes)]]);
    expect(
      live.customers
        .filter((c) => c.groupId === id)
        .map((c) => c.email)
        .sort(),
    ).toEqual(['ann@example.com', 'jane@example.com']);
  });
});

describe('Xtrakit adapter: failures', () => {
  it('refuses an instance without api_key, naming the provider', () => {
    const { instance } = provider('http://127.0.0.1:9');
    expect(() => createXtrakit({ ...instance, secrets: {} }, {})).toThrow(ConfigError);
    expect(() => createXtrakit({ ...instance, secrets: {} }, {})).toThrow(
      expect.objectContaining({ findings: [expect.objectContaining({ message: "provider 'xk' (xtrakit) needs api_key" })] }),
    );
  });

  it('names provider, method and path on a wrong key, and never shows the key', async () => {
    const em = await start({ apiKeys: ['right-key'] });
    const { xk } = provider(em.url, 'wrong-key-123');
    const error = (await xk.read({ groups: [], emails: [], allGroups: true }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ provider: 'xk', method: 'GET', status: 401, detail: 'Unauthorized: Invalid API Key' });
    expect(['/api/v1/customer-groups', '/api/v1/customers']).toContain(error.path);
    expect(error.message).toMatch(/^xk: GET \/api\/v1\/customer(-groups|s) failed \(HTTP 401\): Unauthorized: Invalid API Key$/);
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain('wrong-key-123');
  });

  it('retries injected 500s on reads and membership writes until they succeed', async () => {
    const em = await start({ faultRate: 0.4, faults: { kinds: ['error'] }, seed: 7 });
    const { instance, log } = provider(em.url);
    const xk = createXtrakit(instance, { log: (entry) => log.push(entry) }, { clock: instantClock });
    const live = await xk.read({ groups: [declared('vip', 'VIP')], emails: [], allGroups: false });
    expect(live.customers.map((c) => c.id)).toEqual(['10']);
    const results = await xk.applyMemberships([{ change: move('12', 'ann@example.com', '1'), groupId: '1' }]);
    expect(results[0]!.error).toBeUndefined();
    expect(em.state().customers[2]!.customer_group_id).toBe(1);
    expect(log.some((e) => e.status === 500)).toBe(true);
    expect(log.filter((e) => e.status === 500).every((e) => log.some((later) => later.path === e.path && later.attempt > e.attempt))).toBe(true);
  });
});
