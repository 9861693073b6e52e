import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator, type BigCommerceEmulator, type BigCommerceState } from '../../../src/emulators/bigcommerce/index.js';
import { client, seededState } from './helpers.js';

let bc: BigCommerceEmulator;
let call: ReturnType<typeof client>;

beforeEach(async () => {
  bc = await startBigCommerceEmulator({ state: seededState() });
  call = client(bc.url);
});
afterEach(() => bc.close());

describe('v2 customer_groups', () => {
  it('lists a bare array by id, with exact name and name:like filters and paging', async () => {
    for (const name of ['Gold VIP', 'Retail']) expect((await call('POST', '/v2/customer_groups', { name })).status).toBe(200);
    const all = await call('GET', '/v2/customer_groups');
    expect((all.body as { id: number }[]).map((g) => g.id)).toEqual([1, 2, 3, 4]);
    expect(await call('GET', '/v2/customer_groups?name=VIP')).toMatchObject({ status: 200, body: [{ id: 1, name: 'VIP' }] });
    expect((await call('GET', '/v2/customer_groups?name:like=vip')).body).toMatchObject([{ name: 'VIP' }, { name: 'Gold VIP' }]);
    expect((await call('GET', '/v2/customer_groups?limit=3&page=2')).body).toMatchObject([{ id: 4 }]);
    expect((await call('GET', '/v2/customer_groups?page=3&limit=3')).body).toEqual([]);
    expect(await call('GET', '/v2/customer_groups/count')).toMatchObject({ status: 200, body: { count: 4 } });
  });

  it('answers a limit above 250 with 413 and the v2 error array', async () => {
    expect((await call('GET', '/v2/customer_groups?limit=250')).status).toBe(200);
    expect(await call('GET', '/v2/customer_groups?limit=251')).toMatchObject({
      status: 413,
      body: [{ status: 413, message: 'The specified limit exceeds the maximum allowed.', details: { max_limit: 250 } }],
    });
  });

  it('creates with 200 and amounts as strings, retrieves, and 404s an unknown id', async () => {
    const created = await call('POST', '/v2/customer_groups', {
      name: 'Trade',
      category_access: { type: 'specific', categories: [18, 19] },
      discount_rules: [{ type: 'all', method: 'percent', amount: '5' }],
    });
    expect(created).toMatchObject({
      status: 200,
      body: { id: 3, name: 'Trade', is_default: false, is_group_for_guests: false, discount_rules: [{ type: 'all', method: 'percent', amount: '5.0000' }] },
    });
    expect((created.body as { date_created: string }).date_created).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect((await call('GET', '/v2/customer_groups/3')).body).toEqual(created.body);
    expect(await call('GET', '/v2/customer_groups/99')).toMatchObject({ status: 404, body: [{ status: 404 }] });
  });

  it('replaces the whole discount rule set on PUT and keeps fields not sent', async () => {
    await call('PUT', '/v2/customer_groups/1', {
      discount_rules: [
        { type: 'all', method: 'percent', amount: '5' },
        { type: 'category', method: 'fixed', amount: '2', category_id: 7 },
      ],
    });
    const updated = await call('PUT', '/v2/customer_groups/1', { discount_rules: [{ type: 'product', method: 'price', amount: '9.5', product_id: 3 }] });
    expect(updated).toMatchObject({
      status: 200,
      body: { id: 1, name: 'VIP', discount_rules: [{ type: 'product', method: 'price', amount: '9.5000', product_id: 3 }] },
    });
    expect((await call('PUT', '/v2/customer_groups/1', { is_default: true })).body).toMatchObject({
      is_default: true,
      discount_rules: [{ type: 'product' }],
    });
  });

  it('refuses invalid bodies with 400 and conflicts with 409, changing nothing', async () => {
    const before = bc.state();
    expect(await call('POST', '/v2/customer_groups', { is_default: true })).toMatchObject({ status: 400, body: [{ status: 400 }] });
    expect(
      (
        await call('PUT', '/v2/customer_groups/1', {
          discount_rules: [
            { type: 'price_list', price_list_id: 2 },
            { type: 'all', method: 'percent', amount: '1' },
          ],
        })
      ).status,
    ).toBe(400);
    expect((await call('POST', '/v2/customer_groups', { name: 'Wholesale' })).status).toBe(409);
    await call('PUT', '/v2/customer_groups/2', { is_group_for_guests: true });
    expect((await call('POST', '/v2/customer_groups', { name: 'Guests 2', is_group_for_guests: true })).status).toBe(409);
    expect(bc.state().stores.sandbox1!.customer_groups.length).toBe(before.stores.sandbox1!.customer_groups.length);
  });

  it('keeps names unique exactly: a rename into a taken name is 409, a name differing in case is another name', async () => {
    const before = bc.state().stores.sandbox1!.customer_groups;
    expect(await call('PUT', '/v2/customer_groups/2', { name: 'VIP' })).toMatchObject({
      status: 409,
      body: [{ status: 409, message: "A customer group named 'VIP' already exists." }],
    });
    expect(bc.state().stores.sandbox1!.customer_groups).toEqual(before);
    expect(await call('POST', '/v2/customer_groups', { name: 'vip' })).toMatchObject({ status: 200, body: { name: 'vip' } });
  });

  it('deletes with 204 and unassigns the customers of the group', async () => {
    expect((await call('DELETE', '/v2/customer_groups/1')).status).toBe(204);
    const customers = bc.state().stores.sandbox1!.customers;
    expect(customers.filter((c) => c.id <= 2).map((c) => c.customer_group_id)).toEqual([0, 0]);
    expect(customers.find((c) => c.id === 3)!.customer_group_id).toBe(2);
    expect((await call('GET', '/v2/customer_groups/1')).status).toBe(404);
  });

  // Ids only grow: customers.v2.yml makes a group's `id` read-only (the platform assigns it), and BigCommerce's
  // "Understanding Order IDs" (support.bigcommerce.com/s/article/Order-ID) states its ids' policy: an id "is
  // specific to that order and is never assigned again", deletions leaving gaps in the sequence.
  it("never hands out a deleted group's id again, even the highest, nor after the state is replaced", async () => {
    expect((await call('DELETE', '/v2/customer_groups/2')).status).toBe(204);
    expect(await call('POST', '/v2/customer_groups', { name: 'Trade' })).toMatchObject({ status: 200, body: { id: 3 } });
    bc.setState(seededState());
    expect(await call('POST', '/v2/customer_groups', { name: 'Trade' })).toMatchObject({ status: 200, body: { id: 4 } });
  });

  it('creates, deletes the newest and creates again with a larger id, also across restarts of a persisted store', async () => {
    let saved: BigCommerceState | undefined;
    const first = await startBigCommerceEmulator({ state: seededState(), onChange: (s) => (saved = s) });
    try {
      const created = await client(first.url)('POST', '/v2/customer_groups', { name: 'Trade' });
      expect(created).toMatchObject({ status: 200, body: { id: 3 } });
      expect((await client(first.url)('DELETE', '/v2/customer_groups/3')).status).toBe(204);
    } finally {
      await first.close();
    }
    // The next run starts from the persisted file, whose highest group is 2 again.
    expect(saved!.stores.sandbox1!.customer_groups.map((g) => g.id)).toEqual([1, 2]);
    const second = await startBigCommerceEmulator({ state: saved! });
    try {
      expect(await client(second.url)('POST', '/v2/customer_groups', { name: 'Trade' })).toMatchObject({ status: 200, body: { id: 4 } });
    } finally {
      await second.close();
    }
  });

  it('refuses a state whose group id counter is not above its highest group id', async () => {
    const state = seededState();
    state.stores.sandbox1!.next_customer_group_id = 2;
    expect(() => bc.setState(state)).toThrow(/next_customer_group_id 2 is not above the highest group id 2/);
  });

  it("can answer v2 errors in the spec's {errors:[…]} shape", async () => {
    const spec = await startBigCommerceEmulator({ v2ErrorShape: 'spec' });
    try {
      expect(await client(spec.url)('GET', '/v2/customer_groups/5')).toMatchObject({
        status: 404,
        body: { errors: [{ status: 404, title: 'The requested resource was not found.' }] },
      });
    } finally {
      await spec.close();
    }
  });

  it('answers 207 when the sitewide discount update fails, keeping the other rules', async () => {
    const partial = await startBigCommerceEmulator({ state: seededState(), sitewideDiscountFails: true });
    try {
      const reply = await client(partial.url)('POST', '/v2/customer_groups', {
        name: 'Trade',
        discount_rules: [
          { type: 'all', method: 'percent', amount: '5' },
          { type: 'product', method: 'fixed', amount: '1', product_id: 2 },
        ],
      });
      expect(reply).toMatchObject({ status: 207, body: { status: 207, message: expect.stringContaining('sitewide discount') } });
      const trade = partial.state().stores.sandbox1!.customer_groups.find((g) => g.name === 'Trade')!;
      expect(trade.discount_rules).toEqual([{ type: 'product', method: 'fixed', amount: '1.0000', product_id: 2 }]);
    } finally {
      await partial.close();
    }
  });
});
