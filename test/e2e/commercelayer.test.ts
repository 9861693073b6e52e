// The real CLI against the Commerce Layer emulator over loopback: the life of a config, from an empty store
// to convergence, then updates, moves, removals and missing customers.
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_BLOCK, group, customer, membersByCode, setupCommerceLayer, shopWithCustomers, type ClSetup } from './commercelayer-fixture.js';

let setup: ClSetup | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

const TWO_GROUPS = `${PROVIDER_BLOCK}
groups:
  vip:
    name: VIP
    members: [ava@example.com, Liam@Example.com]
    commercelayer:
      reference: crm-vip
      metadata: { tier: gold, free_shipping: true }
  staff:
    name: Staff
    members: [mia@example.com]
`;

describe('groupform against Commerce Layer', () => {
  it('creates the groups on an empty store, applies, then has nothing left to do', async () => {
    setup = await setupCommerceLayer(TWO_GROUPS, { state: shopWithCustomers('ava@example.com', 'liam@example.com', 'mia@example.com') });

    const first = await setup.run(['plan', '--detailed-exitcode']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(2);
    expect(first.stdout).toContain('+ create group cl/vip');
    expect(first.stdout).toContain('+ create group cl/staff');
    expect(first.stdout).toContain('reference: "crm-vip"');
    expect(first.stdout).toContain('+ 2 customers join cl/vip');
    expect(first.stdout).toContain('Plan: 2 groups to add, 0 to change, 0 to delete; 3 customers to move.');
    // A plan only reads.
    expect(setup.calls().filter((c) => c.method !== 'GET' && c.path !== '/oauth/token')).toEqual([]);

    const apply = await setup.run(['apply', '--auto-approve']);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/done/i);
    const state = setup.emulator.state();
    const groups = state.customer_groups.map((g) => [g.code, g.name, g.reference, g.metadata]);
    expect(groups.sort()).toEqual([
      ['staff', 'Staff', null, {}],
      ['vip', 'VIP', 'crm-vip', { tier: 'gold', free_shipping: true }],
    ]);
    expect(membersByCode(state)).toEqual({ vip: ['ava@example.com', 'liam@example.com'], staff: ['mia@example.com'] });

    const again = await setup.run(['plan', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes');
  });

  it('updates a changed name and metadata in place, keeping the group and its members', async () => {
    const state = shopWithCustomers('ava@example.com');
    state.customer_groups = [group('GrpVipAaaa', 'vip', 'VIP Customers', { metadata: { tier: 'silver', free_shipping: true } })];
    state.customers[0]!.customer_group_id = 'GrpVipAaaa';
    setup = await setupCommerceLayer(
      `${PROVIDER_BLOCK}
groups:
  vip:
    name: VIP
    members: [ava@example.com]
    commercelayer:
      metadata: { free_shipping: true, tier: gold }
`,
      { state },
    );

    const plan = await setup.run(['plan', '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('~ update group cl/vip');
    expect(plan.stdout).toContain('name: "VIP Customers" -> "VIP"');
    expect(plan.stdout).toMatch(/-\s+"tier": "silver"/);
    expect(plan.stdout).toMatch(/\+\s+"tier": "gold"/);
    expect(plan.stdout).toContain('Plan: 0 groups to add, 1 to change, 0 to delete; 0 customers to move.');

    expect((await setup.run(['apply', '--auto-approve'])).code).toBe(0);
    const after = setup.emulator.state();
    expect(after.customer_groups).toMatchObject([{ id: 'GrpVipAaaa', code: 'vip', name: 'VIP', metadata: { tier: 'gold', free_shipping: true } }]);
    expect(membersByCode(after)).toEqual({ vip: ['ava@example.com'] });
    // Only the changed fields go in the PATCH.
    const patch = setup.emulator.requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({
      data: { type: 'customer_groups', id: 'GrpVipAaaa', attributes: { name: 'VIP', metadata: { free_shipping: true, tier: 'gold' } } },
    });
    expect((await setup.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('moves a customer from one group to another with one PATCH', async () => {
    const state = shopWithCustomers('ava@example.com', 'liam@example.com');
    state.customer_groups = [group('GrpVipAaaa', 'vip', 'VIP'), group('GrpStaffAa', 'staff', 'Staff')];
    state.customers[0]!.customer_group_id = 'GrpVipAaaa';
    state.customers[1]!.customer_group_id = 'GrpStaffAa';
    setup = await setupCommerceLayer(
      `${PROVIDER_BLOCK}
groups:
  vip:
    name: VIP
    members: [ava@example.com, liam@example.com]
  staff:
    name: Staff
    members: []
`,
      { state },
    );

    const plan = await setup.run(['plan']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('~ liam@example.com (from cl/staff)');
    expect(plan.stdout).not.toContain('leaves');

    expect((await setup.run(['apply', '--auto-approve'])).code).toBe(0);
    const writes = setup.emulator.requests.filter((r) => r.method !== 'GET' && r.path !== '/oauth/token');
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /api/customers/Cus0000001']);
    expect(membersByCode(setup.emulator.state())).toEqual({ vip: ['ava@example.com', 'liam@example.com'], staff: [] });
  });

  it('removes unlisted members of an authoritative group and leaves those of an additive one', async () => {
    const state = shopWithCustomers('ava@example.com', 'zoe@example.com', 'noah@example.com', 'emma@example.com');
    state.customer_groups = [group('GrpVipAaaa', 'vip', 'VIP'), group('GrpWholesa', 'wholesale', 'Wholesale')];
    for (const [i, id] of ['GrpVipAaaa', 'GrpVipAaaa', 'GrpWholesa', 'GrpWholesa'].entries()) state.customers[i]!.customer_group_id = id;
    setup = await setupCommerceLayer(
      `${PROVIDER_BLOCK}
groups:
  vip:
    name: VIP
    members: [ava@example.com]
  wholesale:
    name: Wholesale
    membership: additive
    members: [noah@example.com]
`,
      { state },
    );

    const plan = await setup.run(['plan', '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('- 1 customer leaves cl/vip');
    expect(plan.stdout).toContain('- zoe@example.com');
    expect(plan.stdout).not.toContain('emma@example.com');

    expect((await setup.run(['apply', '--auto-approve'])).code).toBe(0);
    const after = setup.emulator.state();
    expect(membersByCode(after)).toEqual({ vip: ['ava@example.com'], wholesale: ['emma@example.com', 'noah@example.com'] });
    // The customer left every group; the customer itself is untouched.
    expect(after.customers.find((c) => c.email === 'zoe@example.com')).toMatchObject({ id: 'Cus0000001', customer_group_id: null });
    expect((await setup.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('warns about a declared customer the store does not have, and refuses it with --strict', async () => {
    const state = shopWithCustomers('ava@example.com');
    state.customer_groups = [group('GrpVipAaaa', 'vip', 'VIP')];
    state.customers = [customer('CusAvaAaaa', 'ava@example.com', 'GrpVipAaaa')];
    setup = await setupCommerceLayer(
      `${PROVIDER_BLOCK}
groups:
  vip:
    name: VIP
    members:
      - ava@example.com
      - ghost@example.com
`,
      { state },
    );

    const plan = await setup.run(['plan', '--detailed-exitcode']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes');
    expect(plan.stdout).toMatch(/groups\.yaml:\d+:\d+: warning: customer ghost@example\.com \(group vip\) not found on cl/);

    const strict = await setup.run(['plan', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('ghost@example.com');
    expect(strict.stderr).toMatch(/error/);

    const apply = await setup.run(['apply', '--auto-approve']);
    expect(apply.code).toBe(0);
    expect(setup.emulator.requests.filter((r) => r.method !== 'GET' && r.path !== '/oauth/token')).toEqual([]);
  });
});
