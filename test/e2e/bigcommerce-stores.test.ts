// End to end on BigCommerce across stores and ownership: two stores in one file, pruning (the platform
// unassigns a deleted group's customers itself, so the plan sends no unassign calls for them), the safety
// limit on deletions and --force, and the shipped two-store example against the sandbox.
import { copyFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator, type BigCommerceEmulator } from '../../src/emulators/bigcommerce/index.js';
import { createProject, type Project } from '../helpers/e2e.js';
import { calls, crowd, customer, group, membership, providerBlock, state, STORE, STORE_2, storeEnv } from './bigcommerce-helpers.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

describe('groupform on BigCommerce, across stores and ownership', () => {
  let bc: BigCommerceEmulator | undefined;
  let project: Project | undefined;

  afterEach(async () => {
    await bc?.close();
    await project?.remove();
    bc = project = undefined;
  });

  it('manages two stores from one file, each with its own token, groups and members', async () => {
    bc = await startBigCommerceEmulator({
      port: 0,
      stores: [STORE, STORE_2],
      state: state({
        [STORE.storeHash]: {
          groups: [group(12, 'VIP')],
          customers: [customer(1, 'ava.jones@example.com'), customer(2, 'liam.smith@example.com', 12)],
        },
        [STORE_2.storeHash]: {
          groups: [group(7, 'VIP EU')],
          customers: [customer(1, 'ava.jones@example.com', 7), customer(2, 'liam.smith@example.com')],
        },
      }),
    });
    project = await createProject({
      'groups.yaml': `version: 1
providers:
${providerBlock('bc-us', 'BC_US')}
${providerBlock('bc-eu', 'BC_EU')}
defaults:
  providers: [bc-us, bc-eu]
groups:
  vip:
    name: VIP
    members: [ava.jones@example.com, liam.smith@example.com]
    bigcommerce:
      discount_rules: [{ type: all, method: percent, amount: 10 }]
    ids: { bc-eu: 7 }
  outlet:
    name: Outlet
    providers: [bc-eu]
`,
    });
    const env = { ...storeEnv(bc, STORE, 'BC_US'), ...storeEnv(bc, STORE_2, 'BC_EU') };

    const plan = await project.run(['plan'], env);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Provider bc-us');
    expect(plan.stdout).toContain('Provider bc-eu');
    // The pinned EU group is renamed in place; the US one is matched by name.
    expect(plan.stdout).toMatch(/name: "VIP EU" -> "VIP"/);
    expect(plan.stdout).toContain('Plan: 1 group to add, 2 to change, 0 to delete; 2 customers to move.');

    const apply = await project.run(['apply', '--auto-approve'], env);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Apply complete: 5 done, 0 failed, 0 not attempted.');
    const [us, eu] = [bc.state().stores[STORE.storeHash]!, bc.state().stores[STORE_2.storeHash]!];
    expect(us.customer_groups.map((g) => [g.id, g.name, g.discount_rules.length])).toEqual([[12, 'VIP', 1]]);
    expect(eu.customer_groups.map((g) => [g.id, g.name, g.discount_rules.length])).toEqual([
      [7, 'VIP', 1],
      [8, 'Outlet', 0],
    ]);
    // The same address is in one group per store.
    expect(membership(bc, STORE)).toEqual({ 'ava.jones@example.com': 12, 'liam.smith@example.com': 12 });
    expect(membership(bc, STORE_2)).toEqual({ 'ava.jones@example.com': 7, 'liam.smith@example.com': 7 });
    // Each store got only its own changes (a wrong token would have been refused with a 401).
    expect(bc.requests.every((r) => r.status < 400)).toBe(true);
    expect(calls(bc, 'PUT', '/v3/customers', STORE).map((r) => r.body)).toEqual([[{ id: 1, customer_group_id: 12 }]]);
    expect(calls(bc, 'PUT', '/v3/customers', STORE_2).map((r) => r.body)).toEqual([[{ id: 2, customer_group_id: 7 }]]);

    const again = await project.run(['plan', '--detailed-exitcode'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes.');
  });

  it("stops at one store's wrong token with one error naming that store, and prints no token", async () => {
    bc = await startBigCommerceEmulator({ port: 0, stores: [STORE, STORE_2] });
    project = await createProject({
      'groups.yaml':
        `version: 1\nproviders:\n${providerBlock('bc-us', 'BC_US')}\n${providerBlock('bc-eu', 'BC_EU')}\n` +
        'defaults:\n  providers: [bc-us, bc-eu]\ngroups:\n  vip:\n    name: VIP\n    members: [ava.jones@example.com]\n',
    });
    const env = { ...storeEnv(bc, STORE, 'BC_US'), ...storeEnv(bc, STORE_2, 'BC_EU'), BC_EU_ACCESS_TOKEN: 'not-the-eu-token' };
    // The good store's reads may still be in flight when the bad one ends the command: the audit log must not
    // be written after it is closed (that crashed the process with a second, unrelated error).
    const run = await project.run(['plan', '--log-file', 'calls.log'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'Error: bc-eu: GET /stores/e2estore2/v2/customer_groups failed (HTTP 401): ' +
        'You are not authorised: the X-Auth-Token is missing or not valid for this store.\n',
    );
  });

  it('prunes undeclared groups with one DELETE each, leaving the unassigning to the platform', async () => {
    bc = await startBigCommerceEmulator({
      port: 0,
      stores: [STORE],
      state: state({
        [STORE.storeHash]: {
          groups: [group(1, 'VIP'), group(2, 'Spring Sale'), group(3, 'Legacy 2019')],
          customers: [
            customer(1, 'ava.jones@example.com', 2), // declared in VIP: moves out of the pruned group
            ...crowd(12, 10, 2), // only in the pruned group: the DELETE unassigns them
            customer(30, 'old.timer@example.com', 3), // in an ignored group: untouched
          ],
        },
      }),
    });
    project = await createProject({
      'groups.yaml': `version: 1
providers:
${providerBlock('bc', 'BC', 'prune: true\nignore: ["Legacy *"]')}
defaults:
  providers: [bc]
groups:
  vip:
    name: VIP
    members: [ava.jones@example.com]
`,
    });
    const env = storeEnv(bc, STORE);

    const plan = await project.run(['plan', '--format', 'json'], env);
    expect(plan.code).toBe(0);
    const { changes, findings } = JSON.parse(plan.stdout) as {
      changes: { kind: string; action: string; address: string }[];
      findings: { severity: string; message: string }[];
    };
    expect(changes.map((c) => `${c.kind} ${c.action} ${c.address}`)).toEqual(['membership update bc/members/ava.jones@example.com', 'group delete bc/#2']);
    // No unassign changes for the 12 others, but the plan says what will happen to them.
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: 'deleting group "Spring Sale" (#2) on bc leaves 12 customers in no group: the platform unassigns them itself',
      }),
    ]);

    const apply = await project.run(['apply', '--auto-approve'], env);
    expect(apply.code).toBe(0);
    expect(calls(bc, 'PUT', '/v3/customers').map((r) => r.body)).toEqual([[{ id: 1, customer_group_id: 1 }]]);
    expect(calls(bc, 'DELETE', '/v2/customer_groups/2')).toHaveLength(1);
    const store = bc.state().stores[STORE.storeHash]!;
    expect(store.customer_groups.map((g) => g.name)).toEqual(['VIP', 'Legacy 2019']);
    const groups = membership(bc);
    for (const c of crowd(12, 10)) expect(groups[c.email]).toBe(0);
    expect(groups['old.timer@example.com']).toBe(3);
  });

  it('refuses to delete more than 30% of 10 or more groups, and goes ahead with --force', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Segment ${i + 1}`);
    bc = await startBigCommerceEmulator({
      port: 0,
      stores: [STORE],
      state: state({ [STORE.storeHash]: { groups: names.map((name, i) => group(i + 1, name)), customers: [] } }),
    });
    // The file keeps 8 of the 12 groups: 4 deletions, 33%.
    const kept = names
      .slice(0, 8)
      .map((name, i) => `  s${i + 1}:\n    name: ${name}`)
      .join('\n');
    project = await createProject({
      'groups.yaml': `version: 1\nproviders:\n${providerBlock('bc', 'BC', 'prune: true')}\ndefaults:\n  providers: [bc]\ngroups:\n${kept}\n`,
    });
    const env = storeEnv(bc, STORE);

    const refused = await project.run(['apply', '--auto-approve'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('bc: error: would delete 4 of 12 groups on bc (33%, limit 30%); use --force to apply anyway');
    expect(bc.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    const forced = await project.run(['apply', '--auto-approve', '--force'], env);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('Apply complete: 4 done, 0 failed, 0 not attempted.');
    const deleted = calls(bc, 'DELETE', '/v2/customer_groups/').map((r) => Number(r.path.split('/').at(-1)));
    expect(deleted.sort((a, b) => a - b)).toEqual([9, 10, 11, 12]);
    expect(bc.state().stores[STORE.storeHash]!.customer_groups.map((g) => g.name)).toEqual(names.slice(0, 8));
  });

  it('plans examples/multi-store.yaml against the sandbox, and converges after apply', async () => {
    project = await createProject();
    await copyFile(path.join(examples, 'multi-store.yaml'), path.join(project.dir, 'multi-store.yaml'));
    await cp(path.join(examples, 'members'), path.join(project.dir, 'members'), { recursive: true });

    const plan = await project.run(['plan', '--sandbox', '-c', 'multi-store.yaml', '--detailed-exitcode']);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('Provider bc-us');
    expect(plan.stdout).toContain('Provider bc-eu');
    // VIP is pinned to the US store's group 2, which matches; the EU store has none yet.
    expect(plan.stdout).toContain('+ create group bc-eu/vip');
    expect(plan.stdout).not.toContain('bc-us/vip');
    expect(plan.stdout).toContain('Plan: 4 groups to add, 0 to change, 0 to delete; 2 customers to move.');

    const apply = await project.run(['apply', '--sandbox', '-c', 'multi-store.yaml', '--auto-approve']);
    expect(apply.code).toBe(0);
    const again = await project.run(['plan', '--sandbox', '-c', 'multi-store.yaml', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes. Live state matches multi-store.yaml.');
  });
});
