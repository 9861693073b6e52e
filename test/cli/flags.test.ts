// Item 8 of issue 11: flag mistakes are caught before any work, with a hint, through the real CLI.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, type Project } from '../helpers/e2e.js';
import { runCli } from '../helpers/run-cli.js';

const groupsYaml = await readFile(new URL('../../groups.yaml', import.meta.url), 'utf8');

let project: Project;
beforeAll(async () => {
  project = await createProject({ 'groups.yaml': groupsYaml });
});
afterAll(() => project.remove());

/** Nothing was read or written: no sandbox state, no saved plan. */
function untouched(): void {
  expect(existsSync(path.join(project.dir, '.groupform'))).toBe(false);
  expect(existsSync(path.join(project.dir, 'p.json'))).toBe(false);
}

describe('flag mistakes', () => {
  it('plain `groupform` prints the help on stderr and exits 1', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('groupform plan');
    expect(result.stderr).toContain('Commands:');
  });

  it('suggests the flag a typo meant', async () => {
    const result = await project.run(['plan', '--sandbx']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--sandbx: did you mean --sandbox?');
    untouched();
  });

  it('refuses -out=p.json instead of reading it as -o -u -t', async () => {
    const result = await project.run(['plan', '--sandbox', '-out=p.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('-out=p.json: options with a long name take two dashes: --out=p.json');
    untouched();
  });

  it('refuses `plan --out` without a file, saving nothing', async () => {
    for (const args of [
      ['plan', '--sandbox', '--out'],
      ['plan', '--sandbox', '--out='],
    ]) {
      const result = await project.run(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('--out needs a value');
      expect(result.stdout).toBe('');
      untouched();
    }
  });

  it('refuses --parallelism abc before planning', async () => {
    const result = await project.run(['apply', '--sandbox', '--auto-approve', '--parallelism', 'abc']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--parallelism needs a number');
    expect(result.stdout).toBe('');
    untouched();
  });

  it('refuses apply --format markdown rather than mixing markdown and text', async () => {
    const result = await project.run(['apply', '--sandbox', '--auto-approve', '--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/format.*markdown.*Choices: "text", "json"/s);
    untouched();
  });

  it('drift --help offers only the flags that do something there', async () => {
    const help = await runCli(['drift', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--sandbox', '--target', '--report', '--baseline', '--format']) expect(help.stdout).toContain(flag);
    for (const flag of ['--parallelism', '--force', '--detailed-exitcode', '--auto-approve']) expect(help.stdout).not.toContain(flag);
    for (const command of ['init', 'show', 'sandbox']) expect((await runCli([command, '--help'])).stdout).not.toContain('--env-file');
    const rejected = await project.run(['drift', '--sandbox', '--parallelism', '3']);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('Unknown argument: parallelism');
  });

  // Last: it starts the sandbox, which keeps its state in the project.
  it('suggests the target a typo meant', async () => {
    const result = await project.run(['plan', '--sandbox', '--target', 'vpi']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Did you mean vip?');
    expect(result.stdout).toBe('');
  });
});
