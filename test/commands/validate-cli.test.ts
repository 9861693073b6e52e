// The real CLI: `groupform validate` as a user or a pipeline runs it.
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

  it('needs no secret: each unset variable is a warning naming it and its line, an error with --strict', async () => {
    const result = await runCli(['validate'], { cwd: repoRoot, env: {} });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.includes(': warning: The environment variable '))).toHaveLength(6);
    expect(lines).toContain(
      "groups.yaml:14:20: warning: The environment variable CL_CLIENT_SECRET is not set (used by 'client_secret' of provider 'cl'). Set it in the environment.",
    );
    expect(lines.pop()).toBe('groups.yaml: valid (3 providers, 5 groups, 12 members), 6 warnings.');
    // No default is suggested for a credential; one is for a plain setting.
    expect(result.stdout).not.toMatch(/\$\{(CL_CLIENT_SECRET|CL_CLIENT_ID|BC_ACCESS_TOKEN|XTRAKIT_API_KEY):-/);
    expect(result.stdout).toContain('write ${CL_BASE_URL:-default} to give a default');

    const strict = await runCli(['validate', '--strict'], { cwd: repoRoot, env: { ...rootEnv, CL_CLIENT_ID: undefined } });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(
      "groups.yaml:13:16: error: The environment variable CL_CLIENT_ID is not set (used by 'client_id' of provider 'cl'). Set it in the environment.\n" +
        'groups.yaml: 1 error.\n',
    );
  });

  it('still reports a real mistake when the variables are unset', async () => {
    const result = await runCli(['validate', '-c', 'invalid/unknown-property-typo.yaml'], { cwd: fixturesDir, env: {} });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("error: Unknown property 'membrs' in group 'vip'; did you mean 'members'?");
  });

  it('plan still needs every variable: an error naming it and its line', async () => {
    const result = await runCli(['plan'], { cwd: repoRoot, env: { ...rootEnv, BC_ACCESS_TOKEN: undefined } });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain(
      "groups.yaml:19:19: error: The environment variable BC_ACCESS_TOKEN is not set (used by 'access_token' of provider 'bc'). Set it in the environment.",
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
