import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator, type BigCommerceEmulator } from '../../../src/emulators/bigcommerce/index.js';
import { ApiError } from '../../../src/errors.js';
import { bigcommerce, createBigCommerceProvider } from '../../../src/providers/bigcommerce/index.js';
import { bcInstance, declared, groupChange, move, storeState } from './helpers.js';

let bc: BigCommerceEmulator | undefined;
afterEach(async () => {
  await bc?.close();
  bc = undefined;
});

const store = () => bc!.state().stores.sandbox1!;

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('BigCommerce group writes', () => {
  it('creates, updates only changed fields (replacing the rule set) and deletes', async () => {
    bc = await startBigCommerceEmulator({ state: storeState(1, 3) });
    const provider = bigcommerce(bcInstance(bc.url), {});
    const after = { name: 'VIP', description: 'not a BigCommerce field', discount_rules: [{ type: 'all', method: 'percent', amount: 5 }] };
    const created = await provider.applyGroup(groupChange('create', null, null, after));
    expect(created).toEqual({ id: '2' });
    expect(bc.requests.at(-1)!.body).toEqual({ name: 'VIP', discount_rules: [{ type: 'all', method: 'percent', amount: '5.0000' }] });

    const [live] = (await provider.read({ groups: [declared('vip', { name: 'VIP' })], emails: [], allGroups: false })).groups;
    // The same rules, written as 5 then read back as "5.0000", are no change.
    expect(provider.normalize(after)).toEqual({ name: 'VIP', discount_rules: live!.attributes.discount_rules });

    const updated = await provider.applyGroup(
      groupChange('update', '2', live!.attributes, {
        name: 'VIP',
        is_default: true,
        discount_rules: [{ type: 'category', method: 'fixed', amount: '2', category_id: 8 }],
      }),
    );
    expect(updated).toEqual({ id: '2' });
    expect(bc.requests.at(-1)).toMatchObject({
      method: 'PUT',
      body: { is_default: true, discount_rules: [{ type: 'category', method: 'fixed', amount: '2.0000', category_id: 8 }] },
    });
    expect(store().customer_groups[1]!.discount_rules).toEqual([{ type: 'category', method: 'fixed', amount: '2.0000', category_id: 8 }]);

    // Customer 2 is in group 1; deleting group 1 unassigns it on the platform.
    expect(await provider.applyGroup(groupChange('delete', '1', { name: 'Group 1' }, null))).toEqual({ id: '1' });
    expect(store().customers.find((c) => c.id === 2)!.customer_group_id).toBe(0);
  });

  it('reports a 207 as a partial success with the platform message, with the new id', async () => {
    bc = await startBigCommerceEmulator({ state: storeState(1, 0), sitewideDiscountFails: true });
    const provider = bigcommerce(bcInstance(bc.url), {});
    const result = await provider.applyGroup(
      groupChange('create', null, null, { name: 'Trade', discount_rules: [{ type: 'all', method: 'percent', amount: 5 }] }),
    );
    expect(result).toEqual({ id: '2', warning: expect.stringContaining('sitewide discount update failed') });
    const update = await provider.applyGroup(
      groupChange('update', '1', { name: 'Group 1' }, { discount_rules: [{ type: 'all', method: 'fixed', amount: 1 }] }),
    );
    expect(update.warning).toMatch(/updated, but the sitewide discount/);
  });

  it('carries the observed v2 error array into ApiError, without the token', async () => {
    bc = await startBigCommerceEmulator({ state: storeState(1, 0) });
    const error = await rejection(bigcommerce(bcInstance(bc.url), {}).applyGroup(groupChange('create', null, null, { name: 'Group 1' })));
    expect(error).toMatchObject({ provider: 'bc', method: 'POST', path: '/stores/sandbox1/v2/customer_groups', status: 409 });
    expect(error.detail).toBe("A customer group named 'Group 1' already exists.");
    const denied = await rejection(bigcommerce(bcInstance(bc.url, { token: 'secret-token-xyz' }), {}).read({ groups: [], emails: [], allGroups: true }));
    expect(denied.status).toBe(401);
    expect(JSON.stringify({ message: denied.message, detail: denied.detail, stack: denied.stack })).not.toContain('secret-token-xyz');
  });

  it("carries the spec's v2 {errors:[…]} shape into ApiError", async () => {
    bc = await startBigCommerceEmulator({ state: storeState(1, 0), v2ErrorShape: 'spec' });
    const error = await rejection(bigcommerce(bcInstance(bc.url), {}).applyGroup(groupChange('delete', '42', { name: 'x' }, null)));
    expect(error).toMatchObject({ status: 404, detail: 'The requested resource was not found.' });
  });
});

describe('BigCommerce membership writes', () => {
  it('moves customers 10 per call, at most 3 calls at once, 0 meaning no group', async () => {
    // Each batch update takes a while on the platform, which refuses a 4th concurrent one: none may be refused.
    bc = await startBigCommerceEmulator({ state: storeState(2, 60), customerUpdateMs: 50 });
    const provider = createBigCommerceProvider(bcInstance(bc.url), {});
    const batch = Array.from({ length: 45 }, (_, i) => move(i + 1, i % 5 === 0 ? null : '2'));
    const results = await provider.applyMemberships(batch);
    expect(results.map((r) => r.error)).toEqual(Array(45).fill(undefined));
    const puts = bc.requests.filter((r) => r.method === 'PUT');
    // Batches run concurrently, so they may arrive in any order.
    expect(puts.map((r) => (r.body as unknown[]).length).sort((a, b) => a - b)).toEqual([5, 10, 10, 10, 10]);
    expect(puts.every((r) => r.status === 200)).toBe(true);
    expect(puts.flatMap((r) => r.body as unknown[])).toContainEqual({ id: 1, customer_group_id: 0 });
    const groups = store()
      .customers.slice(0, 45)
      .map((c) => c.customer_group_id);
    expect(groups).toEqual(Array.from({ length: 45 }, (_, i) => (i % 5 === 0 ? 0 : 2)));
  });

  it('returns a failed batch as per-item errors with the v3 message', async () => {
    bc = await startBigCommerceEmulator({ state: storeState(1, 12) });
    const provider = bigcommerce(bcInstance(bc.url), {});
    const batch = [...Array.from({ length: 10 }, (_, i) => move(i + 1, '1')), move(11, '99'), move(12, '1')];
    const results = await provider.applyMemberships(batch);
    expect(results.slice(0, 10).every((r) => r.error === undefined)).toBe(true);
    for (const r of results.slice(10)) expect(r.error?.message).toMatch(/HTTP 422.*customer_group_id: Customer group does not exist/);
  });

  it('keeps two stores of one emulator apart', async () => {
    bc = await startBigCommerceEmulator({ state: storeState(1, 2) });
    const first = bigcommerce(bcInstance(bc.url), {});
    const second = bigcommerce(bcInstance(bc.url, { name: 'bc2', hash: 'sandbox2', token: 'sandbox-bc-token-2' }), {});
    expect(await second.applyGroup(groupChange('create', null, null, { name: 'Group 1' }))).toEqual({ id: '1' });
    const live = await second.read({ groups: [declared('g', { name: 'Group 1' })], emails: ['customer2@example.com'], allGroups: false });
    expect(live).toMatchObject({ provider: 'bc2', customers: [] });
    expect((await first.read({ groups: [], emails: ['customer2@example.com'], allGroups: false })).customers).toHaveLength(1);
  });
});
