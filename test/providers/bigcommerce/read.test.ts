import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator, type BigCommerceEmulator } from '../../../src/emulators/bigcommerce/index.js';
import { readCalls } from '../../../src/plan/cost.js';
import { createBigCommerceProvider } from '../../../src/providers/bigcommerce/index.js';
import { bcInstance, declared, fakeClock, storeState } from './helpers.js';

let bc: BigCommerceEmulator | undefined;
afterEach(async () => {
  await bc?.close();
  bc = undefined;
});

const names = (state: { groups: { name: string }[] }) => state.groups.map((g) => g.name).sort();

describe('BigCommerce read', () => {
  it('reads the declared groups by name and pinned id, their members and the declared customers', async () => {
    bc = await startBigCommerceEmulator({ state: storeState(4, 9) });
    const provider = createBigCommerceProvider(bcInstance(bc.url), {});
    const live = await provider.read({
      groups: [declared('one', { name: 'Group 1' }), declared('renamed', { name: 'Renamed' }, { pinnedId: '2' }), declared('new', { name: 'New' })],
      emails: ['customer7@example.com', 'CUSTOMER3@example.com', 'nobody@example.com'],
      allGroups: false,
    });
    expect(names(live)).toEqual(['Group 1', 'Group 2']);
    expect(live.groups.find((g) => g.id === '2')!.attributes).toEqual({
      name: 'Group 2',
      is_default: false,
      is_group_for_guests: false,
      category_access: { type: 'all' },
      discount_rules: [],
    });
    // Members of groups 1 and 2: customers 2, 3, 5, 6, 8, 9; and declared customer 7, in no group.
    const byId = Object.fromEntries(live.customers.map((c) => [c.id, c.groupId]));
    expect(byId).toEqual({ '2': '1', '3': '2', '5': '1', '6': '2', '7': null, '8': '1', '9': '2' });
    expect(bc.requests.map((r) => `${r.method} ${r.path.replace('/stores/sandbox1', '')}`)).toEqual([
      'GET /v2/customer_groups',
      'GET /v3/customers',
      'GET /v3/customers',
    ]);
    expect(bc.requests[0]!.query).toEqual({ page: '1', limit: '250' });
    // Customer 3 came with its group's members: only the e-mails those pages did not bring are looked up.
    expect(bc.requests[2]!.query['email:in']).toBe('customer7@example.com,nobody@example.com');
  });

  it("keeps customers' modification times only when the read asks for them (drift does, a plan does not)", async () => {
    bc = await startBigCommerceEmulator({ state: storeState(2, 4) });
    const provider = createBigCommerceProvider(bcInstance(bc.url), {});
    const scope = { groups: [declared('one', { name: 'Group 1' })], emails: ['customer3@example.com'], allGroups: false };
    const plain = await provider.read(scope);
    expect(plain.customers.length).toBeGreaterThan(1);
    expect(plain.customers.every((c) => !('updatedAt' in c))).toBe(true);
    const timed = await provider.read({ ...scope, customerTimes: true });
    expect(timed.customers.map((c) => c.updatedAt)).toEqual(plain.customers.map(() => '2024-01-02T03:04:05Z'));
  });

  it("looks up no e-mail when the groups' members hold every declared customer", async () => {
    bc = await startBigCommerceEmulator({ state: storeState(4, 9) });
    const live = await createBigCommerceProvider(bcInstance(bc.url), {}).read({
      groups: [declared('one', { name: 'Group 1' })],
      emails: ['customer2@example.com', 'customer5@example.com'],
      allGroups: false,
    });
    expect(live.customers.map((c) => c.id).sort()).toEqual(['2', '5', '8']);
    expect(bc.requests.filter((r) => r.query['email:in'] !== undefined)).toEqual([]);
  });

  it('reads the group holding the name a pinned group is renamed to: the plan must see it in the way', async () => {
    bc = await startBigCommerceEmulator({ state: storeState(4, 0) });
    const live = await createBigCommerceProvider(bcInstance(bc.url), {}).read({
      groups: [declared('renamed', { name: 'Group 3' }, { pinnedId: '2' })],
      emails: [],
      allGroups: false,
    });
    expect(names(live)).toEqual(['Group 2', 'Group 3']);
  });

  it('reads every group and every member group when asked for all', async () => {
    bc = await startBigCommerceEmulator({ state: storeState(3, 6) });
    const live = await createBigCommerceProvider(bcInstance(bc.url), {}).read({ groups: [], emails: [], allGroups: true });
    expect(names(live)).toEqual(['Group 1', 'Group 2', 'Group 3']);
    expect(bc.requests.find((r) => r.path.endsWith('/v3/customers'))!.query['customer_group_id:in']).toBe('1,2,3');
  });

  it('keeps once a customer who moved between two lists of groups while they were read', async () => {
    // 101 groups: their members come in two lists (100 ids a list); customer 7 moved from group 1 to group 101 in between.
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const json = (body: unknown) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      if (url.pathname === '/stores/s/v2/customer_groups') return json(Array.from({ length: 101 }, (_, i) => ({ id: i + 1, name: `Group ${i + 1}` })));
      const ids = url.searchParams.get('customer_group_id:in')?.split(',') ?? [];
      const moved = { id: 7, email: 'seven@example.com', customer_group_id: ids.includes('1') ? 1 : 101 };
      return json({ data: ids.includes('1') || ids.includes('101') ? [moved] : [], meta: { pagination: { total_pages: 1 } } });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const live = await createBigCommerceProvider(bcInstance(url, { hash: 's' }), {}).read({
        groups: Array.from({ length: 101 }, (_, i) => declared(`g${i + 1}`, { name: `Group ${i + 1}` })),
        emails: [],
        allGroups: false,
      });
      expect(live.customers.map((c) => c.id)).toEqual(['7']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('falls back to name filters and retrieves past 250 groups, and counts pages for a full read', async () => {
    bc = await startBigCommerceEmulator({ state: storeState(600, 0) });
    const provider = createBigCommerceProvider(bcInstance(bc.url), {});
    const groups = [
      declared('a', { name: 'Group 3' }),
      declared('b', { name: 'Group 580' }),
      declared('c', { name: 'x' }, { pinnedId: '599' }),
      declared('d', { name: 'y' }, { pinnedId: '9999' }),
      declared('e', { name: 'z' }, { pinnedId: '7' }),
    ];
    const live = await provider.read({ groups, emails: [], allGroups: false });
    // The plan's estimate counts what the read called: the first page, five names, two pinned ids not on that
    // page (7 is), the members' list.
    expect(readCalls(provider.capabilities.cost.read, groups, false, live)).toBe(bc.requests.length);
    expect(bc.requests).toHaveLength(1 + 5 + 2 + 1);
    expect(names(live)).toEqual(['Group 3', 'Group 580', 'Group 599', 'Group 7']);
    const queries = bc.requests.filter((r) => r.path.endsWith('/customer_groups')).map((r) => r.query);
    expect(queries).toContainEqual({ name: 'Group 580', limit: '250' });
    expect(bc.requests.some((r) => r.path.endsWith('/customer_groups/9999') && r.status === 404)).toBe(true);

    const before = bc.requests.length;
    const all = await provider.read({ groups: [], emails: [], allGroups: true });
    expect(all.groups).toHaveLength(600);
    expect(bc.requests.some((r) => r.path.endsWith('/customer_groups/count'))).toBe(true);
    // The first page, the count, pages 2 and 3, the members' list of 600 groups in 6 lists of 100 ids.
    expect(readCalls(provider.capabilities.cost.read, [], true, all)).toBe(bc.requests.length - before);
  });

  it('pages members 250 at a time and keeps e-mail filters under 2,000 characters', async () => {
    bc = await startBigCommerceEmulator({ state: storeState(1, 600, 1) });
    const emails = Array.from({ length: 200 }, (_, i) => `customer${i * 2 + 1}@example.com`);
    const live = await createBigCommerceProvider(bcInstance(bc.url), {}).read({ groups: [declared('g', { name: 'Group 1' })], emails, allGroups: false });
    // Customers 2, 4, …, 600 are members; 1, 3, …, 399 are declared.
    expect(live.customers).toHaveLength(300 + 200);
    const memberPages = bc.requests.filter((r) => r.query['customer_group_id:in']).map((r) => [r.query.page, r.query.limit]);
    expect(memberPages).toEqual([
      ['1', '250'],
      ['2', '250'],
    ]);
    const emailCalls = bc.requests.filter((r) => r.query['email:in']);
    expect(emailCalls.length).toBeGreaterThan(1);
    for (const call of emailCalls) {
      const url = `${bc.url}${call.path}?${new URLSearchParams(call.query)}`;
      expect(url.length).toBeLessThanOrEqual(2000);
    }
    expect(emailCalls.flatMap((c) => c.query['email:in']!.split(',')).sort()).toEqual([...emails].sort());
  });

  it('takes a 204 No Content list as empty', async () => {
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/stores/s/v2/customer_groups')) res.writeHead(204).end();
      else res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ data: [], meta: { pagination: { total_pages: 0 } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const live = await createBigCommerceProvider(bcInstance(url, { hash: 's' }), {}).read({
        groups: [declared('g', { name: 'G' })],
        emails: ['a@b.c'],
        allGroups: false,
      });
      expect(live).toEqual({ provider: 'bc', groups: [], customers: [], groupNames: {} });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('waits out a 429 for the longer of Time-Reset-Ms and X-Retry-After', async () => {
    const time = fakeClock();
    bc = await startBigCommerceEmulator({ state: storeState(2, 4), quota: 3, windowMs: 30_000, now: time.now });
    // Another app of the store spends the quota; half a second later, the read starts.
    for (let i = 0; i < 3; i++) await fetch(`${bc.url}/stores/sandbox1/v2/customer_groups/count`, { headers: { 'X-Auth-Token': 'sandbox-bc-token' } });
    time.advance(500);
    const waits: string[] = [];
    const provider = createBigCommerceProvider(bcInstance(bc.url), { onWait: (m) => waits.push(m) }, { clock: time.clock });
    const live = await provider.read({ groups: [declared('g', { name: 'Group 1' })], emails: [], allGroups: false });
    expect(names(live)).toEqual(['Group 1']);
    // Reset in 29.5 s, X-Retry-After 30 s: the longer one is waited.
    expect(time.waits[0]).toBe(30_000);
    expect(waits[0]).toMatch(/HTTP 429/);
    expect(bc.requests.filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('slows down as Requests-Left falls, so a long read meets no 429', async () => {
    // Real time, with a short window: the store's own reset times steer the client.
    bc = await startBigCommerceEmulator({ state: storeState(1, 0), quota: 10, windowMs: 400 });
    const emails = Array.from({ length: 2500 }, (_, i) => `someone${i}@example.com`);
    await createBigCommerceProvider(bcInstance(bc.url), {}).read({ groups: [declared('g', { name: 'Group 1' })], emails, allGroups: false });
    // More calls than three windows' quota: the read had to spread over several windows.
    expect(bc.requests.length).toBeGreaterThan(30);
    expect(bc.requests.filter((r) => r.status === 429)).toEqual([]);
  });
});
