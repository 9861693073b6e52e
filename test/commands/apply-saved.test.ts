import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { schemaErrors, schemaValidator } from '../helpers/schemas.js';
import { bigCommerceConfig, bigCommerceSeed } from './bigcommerce-seed.js';
import { repoConfig, sandboxProject, type SandboxProject } from './sandbox-project.js';

interface ClState {
  customer_groups: { id: string; code: string | null; name: string }[];
  customers: { id: string; email: string; customer_group_id: string | null }[];
}

let env: SandboxProject;
beforeEach(async () => {
  env = await sandboxProject({ 'groups.yaml': await repoConfig() });
});
afterEach(async () => {
  await env.close();
});

/** Moves a Commerce Layer customer out of band, as someone in the dashboard would. */
async function moveOnCommerceLayer(email: string, groupId: string | null): Promise<void> {
  const state = await env.state<ClState>('commercelayer');
  const customer = state.customers.find((c) => c.email === email);
  if (!customer) throw new Error(`no customer ${email}`);
  customer.customer_group_id = groupId;
  await env.setState('commercelayer', state);
}

async function savePlan(): Promise<void> {
  const result = await env.run(['plan', '--out', 'plan.json']);
  expect(result.stderr).not.toContain('Error');
  expect(result.code).toBe(0);
}

describe('apply of a saved plan', () => {
  it('writes a saved plan valid against its schema, holding no secret', async () => {
    await savePlan();
    const text = await readFile(path.join(env.project.dir, 'plan.json'), 'utf8');
    expect(schemaErrors(schemaValidator('saved-plan.schema.json'), JSON.parse(text))).toEqual([]);
    for (const secret of [env.sandbox.env.CL_CLIENT_SECRET!, env.sandbox.env.BC_ACCESS_TOKEN!, env.sandbox.env.XTRAKIT_API_KEY!]) {
      expect(text).not.toContain(secret);
    }
  });

  it('applies nothing when an item went stale, and lists it (exit 1)', async () => {
    await savePlan();
    await moveOnCommerceLayer('liam.smith@example.com', 'grpSpringC');
    const before = await env.state<ClState>('commercelayer');
    const result = await env.run(['apply', 'plan.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cl: error: cl/members/liam.smith@example.com: the customer moved from no group to #grpSpringC since the plan was made');
    expect(result.stderr).toMatch(/1 item of plan.json no longer matches the platforms, so nothing was applied/);
    expect(await env.state('commercelayer')).toEqual(before);
  });

  it('with --skip-stale, applies the valid items, reports the skipped one and exits 3', async () => {
    await savePlan();
    await moveOnCommerceLayer('liam.smith@example.com', 'grpSpringC');
    const result = await env.run(['apply', 'plan.json', '--skip-stale']);
    expect(result.stderr).toContain('cl/members/liam.smith@example.com: the customer moved from no group to #grpSpringC since the plan was made (skipped)');
    expect(result.stdout).toMatch(/Apply complete: \d+ done, 0 failed, 1 not attempted\./);
    expect(result.stdout).toContain('stale: the customer moved');
    expect(result.code).toBe(3);
    const after = await env.state<ClState>('commercelayer');
    expect(after.customers.find((c) => c.email === 'liam.smith@example.com')?.customer_group_id).toBe('grpSpringC');
    expect(after.customer_groups.some((g) => g.code === 'staff')).toBe(true);
    // What is left is exactly the skipped item.
    const next = await env.run(['plan']);
    expect(next.stdout).toContain('liam.smith@example.com');
    expect(next.stdout).toMatch(/; 1 customer to move\./);
  });

  it('prints the result as JSON valid against schemas/apply-result.schema.json', async () => {
    await savePlan();
    await moveOnCommerceLayer('liam.smith@example.com', 'grpSpringC');
    const result = await env.run(['apply', 'plan.json', '--skip-stale', '--format', 'json']);
    expect(result.code).toBe(3);
    const document = JSON.parse(result.stdout) as { items: { status: string; error?: { code?: string } }[] };
    expect(schemaErrors(schemaValidator('apply-result.schema.json'), document)).toEqual([]);
    expect(document.items.filter((item) => item.error?.code === 'stale')).toHaveLength(1);
  });

  it('refuses a plan made from another version of the config, and a hand-edited one', async () => {
    await savePlan();
    const plan = await readFile(path.join(env.project.dir, 'plan.json'), 'utf8');
    await writeFile(path.join(env.project.dir, 'plan.json'), plan.replace('"liam.smith@example.com"', '"mallory@example.com"'));
    const edited = await env.run(['apply', 'plan.json']);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain('plan.json was changed after groupform wrote it');
    await writeFile(path.join(env.project.dir, 'plan.json'), plan);
    await env.project.write('groups.yaml', (await repoConfig()) + '\n# edited\n');
    const result = await env.run(['apply', 'plan.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('plan.json was made from another version of groups.yaml');
  });

  it('run again after a partial apply, skips what is already applied instead of calling it stale', async () => {
    await savePlan();
    // Part of the plan happens first (here: a fresh apply of xk alone, as a first run that stopped would).
    expect((await env.run(['apply', '--auto-approve', '--target', 'xk'])).code).toBe(0);
    const rest = await env.run(['apply', 'plan.json']);
    expect(rest.stderr).not.toContain('no longer match');
    expect(rest.stderr).toMatch(/\d+ items are already applied on the platforms \(skipped\): xk\//);
    expect(rest.code).toBe(0);
    expect((await env.run(['plan', '--detailed-exitcode'])).code).toBe(0);
    // Once more: everything is in effect, nothing is sent.
    const again = await env.run(['apply', 'plan.json']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Apply complete: 0 done, 0 failed, 0 not attempted.');
  });
});

describe('apply of a saved plan past the safety limits', () => {
  it('needs --force again: the limits are checked on apply as on plan', async () => {
    await env.close();
    const groups = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, name: `Group ${i + 1}` }));
    const declared = [1, 2, 3, 4, 5, 6].map((i) => `  g${i}:\n    name: Group ${i}\n`).join('');
    env = await sandboxProject({ 'groups.yaml': bigCommerceConfig(declared, 'prune: true') }, { seed: bigCommerceSeed(groups, []) });
    expect((await env.run(['plan', '--force', '--out', 'plan.json'])).code).toBe(0);
    const before = await env.state('bigcommerce');
    const refused = await env.run(['apply', 'plan.json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('bc: error: would delete 4 of 10 groups on bc (40%, limit 30%); use --force to apply anyway');
    expect(await env.state('bigcommerce')).toEqual(before);
    const forced = await env.run(['apply', 'plan.json', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('Apply complete: 4 done, 0 failed, 0 not attempted.');
  });
});
