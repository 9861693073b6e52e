// No secret value may reach any output of validate: not the findings, not --verbose, not JSON, not errors.
import { describe, expect, it } from 'vitest';
import { runValidate, type ValidateOptions } from '../../src/commands/validate.js';
import { fixturesDir } from '../config/helpers.js';
import { memoryIo } from './memory-io.js';

const SECRET = 'zz-TOPSECRET-4e1f77b0';

const modes: [string, Partial<ValidateOptions>][] = [
  ['text', {}],
  ['--verbose', { verbose: true }],
  ['--strict', { strict: true }],
  ['--format json', { format: 'json' }],
  ['--format json --verbose', { format: 'json', verbose: true }],
];

// valid.yaml: the secret in all three secret fields; the others misplace it into fields whose errors show values.
const files: [string, number][] = [
  ['valid.yaml', 0],
  ['schema-echo.yaml', 1],
  ['semantic-echo.yaml', 1],
];

describe('validate keeps secrets out of its output', () => {
  for (const [file, exitCode] of files) {
    it.each(modes)(`${file} with %s`, async (_, mode) => {
      const io = memoryIo(fixturesDir + 'secrets', { SECRET });
      const code = await runValidate({ config: file, strict: false, format: 'text', verbose: false, color: false, ...mode }, io);
      expect(code).toBe(mode.strict ? 1 : exitCode);
      expect(io.out()).not.toContain(SECRET);
      expect(io.err()).not.toContain(SECRET);
      expect(io.out()).not.toContain('TOPSECRET');
    });
  }

  it('still says where the secret was misplaced', async () => {
    const io = memoryIo(fixturesDir + 'secrets', { SECRET });
    await runValidate({ config: 'schema-echo.yaml', strict: false, format: 'text', verbose: false, color: false }, io);
    expect(io.out()).toContain(
      "schema-echo.yaml:6:15: error: 'base_url' of provider 'cl' uses ${SECRET}, which holds a secret (it is the client_secret of provider 'cl'): plans show this field and the platform stores it, so a secret may only fill a credential field (client_secret, access_token, api_key).",
    );
  });

  it('shows secret fields as [redacted] with --verbose', async () => {
    const io = memoryIo(fixturesDir + 'secrets', { SECRET });
    await runValidate({ config: 'valid.yaml', strict: false, format: 'json', verbose: true, color: false }, io);
    const report = JSON.parse(io.out());
    expect(report.config.providers.map((p: { secrets: string[] }) => p.secrets)).toEqual([['client_secret'], ['access_token'], ['api_key']]);
  });
});
