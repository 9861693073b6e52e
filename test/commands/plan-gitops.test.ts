import { afterEach, describe, expect, it } from 'vitest';
import { schemaErrors, schemaValidator } from '../helpers/schemas.js';
import { bigCommerceConfig, bigCommerceSeed, type SeedCustomer, type SeedGroup } from './bigcommerce-seed.js';
import { repoConfig, sandboxProject, type SandboxProject } from './sandbox-project.js';

let env: SandboxProject | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const groups = (n: number): SeedGroup[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `Group ${i + 1}` }));
const customers = (n: number, group: number, from = 1): SeedCustomer[] =>
  Array.from({ length: n }, (_, i) => ({ id: from + i, email: `customer-${String(from + i).padStart(5, '0')}@example.com`, group }));
const declare = (keys: number[], extra = ''): string => keys.map((i) => `  g${i}:\n    name: Group ${i}\n${extra}`).join('');

describe('plan for machines and reviewers', () => {
  it('prints JSON valid against schemas/plan.schema.json, with the API cost per provider', async () => {
    env = await sandboxProject({ 'groups.yaml': await repoConfig() });
    const result = await env.run(['plan', '--format', 'json']);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as { changes: unknown[]; estimate: { provider: string; calls: number }[] };
    expect(schemaErrors(schemaValidator('plan.schema.json'), plan)).toEqual([]);
    expect(plan.changes.length).toBeGreaterThan(10);
    expect(plan.estimate.map((estimate) => estimate.provider)).toEqual(['bc', 'cl', 'xk']);
    expect(plan.estimate.every((estimate) => estimate.calls > 0)).toBe(true);
  });

  it('keeps a markdown comment for 10,000 membership changes under 60,000 characters, e-mails masked', async () => {
    const members = customers(10_000, 0);
    env = await sandboxProject(
      {
        'groups.yaml': bigCommerceConfig('  vip:\n    name: Group 1\n    members_file: members/vip.txt'),
        'members/vip.txt': members.map((customer) => customer.email).join('\n') + '\n',
      },
      { seed: bigCommerceSeed(groups(1), members) },
    );
    const result = await env.run(['plan', '--format', 'markdown']);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeLessThanOrEqual(60_000);
    expect(result.stdout).toContain('**Plan: 0 groups to add, 0 to change, 0 to delete; 10000 customers to move.**');
    expect(result.stdout).toContain('+ 10000 customers join bc/vip');
    expect(result.stdout).toMatch(/c\*\*\*#[0-9a-f]{6}@example\.com/);
    expect(result.stdout).not.toContain('customer-00001@example.com');
  }, 60_000);
});

describe('--target', () => {
  it('narrows reads and changes to a provider, a group key, or provider/key', async () => {
    env = await sandboxProject({ 'groups.yaml': await repoConfig() });
    const addresses = async (...targets: string[]): Promise<string[]> => {
      const result = await env!.run(['plan', '--format', 'json', ...targets.flatMap((target) => ['--target', target])]);
      expect(result.stderr).not.toContain('Error');
      return (JSON.parse(result.stdout) as { changes: { address: string }[] }).changes.map((change) => change.address);
    };
    const all = await addresses();
    expect(new Set(all.map((address) => address.split('/')[0]))).toEqual(new Set(['bc', 'cl', 'xk']));
    expect((await addresses('cl')).every((address) => address.startsWith('cl/'))).toBe(true);
    const vip = await addresses('vip');
    expect(vip).toContain('cl/vip');
    expect(vip).toContain('bc/vip');
    expect(vip).not.toContain('bc/staff');
    expect(await addresses('bc/vip')).toEqual(vip.filter((address) => address.startsWith('bc/')));
    expect((await addresses('bc/vip', 'xk')).sort()).toEqual(all.filter((a) => a.startsWith('xk/') || (vip.includes(a) && a.startsWith('bc/'))).sort());
  });

  it('refuses a target the config does not have', async () => {
    env = await sandboxProject({ 'groups.yaml': await repoConfig() });
    const result = await env.run(['plan', '--target', 'shopify']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--target shopify: no provider or group key of groups.yaml is called 'shopify'");
  });
});

describe('safety limits', () => {
  it('refuses deleting more than 30% of the live groups, unless --force', async () => {
    env = await sandboxProject({ 'groups.yaml': bigCommerceConfig(declare([1, 2, 3, 4, 5, 6]), 'prune: true') }, { seed: bigCommerceSeed(groups(10), []) });
    const refused = await env.run(['plan']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('bc: error: would delete 4 of 10 groups on bc (40%, limit 30%); use --force to apply anyway');
    const forced = await env.run(['plan', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('0 to change, 4 to delete');
  });

  it("takes the limits from the provider's safety settings", async () => {
    env = await sandboxProject(
      {
        'groups.yaml': bigCommerceConfig(declare([1, 2, 3, 4, 5, 6]), 'prune: true\nsafety: { max_group_changes: 0.5 }'),
      },
      { seed: bigCommerceSeed(groups(10), []) },
    );
    expect((await env.run(['plan'])).code).toBe(0);
  });

  it("refuses removing more than 30% of a group's members, unless --force", async () => {
    const members = customers(10, 1);
    const kept = members.slice(0, 6).map((customer) => customer.email);
    env = await sandboxProject(
      { 'groups.yaml': bigCommerceConfig(`  g1:\n    name: Group 1\n    members: [${kept.join(', ')}]`) },
      { seed: bigCommerceSeed(groups(1), members) },
    );
    const refused = await env.run(['plan']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('would remove 4 of 10 customers from bc/g1 (40%, limit 30%); use --force to apply anyway');
    expect((await env.run(['plan', '--force'])).code).toBe(0);
  });

  it('refuses emptying a provider, however few groups it has, unless --force', async () => {
    env = await sandboxProject({ 'groups.yaml': bigCommerceConfig('', 'prune: true') }, { seed: bigCommerceSeed(groups(2), []) });
    const refused = await env.run(['plan']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('would delete every group on bc (2 of 2); use --force to apply anyway');
    expect((await env.run(['plan', '--force'])).code).toBe(0);
  });
});
