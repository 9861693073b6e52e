import { afterEach, describe, expect, it } from 'vitest';
import {
  SANDBOX_XTRAKIT_API_KEY,
  startXtrakitEmulator,
  type XtrakitEmulator,
  type XtrakitEmulatorOptions,
  type XtrakitState,
} from '../../../src/emulators/xtrakit/index.js';

const seed = {
  business_code: 'XK77',
  customer_groups: [
    { id: 1, group_name: 'VIP', group_description: 'Big spenders' },
    { id: 2, group_name: 'Staff' },
  ],
  customers: [
    {
      id: 10,
      customer_email: 'jane@example.com',
      customer_name: 'Jane',
      customer_phone: '+1 555 0100',
      customer_country: 'US',
      customer_city: 'Austin',
      customer_state: 'TX',
      customer_zip: '73301',
      address1: '1 Main St',
      address2: 'Apt 2',
      customer_group_id: 1,
    },
    { id: 11, customer_email: 'john@example.com', customer_group_id: 1 },
    { id: 12, customer_email: 'ann@example.com' },
  ],
};

const required = {
  customer_name: 'Jane',
  customer_phone: '+1 555 0100',
  customer_country: 'US',
  customer_city: 'Austin',
  customer_state: 'TX',
  address1: '1 Main St',
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

interface Call {
  json?: unknown;
  form?: Record<string, string>;
  multipart?: Record<string, string>;
  key?: string | null;
}

async function call(method: string, path: string, options: Call = {}) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const key = options.key === undefined ? SANDBOX_XTRAKIT_API_KEY : options.key;
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  let body: string | FormData | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  } else if (options.multipart) {
    body = new FormData();
    for (const [k, v] of Object.entries(options.multipart)) body.append(k, v);
  }
  const response = await fetch(`${emulator!.url}/api/v1${path}`, { method, headers, body });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const customer = (state: XtrakitState, id: number) => state.customers.find((c) => c.id === id)!;

describe('Xtrakit emulator: auth and envelope', () => {
  it('answers the documented 401 bodies for a missing or wrong key', async () => {
    await start();
    expect(await call('GET', '/customer-groups', { key: null })).toMatchObject({
      status: 401,
      body: { status: 401, error: 'Unauthorized: Missing Bearer Token' },
    });
    expect(await call('GET', '/customer-groups', { key: 'nope' })).toMatchObject({
      status: 401,
      body: { status: 401, error: 'Unauthorized: Invalid API Key' },
    });
  });

  it('accepts only the keys it is given', async () => {
    await start({ apiKeys: ['k-1'] });
    expect((await call('GET', '/customers', { key: 'k-1' })).status).toBe(200);
    expect((await call('GET', '/customers')).status).toBe(401);
  });

  it('answers unknown paths 404 and wrong methods 405, in the envelope', async () => {
    await start();
    expect(await call('GET', '/orders')).toMatchObject({ status: 404, body: { status: 404, message: 'Not Found', data: {} } });
    expect(await call('GET', '/customer-groups/abc')).toMatchObject({ status: 404 });
    const wrong = await call('POST', '/customers/10');
    expect(wrong).toMatchObject({ status: 405, body: { status: 405, message: 'Method Not Allowed' } });
    expect(wrong.headers.get('allow')).toBe('GET, PUT');
  });
});

describe('Xtrakit emulator: customer groups', () => {
  it('lists every group as an array, with the documented fields', async () => {
    await start();
    const { status, body } = await call('GET', '/customer-groups');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 200, message: 'Groups found: 2' });
    expect(body.data.groups.map((g: any) => g.group_name)).toEqual(['VIP', 'Staff']);
    const vip = body.data.groups[0];
    expect(Object.keys(vip).sort()).toEqual(['business_code', 'created_at', 'group_description', 'group_name', 'id', 'updated_at', 'user_id'].sort());
    expect(vip.business_code).toBe('XK77');
    expect(vip.updated_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('adds a group with 200 and data.group, from JSON or a form', async () => {
    await start();
    const added = await call('POST', '/customer-groups/add', { json: { group_name: 'Gold', group_description: 'Tier 2' } });
    expect(added).toMatchObject({
      status: 200,
      body: { status: 200, message: 'Group added successfully', data: { group: { id: 3, group_name: 'Gold', group_description: 'Tier 2' } } },
    });
    const form = await call('POST', '/customer-groups/add', { form: { group_name: ' Silver ', group_description: '' } });
    expect(form.body.data.group).toMatchObject({ id: 4, group_name: 'Silver', group_description: null });
    expect((await call('GET', '/customer-groups/4')).body).toMatchObject({ message: 'Group found', data: { group: { id: 4 } } });
  });

  it('refuses a group without a name, or with a name taken in any case, with field errors', async () => {
    await start();
    expect(await call('POST', '/customer-groups/add', { json: { group_description: 'x' } })).toMatchObject({
      status: 422,
      body: { status: 422, message: 'The group name field is required.', data: { errors: { group_name: ['The group name field is required.'] } } },
    });
    const taken = await call('POST', '/customer-groups/add', { multipart: { group_name: 'vip' } });
    expect(taken.status).toBe(422);
    expect(taken.body.data.errors.group_name).toEqual(['The group name has already been taken.']);
    // Inputs are trimmed before they are validated.
    expect((await call('POST', '/customer-groups/add', { json: { group_name: ' Staff ' } })).status).toBe(422);
  });

  it('limits a group name to 255 characters and a description to 1000, counting an emoji as one; refuses a blank name', async () => {
    await start();
    const long = await call('POST', '/customer-groups/add', { json: { group_name: 'a'.repeat(256), group_description: 'd'.repeat(1001) } });
    expect(long.status).toBe(422);
    expect(long.body.data.errors).toEqual({
      group_name: ['The group name field must not be greater than 255 characters.'],
      group_description: ['The group description field must not be greater than 1000 characters.'],
    });
    const emoji = await call('POST', '/customer-groups/add', { json: { group_name: '😀'.repeat(255), group_description: '😀'.repeat(1000) } });
    expect(emoji.status).toBe(200);
    const renamed = await call('PUT', `/customer-groups/${emoji.body.data.group.id}`, { json: { group_name: '😀'.repeat(256) } });
    expect(renamed.body.data.errors).toEqual({ group_name: ['The group name field must not be greater than 255 characters.'] });
    // Trimmed first, as Laravel's middleware does: a blank name is no name.
    expect((await call('POST', '/customer-groups/add', { json: { group_name: '   ' } })).body.data.errors).toEqual({
      group_name: ['The group name field is required.'],
    });
  });

  it('edits a group: name required, an absent description kept, its own name not "taken"', async () => {
    await start();
    expect((await call('PUT', '/customer-groups/1', { json: { group_description: 'x' } })).status).toBe(422);
    const renamed = await call('PUT', '/customer-groups/1', { json: { group_name: 'Vip' } });
    expect(renamed).toMatchObject({ status: 200, body: { message: 'Group updated successfully' } });
    expect(renamed.body.data.group).toMatchObject({ group_name: 'Vip', group_description: 'Big spenders' });
    expect((await call('PUT', '/customer-groups/1', { form: { group_name: 'Vip', group_description: '' } })).body.data.group.group_description).toBeNull();
    expect((await call('PUT', '/customer-groups/2', { json: { group_name: 'VIP' } })).status).toBe(422);
    expect((await call('PUT', '/customer-groups/99', { json: { group_name: 'X' } })).body).toEqual({
      status: 404,
      message: 'Group not found',
      data: {},
    });
  });

  it('deletes a group, leaving its customers in no group, and never reuses its id', async () => {
    const em = await start();
    expect(await call('DELETE', '/customer-groups/1')).toMatchObject({ status: 200, body: { message: 'Group deleted successfully' } });
    expect((await call('GET', '/customer-groups/1')).status).toBe(404);
    expect((await call('DELETE', '/customer-groups/1')).status).toBe(404);
    const state = em.state();
    expect(customer(state, 10).customer_group_id).toBeNull();
    expect(customer(state, 11).customer_group_id).toBeNull();
    await call('DELETE', '/customer-groups/2');
    expect((await call('POST', '/customer-groups/add', { json: { group_name: 'New' } })).body.data.group.id).toBe(3);
  });
});

describe('Xtrakit emulator: customers', () => {
  it('pages the customer list with Laravel paginator numbers', async () => {
    const customers = Array.from({ length: 35 }, (_, i) => ({ customer_email: `c${i}@example.com` }));
    await start({ state: { customers } });
    const first = await call('GET', '/customers');
    expect(first.body.message).toBe('Customers found: 35');
    expect(first.body.data.customers).toHaveLength(15);
    expect(first.body.data.pagination).toEqual({ total: 35, per_page: 15, current_page: 1, last_page: 3 });
    const big = await call('GET', '/customers?per_page=500&page=1');
    expect(big.body.data.customers).toHaveLength(35);
    expect(big.body.data.pagination.per_page).toBe(100);
    const third = await call('GET', '/customers?per_page=10&page=4');
    expect(third.body.data.customers.map((c: any) => c.id)).toEqual([31, 32, 33, 34, 35]);
    expect((await call('GET', '/customers?page=9')).body.data.customers).toEqual([]);
  });

  it('filters by customer_group_id', async () => {
    await start();
    const { body } = await call('GET', '/customers?customer_group_id=1');
    expect(body.data.customers.map((c: any) => c.id)).toEqual([10, 11]);
    expect(body.data.pagination.total).toBe(2);
    // Customers in no group are not found by a `null` (or any non-integer) value: it names no group.
    for (const value of ['null', 'none', '1abc']) {
      expect((await call('GET', `/customers?customer_group_id=${value}`)).body.data.customers).toEqual([]);
    }
  });

  it('keeps the group filter current across moves, group deletes and a replaced state', async () => {
    const em = await start();
    const ids = async (group: number): Promise<number[]> =>
      (await call('GET', `/customers?customer_group_id=${group}`)).body.data.customers.map((c: any) => c.id);
    // Each list is asked once before the writes, so an answer kept from before a write would show.
    expect(await ids(1)).toEqual([10, 11]);
    expect(await ids(2)).toEqual([]);
    expect((await call('PUT', '/customers/12', { json: { ...required, customer_group_id: 2 } })).status).toBe(200);
    expect((await call('PUT', '/customers/10', { json: { ...required, customer_group_id: 2 } })).status).toBe(200);
    expect(await ids(1)).toEqual([11]);
    expect(await ids(2)).toEqual([10, 12]);
    expect((await call('DELETE', '/customer-groups/2')).status).toBe(200);
    expect(await ids(2)).toEqual([]);
    em.setState(seed);
    expect(await ids(1)).toEqual([10, 11]);
    expect((await call('GET', '/customers/12')).body.data.customer.customer_group_id).toBeNull();
  });

  it('fetches one customer, or 404', async () => {
    await start();
    expect((await call('GET', '/customers/10')).body).toMatchObject({ message: 'Customer found', data: { customer: { id: 10, customer_zip: '73301' } } });
    expect((await call('GET', '/customers/99')).body).toEqual({ status: 404, message: 'Customer not found', data: {} });
  });

  it('edits a customer: the required fields must come, the group moves, other fields stay', async () => {
    const em = await start();
    const moved = await call('PUT', '/customers/10', { json: { ...required, customer_group_id: 2 } });
    expect(moved).toMatchObject({ status: 200, body: { message: 'Customer updated successfully', data: { customer: { customer_group_id: 2 } } } });
    expect(customer(em.state(), 10)).toMatchObject({ customer_zip: '73301', address2: 'Apt 2', customer_email: 'jane@example.com' });
    const missing = await call('PUT', '/customers/10', { json: { customer_group_id: 1 } });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.data.errors).sort()).toEqual(Object.keys(required).sort());
    expect(missing.body.message).toBe('The customer name field is required. (and 5 more errors)');
    expect(customer(em.state(), 10).customer_group_id).toBe(2);
  });

  it('clears the group with null in JSON or an empty form field, and refuses an unknown group', async () => {
    const em = await start();
    expect((await call('PUT', '/customers/10', { json: { ...required, customer_group_id: null } })).status).toBe(200);
    expect(customer(em.state(), 10).customer_group_id).toBeNull();
    expect((await call('PUT', '/customers/10', { form: { ...required, customer_group_id: '2' } })).status).toBe(200);
    expect(customer(em.state(), 10).customer_group_id).toBe(2);
    expect((await call('PUT', '/customers/10', { multipart: { ...required, customer_group_id: '' } })).status).toBe(200);
    expect(customer(em.state(), 10).customer_group_id).toBeNull();
    const unknown = await call('PUT', '/customers/10', { json: { ...required, customer_group_id: 0 } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.data.errors.customer_group_id).toEqual(['The selected customer group id is invalid.']);
  });
});

describe('Xtrakit emulator: knobs, state and rate limit', () => {
  it('throttles per key at the configured rate, with Laravel headers', async () => {
    let now = Date.UTC(2025, 0, 1);
    await start({ rateLimits: { limit: 2, windowMs: 60_000 }, now: () => now });
    const first = await call('GET', '/customer-groups');
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    await call('GET', '/customer-groups');
    const refused = await call('GET', '/customer-groups');
    expect(refused).toMatchObject({ status: 429, body: { status: 429, message: 'Too Many Attempts.' } });
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(refused.headers.get('x-ratelimit-reset')).toBe(String(now / 1000 + 60));
    now += 60_000;
    expect((await call('GET', '/customer-groups')).status).toBe(200);
  });

  it('answers an injected fault with a 500 in the envelope', async () => {
    await start({ faultRate: 1, faults: { kinds: ['error'] } });
    expect(await call('GET', '/customer-groups')).toMatchObject({ status: 500, body: { status: 500, message: 'Server Error', data: {} } });
  });

  it('serves, replaces and reports its state', async () => {
    const changes: XtrakitState[] = [];
    const em = await start({ onChange: (state) => changes.push(state) });
    const got = (await (await fetch(`${em.url}/_emulator/state`)).json()) as XtrakitState;
    expect(got.customer_groups.map((g) => g.group_name)).toEqual(['VIP', 'Staff']);
    await call('POST', '/customer-groups/add', { json: { group_name: 'Gold' } });
    await call('GET', '/customer-groups');
    expect(changes).toHaveLength(1);
    const put = await fetch(`${em.url}/_emulator/state`, { method: 'PUT', body: JSON.stringify({ customers: [{ customer_group_id: 5 }] }) });
    expect(put.status).toBe(400);
    expect(((await put.json()) as any).issues).toEqual(['customers[0].customer_group_id: no customer group 5']);
    const replaced = await fetch(`${em.url}/_emulator/state`, { method: 'PUT', body: JSON.stringify({ customer_groups: [{ group_name: 'Only' }] }) });
    expect(replaced.status).toBe(200);
    expect(changes.map((s) => s.customer_groups.length)).toEqual([3, 1]);
    em.setState({ customer_groups: [{ group_name: 'Only' }, { group_name: 'Two' }] });
    expect(em.state().customer_groups).toMatchObject([
      { id: 1, group_name: 'Only' },
      { id: 2, group_name: 'Two' },
    ]);
    expect(changes).toHaveLength(2);
    // the id counter runs on: 1..3 were handed out in this run
    expect((await call('POST', '/customer-groups/add', { json: { group_name: 'Next' } })).body.data.group.id).toBe(4);
  });

  it('records requests for tests, without the key', async () => {
    const em = await start();
    await call('PUT', '/customers/10', { json: { ...required, customer_group_id: 2 } });
    expect(em.requests).toEqual([{ method: 'PUT', path: '/api/v1/customers/10', query: {}, status: 200, body: { ...required, customer_group_id: 2 } }]);
    expect(JSON.stringify(em.requests)).not.toContain(SANDBOX_XTRAKIT_API_KEY);
  });
});
