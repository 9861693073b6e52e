// Names that must be free, end to end: the real CLI against the emulators over HTTP. A create that takes the
// name a rename frees, a swap of two names through a temporary name, a rename into a name an unmanaged group
// holds (refused, or done after prune deletes that group): each converges in one apply, then plans no changes.
import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator, type BigCommerceEmulator } from '../../src/emulators/bigcommerce/index.js';
import { createProject, type Project } from '../helpers/e2e.js';
import { customer as bcCustomer, group as bcGroup, membership, providerBlock, state, STORE, storeEnv } from './bigcommerce-helpers.js';
import { address, groupOf, useXtrakitCase } from './xtrakit-setup.js';

/** The plan with bare provider headers (`Provider bc`): these tests are about the changes, not the header's platform and store. */
const bare = (text: string): string => text.replace(/^(Provider \S+) \(.*\)$/gm, '$1');

const startXtrakit = useXtrakitCase();

const xtrakitConfig = (groups: string) => `version: 1
providers:
  xk:
    type: xtrakit
    base_url: \${XTRAKIT_BASE_URL}
    api_key: \${XTRAKIT_API_KEY}
defaults:
  providers: [xk]
groups:
${groups}`;

describe('names on Xtrakit', () => {
  it('renames a group before the create that takes its old name, in one apply', async () => {
    const { emulator, run } = await startXtrakit({
      emulator: {
        state: {
          customer_groups: [{ id: 12, group_name: 'Wholesale' }],
          customers: [{ id: 20, customer_email: 'ann@example.com', customer_name: 'Ann Lee', ...address }],
        },
      },
      files: {
        'groups.yaml': xtrakitConfig(`  b2b:
    name: Spring Sale
    ids: { xk: 12 }
  VIP:
    name: Wholesale
    members: [ann@example.com]
`),
      },
    });

    const planned = await run(['plan']);
    expect(bare(planned.stdout)).toContain(`Provider xk
  ~ update group xk/b2b
      name: "Wholesale" -> "Spring Sale"
  + create group xk/VIP
      name: "Wholesale"
  + 1 customer joins xk/VIP
      + ann@example.com
`);

    const applied = await run(['apply', '--auto-approve']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 3 done, 0 failed, 0 not attempted.');
    expect(emulator.state().customer_groups.map((g) => [g.id, g.group_name])).toEqual([
      [12, 'Spring Sale'],
      [13, 'Wholesale'],
    ]);
    expect(groupOf(emulator)).toEqual({ 20: 13 });
    // The rename ran before the create: no refusal on the way.
    expect(emulator.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'PUT /api/v1/customer-groups/12 200',
      'POST /api/v1/customer-groups/add 200',
      'PUT /api/v1/customers/20 200',
    ]);

    const again = await run(['plan', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes.');
  });

  it('turns a ring of three names with one temporary name, in one apply', async () => {
    const { emulator, run } = await startXtrakit({
      emulator: {
        state: {
          customer_groups: [
            { id: 1, group_name: 'Gold' },
            { id: 2, group_name: 'Silver' },
            { id: 3, group_name: 'Bronze' },
          ],
          customers: [],
        },
      },
      files: {
        'groups.yaml': xtrakitConfig(`  gold:
    name: Silver
    ids: { xk: 1 }
  silver:
    name: Bronze
    ids: { xk: 2 }
  bronze:
    name: gold
    ids: { xk: 3 }
`),
      },
    });
    const planned = await run(['plan']);
    expect(bare(planned.stdout)).toContain(`Provider xk
  ~ update group xk/bronze (temporary name: frees "Bronze")
      name: "Bronze" -> "gold (groupform-tmp-3)"
  ~ update group xk/silver
      name: "Silver" -> "Bronze"
  ~ update group xk/gold
      name: "Gold" -> "Silver"
  ~ update group xk/bronze
      name: "gold (groupform-tmp-3)" -> "gold"
`);
    expect(planned.stdout).toContain('Plan: 0 groups to add, 3 to change, 0 to delete; 0 customers to move.');

    const applied = await run(['apply', '--auto-approve']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 4 done, 0 failed, 0 not attempted.');
    expect(emulator.state().customer_groups.map((g) => [g.id, g.group_name])).toEqual([
      [1, 'Silver'],
      [2, 'Bronze'],
      [3, 'gold'],
    ]);
    expect((await run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});

describe('names on BigCommerce', () => {
  let bc: BigCommerceEmulator | undefined;
  let project: Project | undefined;
  afterEach(async () => {
    await bc?.close();
    await project?.remove();
    bc = project = undefined;
  });

  async function store(groups: string, live: ReturnType<typeof bcGroup>[], extra = '') {
    const customers = live.length === 2 && live[0]!.id === 1 ? [bcCustomer(1, 'ava@example.com', 1), bcCustomer(2, 'bo@example.com', 2)] : [];
    bc = await startBigCommerceEmulator({ port: 0, stores: [STORE], state: state({ [STORE.storeHash]: { groups: live, customers } }) });
    project = await createProject({
      'groups.yaml': `version: 1\nproviders:\n${providerBlock('bc', 'BC', extra)}\ndefaults:\n  providers: [bc]\ngroups:\n${groups}`,
    });
    const env = storeEnv(bc, STORE);
    return { bc, run: (args: string[]) => project!.run(args, env) };
  }
  const names = (emulator: BigCommerceEmulator) => emulator.state().stores[STORE.storeHash]!.customer_groups.map((g) => [g.id, g.name]);

  const swap = `  a:
    name: B
    ids: { bc: 1 }
    members: [ava@example.com]
  b:
    name: A
    ids: { bc: 2 }
    members: [bo@example.com]
`;

  it('swaps two names through a temporary name in one apply, members untouched', async () => {
    const { bc, run } = await store(swap, [bcGroup(1, 'A'), bcGroup(2, 'B')]);
    const planned = await run(['plan']);
    expect(bare(planned.stdout)).toContain(`Provider bc
  ~ update group bc/a (temporary name: frees "A")
      name: "A" -> "B (groupform-tmp-1)"
  ~ update group bc/b
      name: "B" -> "A"
  ~ update group bc/a
      name: "B (groupform-tmp-1)" -> "B"
`);
    const applied = await run(['apply', '--auto-approve']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 3 done, 0 failed, 0 not attempted.');
    expect(names(bc)).toEqual([
      [1, 'B'],
      [2, 'A'],
    ]);
    expect(membership(bc)).toEqual({ 'ava@example.com': 1, 'bo@example.com': 2 });
    expect(bc.requests.filter((r) => r.method === 'PUT').map((r) => [r.path.split('/').at(-1), r.body, r.status])).toEqual([
      ['1', { name: 'B (groupform-tmp-1)' }, 200],
      ['2', { name: 'A' }, 200],
      ['1', { name: 'B' }, 200],
    ]);
    const again = await run(['plan', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes.');
  });

  it('carries the temporary-name step in a saved plan, and applies it as reviewed', async () => {
    const { bc, run } = await store(swap, [bcGroup(1, 'A'), bcGroup(2, 'B')]);
    expect((await run(['plan', '--out', 'plan.json'])).code).toBe(0);
    const saved = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(`${project!.dir}/plan.json`, 'utf8'))) as {
      plan: { changes: { address: string; temporary?: boolean }[] };
    };
    expect(saved.plan.changes.map((change) => [change.address, change.temporary ?? false])).toEqual([
      ['bc/a:temporary-name', true],
      ['bc/b', false],
      ['bc/a', false],
    ]);
    const applied = await run(['apply', 'plan.json', '--auto-approve']);
    expect(applied.stderr).toContain('✔ bc: temporary name for group a');
    expect(applied.code).toBe(0);
    expect(names(bc)).toEqual([
      [1, 'B'],
      [2, 'A'],
    ]);
    expect((await run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('converges from a run stopped after the temporary name: the pinned id finds the group', async () => {
    const { bc, run } = await store(swap, [bcGroup(1, 'B (groupform-tmp-1)'), bcGroup(2, 'B')]);
    const planned = await run(['plan']);
    expect(bare(planned.stdout)).toContain(`Provider bc
  ~ update group bc/b
      name: "B" -> "A"
  ~ update group bc/a
      name: "B (groupform-tmp-1)" -> "B"
`);
    expect((await run(['apply', '--auto-approve'])).code).toBe(0);
    expect(names(bc)).toEqual([
      [1, 'B'],
      [2, 'A'],
    ]);
    expect((await run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('refuses a rename into the name of a group the file does not manage, naming it; with prune deletes it first', async () => {
    const groups = `  vip:
    name: Retail
    ids: { bc: 5 }
`;
    const live = [bcGroup(4, 'Retail'), bcGroup(5, 'VIP')];
    const refused = await store(groups, live);
    const planned = await refused.run(['plan']);
    expect(planned.code).toBe(1);
    expect(planned.stdout + planned.stderr).toContain('group vip: the name "Retail" is held on bc by live group #4 "Retail", which the file does not manage');
    const apply = await refused.run(['apply', '--auto-approve']);
    expect(apply.code).toBe(1);
    expect(refused.bc.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    await bc!.close();
    await project!.remove();

    const pruned = await store(groups, live, 'prune: true');
    const plannedPrune = await pruned.run(['plan']);
    expect(bare(plannedPrune.stdout)).toContain(`Provider bc
  - delete group bc/#4 (Retail)
  ~ update group bc/vip
      name: "VIP" -> "Retail"
`);
    const applied = await pruned.run(['apply', '--auto-approve']);
    expect(applied.code).toBe(0);
    expect(names(pruned.bc)).toEqual([[5, 'Retail']]);
    expect((await pruned.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});
