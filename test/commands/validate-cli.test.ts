// The real, built CLI: `groupform validate` as a user or a pipeline runs it.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { fixturesDir, repoRoot } from '../config/helpers.js';

const SECRET = 'zz-TOPSECRET-cli-91ab';
const rootEnv = {
  CL_BASE_URL: 'https://northwind.commercelayer.io',
  CL_CLIENT_ID: 'cl-client',
  CL_CLIENT_SECRET: SECRET,
  BC_STORE_HASH: 'abc123',
  BC_ACCESS_TOKEN: SECRET,
  XTRAKIT_API_KEY: SECRET,
};

describe('groupform validate (CLI)', () => {
  it('accepts the root groups.yaml and exits 0', async () => {
    const result = await runCli(['validate'], { cwd: repoRoot, env: rootEnv });
    expect(result).toEqual({ code: 0, stdout: 'groups.yaml: valid (3 providers, 5 groups, 12 members).\n', stderr: '' });
  });

  it('names each unset variable and its line, and exits 1', async () => {
    const result = await runCli(['validate'], { cwd: repoRoot, env: { ...rootEnv, CL_CLIENT_ID: undefined } });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'groups.yaml:13:16: error: The environment variable CL_CLIENT_ID is not set (used by \'client_id\' of provider \'cl\'). Set it, or write ${CL_CLIENT_ID:-default} to give a default.\n' +
        'groups.yaml: 1 error.\n',
    );
  });

  it('reads -c and prints JSON with --format json', async () => {
    const result = await runCli(['validate', '-c', 'invalid/unknown-property-typo.yaml', '--format', 'json'], {
      cwd: fixturesDir,
      env: { CL_CLIENT_SECRET: 'a-secret', BC_ACCESS_TOKEN: 'b-secret', XK_API_KEY: 'x-secret' },
    });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings).toEqual([
      {
        severity: 'error',
        code: 'unknown-property',
        message: "Unknown property 'membrs' in group 'vip'; did you mean 'members'?",
        pos: { file: 'invalid/unknown-property-typo.yaml', line: 20, column: 5 },
      },
    ]);
  });

  it('fails on warnings with --strict', async () => {
    const env = { BC_ACCESS_TOKEN: 'b-secret' };
    const lenient = await runCli(['validate', '-c', 'duplicate-member.yaml'], { cwd: fixturesDir + 'warnings', env });
    const strict = await runCli(['validate', '-c', 'duplicate-member.yaml', '--strict'], { cwd: fixturesDir + 'warnings', env });
    expect([lenient.code, strict.code]).toEqual([0, 1]);
    expect(strict.stdout.trimEnd().split('\n').pop()).toBe('duplicate-member.yaml: 2 errors.');
  });

  it('never prints a secret, even with --verbose', async () => {
    for (const format of ['text', 'json']) {
      const result = await runCli(['validate', '--verbose', '--format', format], { cwd: repoRoot, env: rootEnv });
      expect(result.code).toBe(0);
      expect(result.stdout + result.stderr).not.toContain(SECRET);
    }
    const broken = await runCli(['validate', '--verbose', '-c', 'schema-echo.yaml'], { cwd: fixturesDir + 'secrets', env: { SECRET } });
    expect(broken.code).toBe(1);
    expect(broken.stdout + broken.stderr).not.toContain(SECRET);
  });

  it('rejects an unknown --format', async () => {
    const result = await runCli(['validate', '--format', 'xml'], { cwd: repoRoot, env: rootEnv });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid values');
  });
});
