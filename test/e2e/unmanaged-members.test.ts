// End to end on BigCommerce: a group that declares neither `members` nor `members_file` (the repository's own
// `guests`) has its fields managed and its memberships left alone, even in authoritative mode.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator, type BigCommerceEmulator } from '../../src/emulators/bigcommerce/index.js';
import { createProject, type Project } from '../helpers/e2e.js';
import { calls, crowd, customer, group, membership, providerBlock, state, STORE, storeEnv } from './bigcommerce-helpers.js';

const GUESTS = crowd(12, 201, 7); // more than the safety limit's minimum: an emptying plan would be refused
const config = `version: 1
providers:
${providerBlock('bc', 'BC')}
defaults:
  providers: [bc]
  membership: authoritative
groups:
  vip:
    name: VIP
    members: [ava.jones@example.com]
  guests:
    name: Guests
    bigcommerce:
      is_group_for_guests: true
      category_access: { type: specific, categories: [18, 23] }
`;

describe('a declared group without members, end to end', () => {
  let bc: BigCommerceEmulator;
  let project: Project;
  let env: Record<string, string>;

  beforeEach(async () => {
    bc = await startBigCommerceEmulator({
      port: 0,
      stores: [STORE],
      state: state({
        [STORE.storeHash]: {
          groups: [group(5, 'VIP'), group(7, 'Guests', { is_group_for_guests: true })],
          customers: [customer(1, 'ava.jones@example.com'), ...GUESTS],
        },
      }),
    });
    project = await createProject({ 'groups.yaml': config });
    env = storeEnv(bc, STORE);
  });

  afterEach(async () => {
    await bc.close();
    await project.remove();
  });

  it('updates the group, keeps its live members, then plans no changes', async () => {
    const apply = await project.run(['apply', '--auto-approve'], env);
    expect(apply.stderr).not.toContain('Error');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Apply complete: 2 done, 0 failed, 0 not attempted.');
    expect(bc.state().stores[STORE.storeHash]!.customer_groups.find((g) => g.id === 7)!.category_access).toEqual({ type: 'specific', categories: [18, 23] });
    // The one customer write is ava joining VIP; every guest is still in Guests.
    expect(calls(bc, 'PUT', '/v3/customers').map((r) => r.body)).toEqual([[{ id: 1, customer_group_id: 5 }]]);
    const groups = membership(bc);
    for (const c of GUESTS) expect(groups[c.email]).toBe(7);

    const again = await project.run(['plan', '--detailed-exitcode'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes. Live state matches groups.yaml.');
  });
});
