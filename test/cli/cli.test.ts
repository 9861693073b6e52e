// The built CLI as a process: bin/groupform.js starts, prints and exits with its code (the rest of the suite
// runs the CLI's main in the test process).
import { describe, expect, it } from 'vitest';
import { runCliProcess as runCli } from '../helpers/run-cli.js';

describe('groupform CLI shell', () => {
  it('lists every command in --help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['init', 'validate', 'plan', 'show', 'apply', 'drift', 'import', 'sandbox', 'completion']) {
      expect(result.stdout).toContain(`groupform ${command}`);
    }
  });

  it('prints its version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('rejects an unknown command with exit 1', async () => {
    const result = await runCli(['plna']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Did you mean plan?');
  });
});
