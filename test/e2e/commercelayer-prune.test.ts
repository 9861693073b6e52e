// The real CLI against the Commerce Layer emulator where groupform deletes: pruning undeclared groups (with
// `ignore`), the order that lets a platform that refuses to delete a non-empty group accept it, and the
// safety limits that stand in the way until --force.
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_BLOCK, group, membersByCode, setupCommerceLayer, shopWithCustomers, type ClSetup } from './commercelayer-fixture.js';

let setup: ClSetup | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

const pruning = (extra: string) => PROVIDER_BLOCK.replace('    client_secret: ${CL_CLIENT_SECRET}\n', `    client_secret: \${CL_CLIENT_SECRET}\n${extra}`);

describe('groupform pruning Commerce Layer groups', () => {
  it('empties and deletes undeclared groups, spares ignored ones, and moves a declared member first', async () => {
    const state = shopWithCustomers('ava@example.com', 'zoe@example.com', 'leo@example.com', 'old@example.com');
    state.customer_groups = [
      group('GrpVipAaaa', 'vip', 'VIP'),
      group('GrpSpringA', 'spring', 'Spring 2024'),
      group('GrpLegacyA', 'legacy-b2b', 'Legacy B2B'),
      group('GrpNoCodeA', null, 'Made by hand'),
    ];
    for (const [i, id] of ['GrpSpringA', 'GrpSpringA', 'GrpNoCodeA', 'GrpLegacyA'].entries()) state.customers[i]!.customer_group_id = id;
    setup = await setupCommerceLayer(
      `${pruning('    prune: true\n    ignore: ["Legacy *"]\n    safety: { max_group_changes: 1 }\n')}
groups:
  vip:
    name: VIP
    members: [ava@example.com]
`,
      // The stricter reading of CL's docs: a group that still has customers cannot be deleted (423).
      { state, groupDeletion: 'lock' },
    );

    const plan = await setup.run(['plan', '--detailed-exitcode']);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('~ ava@example.com (from cl/#GrpSpringA (Spring 2024))');
    expect(plan.stdout).toContain('- zoe@example.com');
    expect(plan.stdout).toContain('- leo@example.com');
    expect(plan.stdout).toContain('- delete group cl/#GrpSpringA (Spring 2024)');
    expect(plan.stdout).toContain('- delete group cl/#GrpNoCodeA (Made by hand)');
    expect(plan.stdout).not.toMatch(/Legacy|old@example/);
    expect(plan.stdout).toContain('Plan: 0 groups to add, 0 to change, 2 to delete; 3 customers to move.');

    const apply = await setup.run(['apply', '--auto-approve']);
    expect(apply.stderr).not.toContain('Error');
    expect(apply.code).toBe(0);
    const after = setup.emulator.state();
    expect(after.customer_groups.map((g) => g.id).sort()).toEqual(['GrpLegacyA', 'GrpVipAaaa']);
    expect(membersByCode(after)).toEqual({ vip: ['ava@example.com'], 'legacy-b2b': ['old@example.com'] });
    expect(
      after.customers
        .filter((c) => c.customer_group_id === null)
        .map((c) => c.email)
        .sort(),
    ).toEqual(['leo@example.com', 'zoe@example.com']);
    expect(setup.calls().filter((c) => c.status === 423)).toEqual([]);
    expect((await setup.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('refuses a declared group whose code matches an ignored group, naming both, and writes nothing', async () => {
    const state = shopWithCustomers('ava@example.com');
    state.customer_groups = [{ ...group('GrpLegacyA', 'legacy', 'Legacy'), metadata: { tier: 'old' } }];
    state.customers[0]!.customer_group_id = 'GrpLegacyA';
    setup = await setupCommerceLayer(
      `${pruning('    ignore: ["*"]\n')}
groups:
  legacy:
    name: Legacy Club
    commercelayer: { metadata: { tier: new } }
`,
      { state },
    );
    const before = setup.emulator.state();
    for (const args of [['plan'], ['apply', '--auto-approve']]) {
      const refused = await setup.run(args);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        'groups.yaml:14:3: error: group legacy matches live group "Legacy" (#GrpLegacyA) on cl by code, and ignore pattern "*" covers that group',
      );
    }
    expect(setup.calls().filter((c) => c.method !== 'GET' && c.path !== '/oauth/token')).toEqual([]);
    expect(setup.emulator.state()).toEqual(before);
  });

  it('moves a declared customer out of an ignored group and says so, leaving the group and its other members', async () => {
    const state = shopWithCustomers('ava@example.com', 'old@example.com');
    state.customer_groups = [group('GrpVipAaaa', 'vip', 'VIP'), group('GrpLegacyA', 'legacy-b2b', 'Legacy B2B')];
    for (const c of state.customers) c.customer_group_id = 'GrpLegacyA';
    setup = await setupCommerceLayer(
      `${pruning('    prune: true\n    ignore: ["Legacy *"]\n')}\ngroups:\n  vip:\n    name: VIP\n    members: [ava@example.com]\n`,
      { state },
    );

    const plan = await setup.run(['plan']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('1 customer leaves group "Legacy B2B" (#GrpLegacyA) on cl, which ignore pattern "Legacy *" covers');
    expect((await setup.run(['apply', '--auto-approve'])).code).toBe(0);
    expect(membersByCode(setup.emulator.state())).toEqual({ vip: ['ava@example.com'], 'legacy-b2b': ['old@example.com'] });
    expect((await setup.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it("refuses to remove most of a group's members until --force", async () => {
    const emails = Array.from({ length: 10 }, (_, i) => `member${i}@example.com`);
    const state = shopWithCustomers(...emails);
    state.customer_groups = [group('GrpVipAaaa', 'vip', 'VIP')];
    for (const c of state.customers) c.customer_group_id = 'GrpVipAaaa';
    setup = await setupCommerceLayer(`${PROVIDER_BLOCK}\ngroups:\n  vip:\n    name: VIP\n    members: [${emails.slice(0, 6).join(', ')}]\n`, { state });

    for (const args of [['plan'], ['apply', '--auto-approve']]) {
      const refused = await setup.run(args);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('would remove 4 of 10 customers from cl/vip (40%, limit 30%); use --force to apply anyway');
    }
    expect(setup.calls().filter((c) => c.method !== 'GET' && c.path !== '/oauth/token')).toEqual([]);

    const forced = await setup.run(['apply', '--auto-approve', '--force']);
    expect(forced.code).toBe(0);
    expect(membersByCode(setup.emulator.state()).vip).toEqual(emails.slice(0, 6).sort());
  });

  // Commerce Layer documents 423 Locked but not when a group with customers gets it, so both readings are run.
  // A storefront sign-up lands in the pruned group after groupform read it (the emulator's onChange, at the first
  // membership write): the plan could not move that customer out.
  describe.each([
    ['lock', 1],
    ['unassign', 0],
  ] as const)('when a customer joins a pruned group during apply (groupDeletion: %s)', (groupDeletion, exitCode) => {
    it('reports what the platform did', async () => {
      const state = shopWithCustomers('ava@example.com', 'zoe@example.com');
      state.customer_groups = [group('GrpVipAaaa', 'vip', 'VIP'), group('GrpSpringA', 'spring', 'Spring 2024')];
      state.customers[1]!.customer_group_id = 'GrpSpringA';
      let joined = false;
      setup = await setupCommerceLayer(
        `${pruning('    prune: true\n')}
groups:
  vip:
    name: VIP
    members: [ava@example.com]
`,
        {
          state,
          groupDeletion,
          onChange: (now) => {
            if (joined || !setup) return;
            joined = true;
            setup.emulator.setState({
              ...now,
              customers: [...now.customers, { ...now.customers[1]!, id: 'CusLateAaa', email: 'late@example.com', customer_group_id: 'GrpSpringA' }],
            });
          },
        },
      );

      const apply = await setup.run(['apply', '--auto-approve']);
      expect(apply.code).toBe(exitCode);
      const after = setup.emulator.state();
      const late = after.customers.find((c) => c.email === 'late@example.com')!;
      if (groupDeletion === 'lock') {
        expect(apply.stdout).toContain('Apply complete: 2 done, 1 failed, 0 not attempted.');
        expect(apply.stdout).toContain(
          'cl/#GrpSpringA (delete group): cl: DELETE /api/customer_groups/GrpSpringA failed (HTTP 423): The customer group could not be deleted due to integrity constraints: 1 customers belong to it.',
        );
        expect(after.customer_groups.map((g) => g.id)).toContain('GrpSpringA');
        expect(late.customer_group_id).toBe('GrpSpringA');
        // The next plan shows exactly the remainder: the late customer out, then the delete.
        const next = await setup.run(['plan']);
        expect(next.stdout).toContain('- late@example.com');
        expect(next.stdout).toContain('- delete group cl/#GrpSpringA (Spring 2024)');
      } else {
        expect(apply.stdout).toContain('Apply complete: 3 done, 0 failed, 0 not attempted.');
        expect(after.customer_groups.map((g) => g.id)).toEqual(['GrpVipAaaa']);
        expect(late.customer_group_id).toBeNull();
      }
      expect(setup.calls().filter((c) => c.status === 423)).toHaveLength(groupDeletion === 'lock' ? 1 : 0);
    });
  });
});
