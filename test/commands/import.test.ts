import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bigCommerceConfig, bigCommerceSeed } from './bigcommerce-seed.js';
import { repoConfig, sandboxProject, type SandboxProject } from './sandbox-project.js';

let env: SandboxProject | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

describe('groupform import', () => {
  it('writes a groups.yaml that a plan right after shows as No changes', async () => {
    env = await sandboxProject({ 'groups.yaml': await repoConfig() });
    const imported = await env.run(['import', '--out', 'imported.yaml']);
    expect(imported.stderr).toContain('Wrote imported.yaml');
    expect(imported.code).toBe(0);
    const text = await readFile(path.join(env.project.dir, 'imported.yaml'), 'utf8');
    expect(text).toContain('client_secret: ${CL_CLIENT_SECRET}');
    expect(text).not.toContain(env.sandbox.env.CL_CLIENT_SECRET!);
    const plan = await env.run(['plan', '-c', 'imported.yaml', '--detailed-exitcode']);
    expect(plan.stdout).toBe('No changes. Live state matches imported.yaml.\n');
    expect(plan.code).toBe(0);
    expect((await env.run(['validate', '-c', 'imported.yaml'])).code).toBe(0);
  });

  it('imports only the providers named, members above 50 in members/<key>.txt', async () => {
    const members = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, email: `m${String(i).padStart(2, '0')}@example.com`, group: 1 }));
    env = await sandboxProject(
      { 'groups.yaml': bigCommerceConfig('') },
      {
        seed: bigCommerceSeed(
          [
            { id: 1, name: 'Wholesale Partners' },
            { id: 2, name: 'Empty' },
          ],
          members,
        ),
      },
    );
    const result = await env.run(['import', '--provider', 'bc', '--out', 'adopted.yaml']);
    expect(result.code).toBe(0);
    const config = parse(await readFile(path.join(env.project.dir, 'adopted.yaml'), 'utf8')) as { groups: Record<string, unknown> };
    expect(config.groups).toEqual({
      empty: expect.objectContaining({ name: 'Empty', ids: { bc: 2 } }),
      'wholesale-partners': expect.objectContaining({ name: 'Wholesale Partners', members_file: 'members/wholesale-partners.txt', ids: { bc: 1 } }),
    });
    const file = await readFile(path.join(env.project.dir, 'members/wholesale-partners.txt'), 'utf8');
    expect(
      file
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith('#')),
    ).toEqual(members.map((m) => m.email));
    expect((await env.run(['plan', '-c', 'adopted.yaml'])).stdout).toBe('No changes. Live state matches adopted.yaml.\n');
  });

  it('prints the config, every member inline, when no --out is given; refuses an unknown provider', async () => {
    env = await sandboxProject(
      { 'groups.yaml': bigCommerceConfig('') },
      { seed: bigCommerceSeed([{ id: 1, name: 'VIP' }], [{ id: 1, email: 'a@example.com', group: 1 }]) },
    );
    const printed = await env.run(['import']);
    expect(printed.code).toBe(0);
    expect(parse(printed.stdout)).toMatchObject({ groups: { vip: { name: 'VIP', members: ['a@example.com'], ids: { bc: 1 } } } });
    const refused = await env.run(['import', '--provider', 'shopify']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--provider shopify: not in groups.yaml; its providers are bc.');
  });
});
