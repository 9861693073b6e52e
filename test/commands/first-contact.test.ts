// Item 6 of issue 11, through the real CLI against the emulators: `init` writes a starter that validates,
// `import` starts without a config and merges into an existing file, and `plan --sandbox` without a config
// fails before the sandbox writes anything.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createProject, type Project } from '../helpers/e2e.js';
import type { CliResult } from '../helpers/run-cli.js';
import { bigCommerceSeed } from './bigcommerce-seed.js';
import { sandboxProject, type SandboxProject } from './sandbox-project.js';

let env: SandboxProject | undefined;
let project: Project | undefined;
afterEach(async () => {
  await env?.close();
  await project?.remove();
  env = undefined;
  project = undefined;
});

/** Two BigCommerce groups, each with a customer. */
const seed = bigCommerceSeed(
  [
    { id: 1, name: 'Wholesale' },
    { id: 2, name: 'Beta testers' },
  ],
  [
    { id: 1, email: 'buyer@example.com', group: 1 },
    { id: 2, email: 'tester@example.com', group: 2 },
  ],
);

const read = (name: string): Promise<string> => readFile(path.join((env?.project ?? project)!.dir, name), 'utf8');

describe('groupform init', () => {
  it('writes a commented starter with the $schema line that validates and changes nothing, for any choice of platforms', async () => {
    env = await sandboxProject({});
    for (const providers of ['cl,bc,xk', 'bc', 'commercelayer', 'xk,cl']) {
      const init = await env.run(['init', '--providers', providers, '--force']);
      expect(init.code).toBe(0);
      const text = await read('groups.yaml');
      expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S*schemas\/groups\.schema\.json$/);
      const config = parse(text) as { providers: Record<string, { type: string }> };
      expect(Object.keys(config.providers).join(',')).toBe(providers.replace('commercelayer', 'cl'));
      const validate = await env.run(['validate']);
      expect(validate.stdout).toContain('groups.yaml: valid');
      expect(validate.code).toBe(0);
      const plan = await env.run(['plan', '--detailed-exitcode']);
      expect(plan.stdout).toBe('No changes. Live state matches groups.yaml.\n');
      expect(plan.code).toBe(0);
    }
  });

  it('refuses to overwrite a file unless --force, and an unknown platform', async () => {
    project = await createProject({ 'groups.yaml': '# mine\n' });
    const refused = await project.run(['init']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('groups.yaml already exists; groupform init does not overwrite it (--force to replace it).');
    expect(await read('groups.yaml')).toBe('# mine\n');
    const unknown = await project.run(['init', '-c', 'new.yaml', '--providers', 'cl,shopify']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--providers shopify: name a platform');
    expect(existsSync(path.join(project.dir, 'new.yaml'))).toBe(false);
    expect((await project.run(['init', '--force'])).code).toBe(0);
    expect(await read('groups.yaml')).toContain('version: 1');
  });
});

describe('groupform import without a config', () => {
  it('imports the platforms named with --provider into a new file that plans as No changes', async () => {
    env = await sandboxProject({}, { seed });
    const imported = await env.run(['import', '--provider', 'bc', '--out', 'groups.yaml']);
    expect(imported.stderr).toBe('Wrote groups.yaml.\n');
    expect(imported.code).toBe(0);
    const text = await read('groups.yaml');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S*schemas\/groups\.schema\.json$/);
    expect(text).toContain('access_token: ${BC_ACCESS_TOKEN}');
    expect(parse(text)).toMatchObject({ groups: { wholesale: { members: ['buyer@example.com'], ids: { bc: 1 } } } });
    expect((await env.run(['validate'])).code).toBe(0);
    expect((await env.run(['plan'])).stdout).toBe('No changes. Live state matches groups.yaml.\n');
    expect((await readFileNames(env.project.dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('asks which platforms when there is neither a config nor --provider, writing nothing', async () => {
    env = await sandboxProject({}, { seed });
    const refused = await env.run(['import', '--out', 'groups.yaml']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'groups.yaml does not exist: name the platforms to import with --provider (cl, bc, xk), or start one with groupform init.',
    );
    expect(await readFileNames(env.project.dir)).toEqual([]);
  });
});

describe('groupform import into an existing file', () => {
  const mine = `# Our groups: reviewed by the CRM team.
version: 1
providers:
  bc:
    type: bigcommerce
    base_url: \${BC_BASE_URL}
    store_hash: \${BC_STORE_HASH}
    access_token: \${BC_ACCESS_TOKEN}   # from the vault
groups:
  wholesale:
    name: Wholesale
    protect: true                        # never deleted
    membership: additive
    members: [buyer@example.com]
`;

  it('adds the groups the file lacks and keeps its comments, protect and membership: additive', async () => {
    env = await sandboxProject({ 'groups.yaml': mine }, { seed });
    const merged = await env.run(['import', '--out', 'groups.yaml']);
    expect(merged.stderr).toContain('Merged into groups.yaml: 1 group added');
    expect(merged.code).toBe(0);
    const text = await read('groups.yaml');
    for (const kept of ['# Our groups: reviewed by the CRM team.', '# from the vault', 'protect: true', '# never deleted', 'membership: additive']) {
      expect(text).toContain(kept);
    }
    const config = parse(text) as { groups: Record<string, unknown> };
    expect(Object.keys(config.groups)).toEqual(['wholesale', 'beta-testers']);
    expect(config.groups['beta-testers']).toEqual(expect.objectContaining({ name: 'Beta testers', members: ['tester@example.com'], ids: { bc: 2 } }));
    expect(config.groups['beta-testers']).not.toHaveProperty('providers');
    expect((await env.run(['validate'])).code).toBe(0);
    expect((await env.run(['plan'])).stdout).toBe('No changes. Live state matches groups.yaml.\n');
    // Nothing left to add: a second import changes nothing.
    expect((await env.run(['import', '--out', 'groups.yaml'])).stderr).toContain('0 groups added');
    expect(await read('groups.yaml')).toBe(text);
  });

  it('refuses to overwrite a file it does not read, unless --force', async () => {
    env = await sandboxProject({ 'groups.yaml': mine, 'other.yaml': '# not mine\n' }, { seed });
    const refused = await env.run(['import', '--out', 'other.yaml']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('other.yaml exists: import merges only into the config it reads');
    expect(await read('other.yaml')).toBe('# not mine\n');
    const forced = await env.run(['import', '--out', 'other.yaml', '--force']);
    expect(forced.code).toBe(0);
    expect(parse(await read('other.yaml'))).toMatchObject({ groups: { wholesale: { ids: { bc: 1 } }, 'beta-testers': { ids: { bc: 2 } } } });
  });
});

describe('README, Getting started', () => {
  it('runs as written, with --sandbox in place of --env-file, ending in No changes', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /## Getting started\n\n```sh\n([^`]+)```/.exec(readme)?.[1];
    const commands = (block ?? '')
      .trim()
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim().split(/\s+/));
    expect(commands.map((words) => words.slice(0, 3).join(' '))).toEqual(['npx groupform init', 'npx groupform import', 'npx groupform plan']);
    project = await createProject({});
    let last: CliResult | undefined;
    for (const words of commands) {
      const args = words.slice(2).join(' ').replace('--env-file .env', '--sandbox').split(' ');
      last = await project.run(args);
      expect(last.code, `${args.join(' ')}: ${last.stderr}`).toBe(0);
    }
    expect(last?.stdout).toBe('No changes. Live state matches groups.yaml.\n');
  });
});

describe('plan --sandbox without a config', () => {
  it('fails before the sandbox writes its state', async () => {
    project = await createProject({});
    const plan = await project.run(['plan', '--sandbox']);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('Cannot read the config file groups.yaml: there is no such file.');
    expect(existsSync(path.join(project.dir, '.groupform'))).toBe(false);
  });
});

async function readFileNames(dir: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(dir)).filter((name) => name !== 'seed.json');
}
