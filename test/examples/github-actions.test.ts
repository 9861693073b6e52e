// The example workflows (examples/github-actions/): valid GitHub Actions files by action-validator (the
// SchemaStore workflow schema), doing what the README's "In a pipeline" promises, and their groupform shell
// steps run as written against the sandbox (`npx groupform` resolved to this build, never downloaded).
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { binPath } from '../helpers/run-cli.js';
import { repoRoot } from '../config/helpers.js';
import { repoConfig, sandboxProject, type SandboxProject } from '../commands/sandbox-project.js';

const run = promisify(execFile);
const dir = repoRoot + 'examples/github-actions/';
const validator = repoRoot + 'node_modules/.bin/action-validator';
const workflows = ['groupform-plan.yml', 'groupform-apply.yml', 'groupform-drift.yml'];

interface Step {
  name?: string;
  run?: string;
  if?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { environment?: string; if?: string; steps: Step[] }>;
}

const load = async (file: string): Promise<Workflow> => parse(await readFile(dir + file, 'utf8')) as Workflow;
const step = (workflow: Workflow, name: string): Step => {
  const found = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .find((s) => s.name === name);
  if (!found) throw new Error(`no step ${name}`);
  return found;
};

async function lint(file: string): Promise<number> {
  try {
    await run(validator, [file]);
    return 0;
  } catch (error) {
    return (error as { code: number }).code;
  }
}

describe('the example workflows', () => {
  it.each(workflows)('%s passes action-validator', async (file) => {
    expect(await lint(dir + file)).toBe(0);
  });

  it('action-validator refuses a broken workflow (the lint can fail)', async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'groupform-wf-'));
    try {
      await writeFile(path.join(scratch, 'bad.yml'), 'name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n');
      expect(await lint(path.join(scratch, 'bad.yml'))).not.toBe(0);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('plan: validate first without secrets, a comment found by its marker and naming the commit, artifacts encrypted', async () => {
    const plan = await load('groupform-plan.yml');
    expect(Object.keys(plan.on)).toEqual(['pull_request', 'workflow_dispatch']);
    expect(plan.jobs.validate!.steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npx groupform validate']);
    const post = step(plan, 'Post the plan').run!;
    expect(post).toContain("marker='<!-- groupform-plan -->'");
    expect(post).toContain('Plan for %s');
    expect(post).toContain('-X PATCH');
    const uploads = Object.values(plan.jobs)
      .flatMap((job) => job.steps)
      .filter((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(uploads.map((s) => s.with?.path)).toEqual(['plan.json.enc']);
  });

  it('apply: a protected environment, the reviewed plan on merge, re-plan and apply on workflow_dispatch', async () => {
    const apply = await load('groupform-apply.yml');
    expect(Object.keys(apply.on)).toEqual(['pull_request', 'workflow_dispatch']);
    expect(apply.jobs.apply!.environment).toBe('groupform');
    expect(step(apply, 'Apply the reviewed plan').run).toBe('npx groupform apply plan.json');
    expect(step(apply, 'Re-plan and apply').run).toContain('npx groupform apply --auto-approve');
  });

  it('drift: the label created if missing, one issue, the whole report an encrypted artifact', async () => {
    const drift = await load('groupform-drift.yml');
    expect(step(drift, 'Drift').run).toContain('--report drift.md --report drift.json');
    expect(step(drift, 'Report').run).toContain('gh label create groupform-drift');
    const uploads = Object.values(drift.jobs)
      .flatMap((job) => job.steps)
      .filter((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(uploads.map((s) => s.with?.path)).toEqual(['drift.json.enc']);
  });
});

describe("the workflows' shell steps against the sandbox", () => {
  let env: SandboxProject;
  let shims: string;

  beforeAll(async () => {
    env = await sandboxProject({ 'groups.yaml': await repoConfig() });
    // `npx groupform` is this build; anything else npx would fetch fails instead.
    shims = await mkdtemp(path.join(tmpdir(), 'groupform-shims-'));
    await writeFile(path.join(shims, 'npx'), `#!/bin/sh\n[ "$1" = groupform ] || exit 127\nshift\nexec "${process.execPath}" "${binPath}" "$@"\n`);
    await chmod(path.join(shims, 'npx'), 0o755);
  }, 30_000);
  afterAll(async () => {
    await env?.close();
    await rm(shims, { recursive: true, force: true });
  });

  /** Runs a step's script with bash as Actions does (`-e`), in the project, with the sandbox's credentials. */
  async function runStep(script: string, extra: Record<string, string> = {}): Promise<{ code: number; output: string }> {
    const output = path.join(env.project.dir, 'github-output');
    await writeFile(output, '');
    const childEnv = { PATH: `${shims}:${process.env.PATH}`, CI: 'true', NO_COLOR: '1', GITHUB_OUTPUT: output, ...env.sandbox.env, ...extra };
    try {
      await run('bash', ['-e', '-c', script], { cwd: env.project.dir, env: childEnv });
      return { code: 0, output: await readFile(output, 'utf8') };
    } catch (error) {
      return { code: (error as { code: number }).code, output: await readFile(output, 'utf8') };
    }
  }

  it('plan writes the comment and the saved plan, encrypted for the artifact and decrypted by apply', async () => {
    const plan = await load('groupform-plan.yml');
    const apply = await load('groupform-apply.yml');
    const planned = await runStep(step(plan, 'Plan').run!);
    expect(planned).toEqual({ code: 0, output: 'code=0\n' });
    const comment = await readFile(path.join(env.project.dir, 'plan.md'), 'utf8');
    expect(comment).toMatch(/^### groupform plan\n/);
    expect(comment).not.toContain('olivia.brown@example.com');

    const key = { GROUPFORM_ARTIFACT_KEY: 'test-passphrase-6d1f' };
    expect((await runStep(step(plan, 'Encrypt the saved plan').run!, key)).code).toBe(0);
    const encrypted = await readFile(path.join(env.project.dir, 'plan.json.enc'));
    expect(encrypted.toString('latin1')).not.toContain('@example.com');
    // The decryption line of the apply workflow, as written.
    const decrypt = step(apply, 'Fetch the reviewed plan')
      .run!.split('\n')
      .find((line) => line.includes('openssl enc -d'))!;
    expect((await runStep(decrypt, key)).code).toBe(0);
    expect(JSON.parse(await readFile(path.join(env.project.dir, 'plan.json'), 'utf8'))).toHaveProperty('plan');
  }, 60_000);

  it('a refused plan becomes a comment with its reasons, e-mails masked', async () => {
    const plan = await load('groupform-plan.yml');
    // Ava in two groups of one store: an error that names her.
    await env.project.write(
      'groups.yaml',
      (await repoConfig()).replace('      - noah.wilson@example.com\n', '      - noah.wilson@example.com\n      - ava.jones@example.com\n'),
    );
    try {
      const refused = await runStep(step(plan, 'Plan').run!);
      expect(refused).toEqual({ code: 0, output: 'code=1\n' });
      const comment = await readFile(path.join(env.project.dir, 'plan.md'), 'utf8');
      expect(comment).toMatch(/^### groupform plan: refused\n/);
      expect(comment).toContain("a***@example.com is in group 'wholesale' and in group 'vip'");
      expect(comment).not.toContain('ava.jones');
    } finally {
      await env.project.write('groups.yaml', await repoConfig());
    }
  }, 60_000);

  it('drift writes the issue body under the limit and the whole report', async () => {
    const drift = await load('groupform-drift.yml');
    await env.project.write('drift-baseline.yaml', 'items: []\n');
    const result = await runStep(step(drift, 'Drift').run!);
    expect(result).toEqual({ code: 0, output: 'code=2\n' });
    const body = await readFile(path.join(env.project.dir, 'drift.md'), 'utf8');
    expect(body.length).toBeLessThan(60_000);
    expect(body).toMatch(/^### groupform drift\n/);
    const report = JSON.parse(await readFile(path.join(env.project.dir, 'drift.json'), 'utf8')) as { drift: unknown[] };
    expect(report.drift.length).toBeGreaterThan(0);
  }, 60_000);
});
