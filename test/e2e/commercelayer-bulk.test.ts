// The real CLI moving customers on Commerce Layer through an import (the bulk path the cost model picks when it
// takes fewer calls), a row the platform refuses reported against its own membership, and `--no-bulk`.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_BLOCK, group, membersByCode, setupCommerceLayer, shopWithCustomers, type ClSetup } from './commercelayer-fixture.js';

let setup: ClSetup | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

const emails = Array.from({ length: 30 }, (_, i) => `c${String(i).padStart(2, '0')}@example.com`);
const config = `${PROVIDER_BLOCK}\ngroups:\n  vip:\n    name: VIP\n    members: [${emails.join(', ')}]\n`;

function store() {
  const state = shopWithCustomers(...emails);
  state.customer_groups = [group('GrpVipAaaa', 'vip', 'VIP')];
  return state;
}

describe('groupform apply through Commerce Layer imports', () => {
  it('joins 30 customers in one import, reports the row the platform refused as that membership failed, and converges', async () => {
    setup = await setupCommerceLayer(config, { state: store(), bulk: { rowsPerSecond: 1000, startDelayMs: 500 } });
    const emulator = setup.emulator;

    const plan = await setup.run(['plan']);
    expect(plan.stdout).toContain('+ 30 customers join cl/vip');
    // One import (a create and its polls) instead of 30 PATCHes.
    expect(plan.stdout).toContain('cl: 11 API calls (5 reads, 6 writes)');

    // Between groupform's read and the import's run, one customer is deleted on the platform: its row fails.
    const gone = store().customers[7]!;
    const applying = setup.run(['apply', '--auto-approve']);
    while (!emulator.requests.some((r) => r.method === 'POST' && r.path === '/api/imports')) await sleep(10);
    const state = emulator.state();
    emulator.setState({ ...state, customers: state.customers.filter((c) => c.id !== gone.id) });
    const apply = await applying;

    expect(apply.code).toBe(1);
    expect(apply.stdout).toContain('Apply complete: 29 done, 1 failed, 0 not attempted.');
    expect(apply.stdout).toMatch(
      new RegExp(`cl/members/${gone.email} \\(assign to VIP\\): cl: import \\w+ refused customer ${gone.id}: id couldn't find customer with id ${gone.id}`),
    );
    const calls = setup.calls();
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/api/imports')).toHaveLength(1);
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    expect(membersByCode(emulator.state()).vip).toEqual(emails.filter((e) => e !== gone.email));
    // No customer was created for the deleted one.
    expect(emulator.state().customers.some((c) => c.email === gone.email)).toBe(false);

    // The customer that is gone is a warning now; nothing is left to change.
    const next = await setup.run(['plan', '--detailed-exitcode']);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('No changes');
  });

  it('--no-bulk sends one PATCH per customer, and the plan counts them', async () => {
    setup = await setupCommerceLayer(config, { state: store() });
    expect((await setup.run(['plan', '--no-bulk'])).stdout).toContain('cl: 35 API calls (5 reads, 30 writes)');
    const apply = await setup.run(['apply', '--auto-approve', '--no-bulk']);
    expect(apply.code).toBe(0);
    const calls = setup.calls();
    expect(calls.filter((c) => c.path === '/api/imports')).toHaveLength(0);
    expect(calls.filter((c) => c.method === 'PATCH' && c.path.startsWith('/api/customers/'))).toHaveLength(30);
    expect((await setup.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});
