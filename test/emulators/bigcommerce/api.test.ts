import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator, type BigCommerceEmulator, type BigCommerceState } from '../../../src/emulators/bigcommerce/index.js';
import { client, seededState } from './helpers.js';

let bc: BigCommerceEmulator | undefined;
afterEach(() => bc?.close());

describe('BigCommerce API gate', () => {
  it('needs the right X-Auth-Token for the store, answering 401 otherwise', async () => {
    bc = await startBigCommerceEmulator({
      stores: [
        { storeHash: 'abc', accessToken: 'right' },
        { storeHash: 'def', accessToken: 'other' },
      ],
    });
    expect((await client(bc.url, 'abc', 'right')('GET', '/v2/customer_groups')).status).toBe(200);
    expect(await client(bc.url, 'abc', 'wrong')('GET', '/v2/customer_groups')).toMatchObject({ status: 401, body: [{ status: 401 }] });
    expect(await client(bc.url, 'abc', 'other')('GET', '/v3/customers')).toMatchObject({ status: 401, body: { status: 401 } });
    expect((await client(bc.url, 'nostore', 'right')('GET', '/v2/customer_groups')).status).toBe(401);
    const res = await fetch(`${bc.url}/stores/abc/v2/customer_groups`);
    expect(res.status).toBe(401);
  });

  it('keeps the stores of one server apart', async () => {
    bc = await startBigCommerceEmulator({ state: seededState() });
    const second = client(bc.url, 'sandbox2', 'sandbox-bc-token-2');
    expect((await second('POST', '/v2/customer_groups', { name: 'VIP' })).status).toBe(200);
    expect((await second('GET', '/v2/customer_groups')).body).toMatchObject([{ id: 1, name: 'VIP' }]);
    expect((await client(bc.url)('GET', '/v2/customer_groups/count')).body).toEqual({ count: 2 });
  });

  it('sends the four rate-limit headers, and 429 with reset and retry-after past the quota', async () => {
    let now = 0;
    bc = await startBigCommerceEmulator({ quota: 3, windowMs: 30_000, now: () => now });
    const call = client(bc.url);
    const first = await call('GET', '/v2/customer_groups');
    expect(Object.fromEntries([...first.headers].filter(([k]) => k.startsWith('x-rate-limit')))).toEqual({
      'x-rate-limit-time-window-ms': '30000',
      'x-rate-limit-time-reset-ms': '30000',
      'x-rate-limit-requests-quota': '3',
      'x-rate-limit-requests-left': '2',
    });
    now = 5_000;
    expect((await call('GET', '/v3/customers')).headers.get('x-rate-limit-requests-left')).toBe('1');
    expect((await call('GET', '/v2/customer_groups/count')).status).toBe(200);
    const limited = await call('GET', '/v3/customers');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-time-reset-ms')).toBe('25000');
    expect(limited.headers.get('x-retry-after')).toBe('25');
    expect(limited.body).toMatchObject({ status: 429 });
    expect((await call('GET', '/v2/customer_groups')).body).toMatchObject([{ status: 429 }]);
    now = 30_000;
    expect((await call('GET', '/v2/customer_groups')).status).toBe(200);
  });

  it('answers unknown paths 404 and other methods 405, in the version’s error shape', async () => {
    bc = await startBigCommerceEmulator();
    const call = client(bc.url);
    expect(await call('GET', '/v3/orders')).toMatchObject({ status: 404, body: { status: 404 } });
    expect(await call('PATCH', '/v2/customer_groups/1')).toMatchObject({ status: 405, body: [{ status: 405 }] });
  });

  it('injects faults with the v2 error body, never on /_emulator/state', async () => {
    bc = await startBigCommerceEmulator({ faultRate: 1, faults: { kinds: ['error'] }, seed: 7 });
    expect(await client(bc.url)('GET', '/v3/customers')).toMatchObject({ status: 500, body: [{ status: 500 }] });
    expect((await fetch(`${bc.url}/_emulator/state`)).status).toBe(200);
  });

  it('serves and replaces its state on /_emulator/state, refusing broken states', async () => {
    const changes: unknown[] = [];
    bc = await startBigCommerceEmulator({ onChange: (s) => changes.push(s) });
    const put = (body: unknown) => fetch(`${bc!.url}/_emulator/state`, { method: 'PUT', body: JSON.stringify(body) });
    expect((await put(seededState())).status).toBe(200);
    expect(changes).toHaveLength(1);
    const state = (await (await fetch(`${bc.url}/_emulator/state`)).json()) as BigCommerceState;
    expect(state.stores.sandbox1!.customers).toHaveLength(5);
    expect(state.stores.sandbox2).toEqual({ customer_groups: [], customers: [] });
    const broken = seededState();
    broken.stores.sandbox1!.customers[0]!.customer_group_id = 42;
    const refused = await put(broken);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { issues: string[] }).issues).toEqual(['store sandbox1: customer 1 is in group 42, which does not exist']);
    expect((await put({ stores: { x: { customer_groups: [{ id: 'one' }], customers: [] } } })).status).toBe(400);
    await client(bc.url)('DELETE', '/v2/customer_groups/1');
    expect(changes).toHaveLength(2);
    expect(() => bc!.setState({ stores: { s: { customer_groups: [], customers: [] } }, extra: 1 } as never)).toThrow(/invalid/);
  });
});
