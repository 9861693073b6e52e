// The real CLI with the built-in sandbox: the project's own groups.yaml against all three emulators, state
// that persists next to the config, the standalone `groupform sandbox`, the audit log and JSON output.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_CL_CLIENT_SECRET } from '../../src/emulators/commercelayer/index.js';
import { SANDBOX_STORES } from '../../src/emulators/bigcommerce/index.js';
import { SANDBOX_XTRAKIT_API_KEY } from '../../src/emulators/xtrakit/index.js';
import { createProject, type Project } from '../helpers/e2e.js';
import { binPath } from '../helpers/run-cli.js';
import { schemaErrors, schemaValidator } from '../helpers/schemas.js';

const root = new URL('../../', import.meta.url);
const groupsYaml = await readFile(new URL('groups.yaml', root), 'utf8');
const sandboxSecrets = [SANDBOX_CL_CLIENT_SECRET, SANDBOX_XTRAKIT_API_KEY, ...SANDBOX_STORES.map((s) => s.accessToken)];

let project: Project | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

/** A temp project holding a copy of the repository's groups.yaml. */
async function copyOfGroupsYaml(): Promise<Project> {
  project = await createProject({ 'groups.yaml': groupsYaml });
  return project;
}

describe('groupform --sandbox', () => {
  it('plans groups.yaml against all three platforms, as `npm start` does', async () => {
    const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node bin/groupform.js plan --sandbox');

    const { run } = await copyOfGroupsYaml();
    const plan = await run(['plan', '--sandbox', '--detailed-exitcode']);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(2);
    // In the config's order, each with its platform and where it is reached.
    expect(plan.stdout.split('\n').filter((line) => line.startsWith('Provider '))).toEqual([
      expect.stringMatching(/^Provider cl \(Commerce Layer, 127\.0\.0\.1:\d+\)$/),
      'Provider bc (BigCommerce, store sandbox1)',
      expect.stringMatching(/^Provider xk \(Xtrakit, 127\.0\.0\.1:\d+\)$/),
    ]);
    // A group the config does not manage is named one way everywhere: its id, and its name where the read has it.
    expect(plan.stdout).toContain('~ olivia.brown@example.com (from bc/#1 (Retail))');
    expect(plan.stdout).toContain('~ olivia.brown@example.com (from xk/#4 (Beta testers))');
    expect(plan.stdout).toMatch(/^Plan: \d+ groups? to add, \d+ to change, \d+ to delete; \d+ customers? to move\.$/m);
  });

  it('persists an apply in .groupform/sandbox.json, converges, and --sandbox-reset brings the drift back', async () => {
    const { run, dir } = await copyOfGroupsYaml();
    const apply = await run(['apply', '--sandbox', '--auto-approve']);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/Apply complete: \d+ done, 0 failed, 0 not attempted\./);
    expect(existsSync(`${dir}/.groupform/sandbox.json`)).toBe(true);

    const again = await run(['plan', '--sandbox', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes');

    const reset = await run(['plan', '--sandbox', '--sandbox-reset', '--detailed-exitcode']);
    expect(reset.code).toBe(2);
    expect(reset.stdout).toContain('~ update group cl/vip');
  });

  it('says how to start over when the saved sandbox state is broken', async () => {
    const { run, write } = await copyOfGroupsYaml();
    await write('.groupform/sandbox.json', '{"commercelayer": {"customers": []}}');
    const broken = await run(['plan', '--sandbox']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/sandbox\.json is invalid: .*Start again from the seed with --sandbox-reset/);
    expect((await run(['plan', '--sandbox', '--sandbox-reset'])).code).toBe(0);
    expect((await run(['plan', '--sandbox'])).code).toBe(0);
  });

  it('refuses apply without --auto-approve when there is no terminal, before starting anything', async () => {
    const { run, dir } = await copyOfGroupsYaml();
    const apply = await run(['apply', '--sandbox']);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('apply needs --auto-approve when there is no terminal to confirm on.');
    expect(apply.stdout).toBe('');
    // The sandbox was never started: it would have written its state file.
    expect(existsSync(`${dir}/.groupform`)).toBe(false);
  });

  it('writes an audit of every call to --log-file, with no credential in it', async () => {
    const { run, dir } = await copyOfGroupsYaml();
    expect((await run(['plan', '--sandbox', '--log-file', 'audit.log'])).code).toBe(0);
    const text = await readFile(`${dir}/audit.log`, 'utf8');
    const entries = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(new Set(entries.map((e) => e.provider))).toEqual(new Set(['cl', 'bc', 'xk']));
    for (const entry of entries) {
      expect(entry).toMatchObject({ method: expect.stringMatching(/^(GET|POST)$/), path: expect.stringMatching(/^\//), status: 200 });
    }
    expect(entries).toContainEqual(expect.objectContaining({ provider: 'cl', method: 'POST', path: '/oauth/token' }));
    for (const secret of sandboxSecrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/eyJ[\w-]+\./); // no Commerce Layer access token
  });

  it('prints a plan document that parses with --format json', async () => {
    const { run } = await copyOfGroupsYaml();
    const plan = await run(['plan', '--sandbox', '--format', 'json']);
    expect(plan.code).toBe(0);
    const doc = JSON.parse(plan.stdout) as { formatVersion: number; changes: { provider: string }[]; summary: Record<string, number> };
    expect(doc.formatVersion).toBe(1);
    expect(new Set(doc.changes.map((c) => c.provider))).toEqual(new Set(['cl', 'bc', 'xk']));
    expect(doc.summary.groupsToCreate).toBeGreaterThan(0);
  });

  it('prints one JSON document, the apply result, with apply --format json', async () => {
    const { run } = await copyOfGroupsYaml();
    const applied = await run(['apply', '--sandbox', '--auto-approve', '--format', 'json']);
    expect(applied.code).toBe(0);
    const result = JSON.parse(applied.stdout) as { done: number; failed: number; items: unknown[] };
    expect(schemaErrors(schemaValidator('apply-result.schema.json'), result)).toEqual([]);
    expect(result.done).toBe(result.items.length);
    expect(result.done).toBeGreaterThan(0);
    const again = await run(['apply', '--sandbox', '--auto-approve', '--format', 'json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ items: [], done: 0, failed: 0, notAttempted: 0 });
  });

  it.each(['commercelayer-only.yaml', 'members-file.yaml', 'multi-store.yaml'])(
    'plans examples/%s against the sandbox, within the safety limits',
    async (name) => {
      const examples = new URL('examples/', root);
      project = await createProject({
        [name]: await readFile(new URL(name, examples), 'utf8'),
        'members/wholesale.txt': await readFile(new URL('members/wholesale.txt', examples), 'utf8'),
        'members/newsletter.txt': await readFile(new URL('members/newsletter.txt', examples), 'utf8'),
      });
      const plan = await project.run(['plan', '--sandbox', '-c', name]);
      expect(plan.stderr).not.toContain('error');
      expect(plan.code).toBe(0);
      expect(plan.stdout).toMatch(/^Plan: \d+ groups? to add/m);
    },
  );
});

/** `groupform sandbox --env --foreground …` in the project: the exported variables, and how to stop it (exit code). */
async function foregroundSandbox(dir: string, flags: string[] = []): Promise<{ env: Record<string, string>; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, [binPath, 'sandbox', '--env', '--foreground', ...flags], {
    cwd: dir,
    env: { PATH: process.env.PATH, CI: 'true', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const stop = async () => {
    child.kill('SIGINT');
    return exited;
  };
  const env: Record<string, string> = {};
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      const match = /^export ([A-Z_]+)=(.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      env[match![1]!] = match![2]!;
      if (env.XTRAKIT_API_KEY) break;
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { env, stop };
}

describe('groupform sandbox (standalone)', () => {
  it('with --env --foreground, prints export lines, serves a config that reads them, and stops cleanly on SIGINT', async () => {
    const { run, dir } = await copyOfGroupsYaml();
    const sandbox = await foregroundSandbox(dir);
    try {
      expect(sandbox.env.CL_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const plan = await run(['plan', '--detailed-exitcode'], sandbox.env);
      expect(plan.stderr).toBe('');
      expect(plan.code).toBe(2);
      for (const provider of ['cl', 'bc', 'xk']) expect(plan.stdout).toMatch(new RegExp(`^Provider ${provider} \\(`, 'm'));
    } finally {
      expect(await sandbox.stop()).toBe(0);
    }
  });

  // Commerce Layer does not document what deleting a group with customers does: the sandbox plays either reading.
  it('with --cl-group-deletion lock, refuses to delete a Commerce Layer group that has customers (423)', async () => {
    const { dir } = await copyOfGroupsYaml();
    const sandbox = await foregroundSandbox(dir, ['--cl-group-deletion', 'lock']);
    try {
      const { CL_BASE_URL: url, CL_CLIENT_ID: client_id, CL_CLIENT_SECRET: client_secret } = sandbox.env;
      const token = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id, client_secret }),
      }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
      const headers = { Accept: 'application/vnd.api+json', Authorization: `Bearer ${token}` };
      const members = await fetch(`${url}/api/customers?filter[q][customer_group_id_eq]=grpVipAAAB`, { headers });
      expect(((await members.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
      const deleted = await fetch(`${url}/api/customer_groups/grpVipAAAB`, { method: 'DELETE', headers });
      expect(deleted.status).toBe(423);
    } finally {
      expect(await sandbox.stop()).toBe(0);
    }
  });
});

describe('eval "$(groupform sandbox --env)"', () => {
  it('returns, leaving the emulators in the background on the printed URLs until kill $GROUPFORM_SANDBOX_PID', async () => {
    const { dir } = await copyOfGroupsYaml();
    const script = `eval "$("${process.execPath}" "${binPath}" sandbox --env)" || exit 9
echo "pid=$GROUPFORM_SANDBOX_PID"
"${process.execPath}" "${binPath}" plan --detailed-exitcode
echo "plan=$?"`;
    const shell = spawn('bash', ['-c', script], { cwd: dir, env: { PATH: process.env.PATH, CI: 'true', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    shell.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    // The shell ends on its own: `eval` got all of --env's output, so the command returned.
    expect(await new Promise((resolve) => shell.on('close', resolve))).toBe(0);
    const pid = Number(/^pid=(\d+)$/m.exec(out)?.[1]);
    expect(pid).toBeGreaterThan(0);
    try {
      expect(out).toMatch(/^plan=2$/m);
      expect(out).toMatch(/^Provider xk \(Xtrakit, 127\.0\.0\.1:\d+\)$/m);
      expect(alive(pid)).toBe(true);
    } finally {
      if (alive(pid)) process.kill(pid, 'SIGTERM');
    }
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(pid)).toBe(false);
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('groupform plan with an invalid config', () => {
  it('exits 1 and names the file, line and column of each mistake', async () => {
    const broken = groupsYaml.replace('    name: Wholesale\n', '    nmae: Wholesale\n');
    const lines = broken.split('\n');
    const typo = lines.indexOf('    nmae: Wholesale') + 1;
    const group = lines.indexOf('  wholesale:') + 1;
    project = await createProject({ 'groups.yaml': broken });
    const plan = await project.run(['plan', '--sandbox']);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toBe('');
    expect(plan.stderr.split('\n')).toEqual([
      `groups.yaml:${group}:3: error: Group 'wholesale' is missing the required property 'name'.`,
      `groups.yaml:${typo}:5: error: Unknown property 'nmae' in group 'wholesale'; did you mean 'name'?`,
      'Error: 2 errors in the configuration',
      '',
    ]);
  });
});
