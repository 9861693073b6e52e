// Item 7 of issue 11, through the real CLI against the emulators: `show FILE` prints a saved plan as `plan`
// printed it, `--env-file` supplies the variables (the environment wins), and `completion` prints a script.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { runCli } from '../helpers/run-cli.js';
import { memoryIo } from './memory-io.js';
import { repoConfig, sandboxProject, type SandboxProject } from './sandbox-project.js';

let env: SandboxProject | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

describe('groupform show', () => {
  it('prints a saved plan as plan printed it, in text, markdown and json', async () => {
    env = await sandboxProject({ 'groups.yaml': await repoConfig() });
    // The saved plan keeps an object's fields in canonical (sorted) order, so a group's fields may be listed
    // in another order: the same lines, and for JSON the same document.
    // A saved plan records no provider's platform or store, so show heads a section with the bare name
    // (`Provider cl`, `#### cl`) where plan says `Provider cl (Commerce Layer, …)`.
    const lines = (text: string): string[] =>
      text
        .split('\n')
        .map((line) => line.replace(/^(Provider|####) (\S+) \(.*\)$/, '$1 $2'))
        .sort();
    for (const format of ['text', 'markdown', 'json']) {
      const plan = await env.run(['plan', '--out', 'p.json', '--format', format]);
      expect(plan.code).toBe(0);
      const show = await env.run(['show', 'p.json', '--format', format]);
      expect(show.stderr).toBe('');
      expect(show.code).toBe(0);
      if (format === 'json') expect(JSON.parse(show.stdout)).toEqual(JSON.parse(plan.stdout));
      else expect(lines(show.stdout)).toEqual(lines(plan.stdout));
    }
    // No platform is needed to show a plan.
    const offline = await runCli(['show', 'p.json', '--mask-emails'], { cwd: env.project.dir });
    expect(offline.code).toBe(0);
    expect(offline.stdout).toContain('Plan: ');
    expect(offline.stdout).not.toMatch(/[a-z]{2,}\.[a-z]+@example\.com/);
  });

  it("prints a saved plan as an HTML page, the same groups and sections as plan's page, masked unless --no-mask-emails", async () => {
    env = await sandboxProject({ 'groups.yaml': await repoConfig() });
    const plan = await env.run(['plan', '--out', 'p.json', '--format', 'html']);
    const show = await env.run(['show', 'p.json', '--format', 'html']);
    expect(show.code).toBe(0);
    const groups = (html: string): string[] => [...html.matchAll(/<details class="group" data-group="([^"]+)">/g)].map((m) => m[1]!).sort();
    const headline = (html: string): string | undefined => /<p class="headline" id="headline">([^<]*)<\/p>/.exec(html)?.[1];
    expect(groups(show.stdout).length).toBeGreaterThan(3);
    expect(groups(show.stdout)).toEqual(groups(plan.stdout));
    expect(headline(show.stdout)).toBe(headline(plan.stdout));
    expect(show.stdout).not.toMatch(/[a-z]{2,}\.[a-z]+@example\.com/);
    expect((await env.run(['show', 'p.json', '--format', 'html', '--no-mask-emails'])).stdout).toMatch(/[a-z]{2,}\.[a-z]+@example\.com/);
  });

  it('refuses an edited plan and names a missing one', async () => {
    env = await sandboxProject({ 'groups.yaml': await repoConfig() });
    expect((await env.run(['plan', '--out', 'p.json'])).code).toBe(0);
    const file = path.join(env.project.dir, 'p.json');
    const saved = JSON.parse(await readFile(file, 'utf8')) as { plan: { changes: unknown[] } };
    saved.plan.changes.pop();
    await writeFile(file, JSON.stringify(saved));
    const edited = await env.run(['show', 'p.json']);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toBe('');
    expect(edited.stderr).toContain('p.json was changed after groupform wrote it');
    const missing = await env.run(['show', 'nothing.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/the saved plan nothing\.json: cannot read it: there is no such file\./);
  });
});

describe('--env-file', () => {
  it('reads the variables from the file; the environment wins; secrets stay out of the output', async () => {
    env = await sandboxProject({ 'groups.yaml': await repoConfig() });
    const lines = Object.entries(env.sandbox.env).map(([name, value]) => `${name}="${value}"`);
    await env.project.write('.env', `# the sandbox\n${lines.join('\n')}\n`);
    const run = (args: string[], vars: Record<string, string> = {}) => runCli(args, { cwd: env!.project.dir, env: vars });

    expect((await run(['plan'])).code).toBe(1);
    const planned = await run(['plan', '--env-file', '.env', '--detailed-exitcode']);
    expect(planned.stderr).toBe('');
    expect(planned.code).toBe(2);
    expect(planned.stdout).toContain('Plan: ');

    // A variable already set is not overridden by the file: the wrong key reaches Xtrakit and is refused.
    const overridden = await run(['plan', '--env-file', '.env'], { XTRAKIT_API_KEY: 'not-the-key' });
    expect(overridden.code).toBe(1);
    expect(overridden.stderr).toMatch(/xk: .*401/);
    for (const value of Object.values(env.sandbox.env).filter((v) => !v.startsWith('http') && v.length > 8)) {
      expect(planned.stdout + planned.stderr + overridden.stdout + overridden.stderr).not.toContain(value);
    }
  });

  // In process: `node script --env-file missing` is refused by Node itself before the script runs
  // (nodejs/node#54232), with its own message naming the file and exit code 9.
  it('refuses a file it cannot read, naming it', async () => {
    const io = memoryIo(env?.project.dir ?? process.cwd(), {});
    try {
      await main(['validate', '--env-file', 'missing.env'], io);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = undefined;
    }
    expect(io.err()).toMatch(/--env-file missing\.env: cannot read it: there is no such file\./);
  });
});

describe('groupform completion', () => {
  it('prints a shell completion script, and completes commands and flags', async () => {
    const script = await runCli(['completion']);
    expect(script.code).toBe(0);
    expect(script.stdout).toContain('###-begin-groupform-completions-###');
    const commands = await runCli(['--get-yargs-completions', 'groupform', '']);
    expect(commands.stdout.split('\n')).toEqual(expect.arrayContaining(['plan', 'apply', 'show', 'drift']));
    const flags = await runCli(['--get-yargs-completions', 'groupform', 'drift', '--']);
    expect(flags.stdout.split('\n')).toEqual(expect.arrayContaining(['--baseline', '--sandbox']));
    expect(flags.stdout).not.toContain('--parallelism');
  });
});
