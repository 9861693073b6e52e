// End to end on BigCommerce: the real CLI against the emulator over loopback HTTP.
// The lifecycle: plan shows a create, an update whose discount rules replace the live set, member moves and
// an authoritative removal; apply makes them in batches of 10 customers; the next plan has nothing to do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator, type BigCommerceEmulator } from '../../src/emulators/bigcommerce/index.js';
import { createProject, type Project } from '../helpers/e2e.js';
import { calls, crowd, customer, group, membership, providerBlock, state, STORE, storeEnv } from './bigcommerce-helpers.js';

const WHOLESALE = crowd(25, 101); // c101..c125, in no group: joins a new group in three batches
const config = `version: 1
providers:
${providerBlock('bc', 'BC')}
defaults:
  providers: [bc]
groups:
  vip:
    name: VIP
    members: [ava.jones@example.com, liam.smith@example.com, ghost@example.com]
    bigcommerce:
      category_access: { type: all }
      discount_rules: [{ type: all, method: percent, amount: 10 }]
  wholesale:
    name: Wholesale
    members_file: members/wholesale.txt
    membership: additive
    bigcommerce:
      category_access: { type: specific, categories: [23, 18] }
      discount_rules: [{ type: price_list, price_list_id: 2 }]
`;

function seed() {
  return state({
    [STORE.storeHash]: {
      groups: [
        group(1, 'Retail', { is_default: true }),
        group(5, 'VIP', {
          discount_rules: [
            { type: 'all', method: 'percent', amount: '5.0000' },
            { type: 'category', method: 'percent', amount: '15.0000', category_id: 42 },
          ],
        }),
      ],
      customers: [
        customer(1, 'ava.jones@example.com', 5), // stays
        customer(2, 'liam.smith@example.com', 1), // moves from Retail into VIP
        customer(3, 'old.friend@example.com', 5), // not declared in VIP (authoritative): leaves it
        customer(4, 'someone.else@example.com', 1), // untouched: Retail is not managed
        ...WHOLESALE,
      ],
    },
  });
}

describe('groupform on BigCommerce, end to end', () => {
  let bc: BigCommerceEmulator;
  let project: Project;
  let env: Record<string, string>;

  beforeEach(async () => {
    // Each customer batch update takes a moment on the platform, which runs at most 3 at once.
    bc = await startBigCommerceEmulator({ port: 0, stores: [STORE], state: seed(), customerUpdateMs: 20 });
    project = await createProject({
      'groups.yaml': config,
      'members/wholesale.txt': ['# trade accounts', ...WHOLESALE.map((c) => c.email.toUpperCase())].join('\n') + '\n',
    });
    env = storeEnv(bc, STORE);
  });

  afterEach(async () => {
    await bc.close();
    await project.remove();
  });

  it('scopes warnings to --target as it scopes changes: a prune delete outside the target is not warned about', async () => {
    await project.write('groups.yaml', config.replace(providerBlock('bc', 'BC'), providerBlock('bc', 'BC', 'prune: true')));
    const vip = await project.run(['plan', '--target', 'bc/vip'], env);
    expect(vip.code).toBe(0);
    expect(vip.stdout).toContain('ghost@example.com'); // vip's own warning stays
    expect(vip.stdout).not.toMatch(/delete group|deleting group/);
    expect(vip.stdout).toMatch(/0 to delete/);
    const whole = await project.run(['plan', '--target', 'bc'], env);
    expect(whole.stdout).toContain('deleting group "Retail" (#1) on bc leaves 1 customer in no group');
    expect(whole.stdout).toMatch(/1 to delete/);
  });

  it('plans the create, the rule replacement, the moves and the removal, and warns of a missing customer', async () => {
    const run = await project.run(['plan', '--detailed-exitcode'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Provider bc');
    expect(run.stdout).toMatch(/\+ .*wholesale/);
    expect(run.stdout).toMatch(/~ .*vip/);
    expect(run.stdout).toContain('customer ghost@example.com (group vip) not found on bc');
    expect(run.stdout).toContain('Plan: 1 group to add, 1 to change, 0 to delete; 27 customers to move.');
    // A plan writes nothing.
    expect(bc.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('refuses a missing customer under --strict, naming it, and changes nothing', async () => {
    const run = await project.run(['apply', '--auto-approve', '--strict'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('customer ghost@example.com (group vip) not found on bc');
    expect(run.stderr).toContain('the plan was refused');
    expect(bc.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('applies everything, in batches of at most 10 customers, then plans no changes', async () => {
    const apply = await project.run(['apply', '--auto-approve'], env);
    expect(apply.stderr).not.toContain('Error');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Apply complete: 29 done, 0 failed, 0 not attempted.');

    const store = bc.state().stores[STORE.storeHash]!;
    const wholesale = store.customer_groups.find((g) => g.name === 'Wholesale')!;
    expect(wholesale).toMatchObject({
      category_access: { type: 'specific', categories: [18, 23] },
      discount_rules: [{ type: 'price_list', price_list_id: 2 }],
    });
    // PUT replaces the whole rule set: the category rule the file does not declare is gone.
    expect(store.customer_groups.find((g) => g.id === 5)!.discount_rules).toEqual([{ type: 'all', method: 'percent', amount: '10.0000' }]);
    expect(calls(bc, 'PUT', '/v2/customer_groups/5').map((r) => r.body)).toEqual([{ discount_rules: [{ type: 'all', method: 'percent', amount: '10.0000' }] }]);

    const groups = membership(bc);
    expect(groups).toMatchObject({
      'ava.jones@example.com': 5,
      'liam.smith@example.com': 5,
      'old.friend@example.com': 0,
      'someone.else@example.com': 1,
    });
    for (const c of WHOLESALE) expect(groups[c.email]).toBe(wholesale.id);

    const batches = calls(bc, 'PUT', '/v3/customers').map((r) => r.body as { id: number; customer_group_id: number }[]);
    // 26 customers join or move (two phases share nothing), then 1 leaves VIP with customer_group_id 0.
    expect(batches.map((b) => b.length).sort((a, b) => a - b)).toEqual([1, 6, 10, 10]);
    expect(batches.find((b) => b.length === 1)).toEqual([{ id: 3, customer_group_id: 0 }]);
    // Never a 4th concurrent batch, never a refusal.
    expect(bc.requests.filter((r) => r.status >= 400)).toEqual([]);

    const again = await project.run(['plan', '--detailed-exitcode'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes. Live state matches groups.yaml.');
    // The missing customer is still reported: groupform never creates customers.
    expect(again.stdout).toContain('customer ghost@example.com (group vip) not found on bc');
  });

  it('prints the plan as JSON on stdout with nothing else there', async () => {
    const run = await project.run(['plan', '--format', 'json'], env);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as { summary: unknown; changes: { address: string; action: string }[] };
    expect(plan.summary).toEqual({ groupsToCreate: 1, groupsToUpdate: 1, groupsToDelete: 0, customersToMove: 27 });
    expect(plan.changes.slice(0, 2).map((c) => [c.address, c.action])).toEqual([
      ['bc/wholesale', 'create'],
      ['bc/vip', 'update'],
    ]);
  });
});
