import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator, type BigCommerceEmulator } from '../../../src/emulators/bigcommerce/index.js';
import { client, seededState } from './helpers.js';

let bc: BigCommerceEmulator;
let call: ReturnType<typeof client>;

beforeEach(async () => {
  bc = await startBigCommerceEmulator({ state: seededState() });
  call = client(bc.url);
});
afterEach(() => bc.close());

const ids = (reply: { body: unknown }) => (reply.body as { data: { id: number }[] }).data.map((c) => c.id);

describe('v3 customers', () => {
  it('filters by customer_group_id:in, email:in (any case) and id:in', async () => {
    expect(ids(await call('GET', '/v3/customers?customer_group_id:in=1,2'))).toEqual([1, 2, 3]);
    expect(ids(await call('GET', '/v3/customers?customer_group_id:in=0'))).toEqual([4, 5]);
    expect(ids(await call('GET', '/v3/customers?email:in=CUSTOMER5@example.com,customer1@example.com,nobody@example.com'))).toEqual([1, 5]);
    expect(ids(await call('GET', '/v3/customers?id:in=2,4&customer_group_id:in=1'))).toEqual([2]);
    expect((await call('GET', '/v3/customers?id:in=two')).status).toBe(422);
  });

  it('pages with meta.pagination and refuses a limit above 250', async () => {
    const page = await call('GET', '/v3/customers?limit=2&page=2');
    expect(ids(page)).toEqual([3, 4]);
    expect((page.body as { meta: unknown }).meta).toEqual({
      pagination: {
        total: 5,
        count: 2,
        per_page: 2,
        current_page: 2,
        total_pages: 3,
        links: { previous: '?page=1&limit=2', current: '?page=2&limit=2', next: '?page=3&limit=2' },
      },
    });
    expect((await call('GET', '/v3/customers?limit=250')).status).toBe(200);
    expect(await call('GET', '/v3/customers?limit=251')).toMatchObject({ status: 413, body: { status: 413, title: expect.any(String) } });
  });

  it('moves customers in a batch PUT, 0 meaning no group', async () => {
    const reply = await call('PUT', '/v3/customers', [
      { id: 4, customer_group_id: 2 },
      { id: 1, customer_group_id: 0 },
    ]);
    expect(reply.status).toBe(200);
    expect((reply.body as { data: unknown[] }).data).toMatchObject([
      { id: 4, customer_group_id: 2 },
      { id: 1, customer_group_id: 0 },
    ]);
    expect(ids(await call('GET', '/v3/customers?customer_group_id:in=2'))).toEqual([3, 4]);
  });

  it('keeps its lookups current across moves, e-mail changes, group deletes and a replaced state', async () => {
    // Each list is asked once before the writes, so an answer kept from before a write would show.
    expect(ids(await call('GET', '/v3/customers?customer_group_id:in=1'))).toEqual([1, 2]);
    expect(ids(await call('GET', '/v3/customers?email:in=customer2@example.com'))).toEqual([2]);
    expect((await call('PUT', '/v3/customers', [{ id: 2, customer_group_id: 2, email: 'Renamed@example.com' }])).status).toBe(200);
    expect(ids(await call('GET', '/v3/customers?customer_group_id:in=1'))).toEqual([1]);
    expect(ids(await call('GET', '/v3/customers?customer_group_id:in=2'))).toEqual([2, 3]);
    expect(ids(await call('GET', '/v3/customers?email:in=customer2@example.com'))).toEqual([]);
    expect(ids(await call('GET', '/v3/customers?email:in=renamed@EXAMPLE.com'))).toEqual([2]);
    // The old address is free again; the new one is taken.
    expect((await call('PUT', '/v3/customers', [{ id: 1, email: 'customer2@example.com' }])).status).toBe(200);
    expect((await call('PUT', '/v3/customers', [{ id: 3, email: 'RENAMED@example.com' }])).status).toBe(422);
    expect((await call('DELETE', '/v2/customer_groups/2')).status).toBe(204);
    expect(ids(await call('GET', '/v3/customers?customer_group_id:in=0'))).toEqual([2, 3, 4, 5]);
    expect(ids(await call('GET', '/v3/customers?customer_group_id:in=2'))).toEqual([]);
    bc.setState(seededState());
    expect(ids(await call('GET', '/v3/customers?customer_group_id:in=0'))).toEqual([4, 5]);
    expect(ids(await call('GET', '/v3/customers?email:in=customer2@example.com'))).toEqual([2]);
  });

  it('refuses more than 10 customers with 413, and a bad item fails the whole batch with 422', async () => {
    const eleven = Array.from({ length: 11 }, () => ({ id: 1, customer_group_id: 0 }));
    expect((await call('PUT', '/v3/customers', eleven)).status).toBe(413);
    const before = bc.state();
    const bad = await call('PUT', '/v3/customers', [
      { id: 4, customer_group_id: 2 },
      { id: 5, customer_group_id: 77 },
    ]);
    expect(bad).toMatchObject({ status: 422, body: { status: 422, errors: { '1.customer_group_id': expect.any(String) } } });
    expect((await call('PUT', '/v3/customers', [{ customer_group_id: 1 }])).status).toBe(422);
    expect((await call('PUT', '/v3/customers', [{ id: 1, date_created: 'x' }])).status).toBe(422);
    expect(bc.state()).toEqual(before);
  });

  it('lets at most 3 batch updates run at once per store, refusing the others with 429', async () => {
    const slow = await startBigCommerceEmulator({ state: seededState(), customerUpdateMs: 500 });
    try {
      const put = client(slow.url);
      const replies = await Promise.all(Array.from({ length: 5 }, (_, i) => put('PUT', '/v3/customers', [{ id: i + 1, customer_group_id: 0 }])));
      expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429]);
      expect(replies.find((r) => r.status === 429)!.body).toMatchObject({ status: 429, title: expect.stringContaining('concurrent') });
      expect((await put('PUT', '/v3/customers', [{ id: 1, customer_group_id: 1 }])).status).toBe(200);
    } finally {
      await slow.close();
    }
  });
});
