import { describe, expect, it } from 'vitest';
import { runValidate, type ValidateOptions } from '../../src/commands/validate.js';
import { fixtureEnv, fixturesDir } from '../config/helpers.js';
import { memoryIo } from './memory-io.js';

const options = (config: string, more: Partial<ValidateOptions> = {}): ValidateOptions => ({
  config,
  strict: false,
  format: 'text',
  verbose: false,
  color: false,
  ...more,
});

async function validate(folder: string, config: string, more: Partial<ValidateOptions> = {}, env: Record<string, string> = {}) {
  const io = memoryIo(fixturesDir + folder, { ...fixtureEnv, ...env });
  const code = await runValidate(options(config, more), io);
  return { code, out: io.out(), err: io.err() };
}

describe('groupform validate', () => {
  it('prints every finding sorted by place, then a summary, and exits 1 on errors', async () => {
    const { code, out, err } = await validate('several', 'several-mistakes.yaml');
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toBe(
      [
        "several-mistakes.yaml:19:11: error: Group 'vip' has more than one 'all' discount rule; BigCommerce allows one.",
        "several-mistakes.yaml:22:25: error: Group 'staff' names provider 'cl', which is not declared in 'providers'; the providers are bc, xk.",
        "several-mistakes.yaml:24:39: warning: mia.davies@example.com is listed twice in group 'staff' (first at line 24, column 15); the repeat is ignored.",
        "members/vip.txt:2:1: error: This line of the members_file of group 'vip' is not a valid e-mail address.",
        'several-mistakes.yaml: 3 errors, 1 warning.',
        '',
      ].join('\n'),
    );
  });

  it('says with --verbose which groups leave their memberships unmanaged', async () => {
    const { code, out } = await validate('valid', 'full.yaml', { verbose: true }, { CL_SLUG: 'northwind' });
    expect(code).toBe(0);
    expect(out).toContain('group staff (Staff): on cl, bc; members not managed\n');
    expect(out).toMatch(/group vip \(VIP\): on cl, bc, xk; \d+ members; authoritative\n/);
  });

  it('exits 0 on a valid file with warnings, and counts what it declares', async () => {
    const { code, out } = await validate('warnings', 'duplicate-member.yaml');
    expect(code).toBe(0);
    expect(out.split('\n').slice(-2)).toEqual(['duplicate-member.yaml: valid (1 provider, 1 group, 3 members), 2 warnings.', '']);
  });

  it('makes warnings errors with --strict', async () => {
    const { code, out } = await validate('warnings', 'duplicate-member.yaml', { strict: true });
    expect(code).toBe(1);
    expect(out).toBe(
      [
        "duplicate-member.yaml:12:62: error: ava.jones@example.com is listed twice in group 'vip' (first at line 12, column 15); the repeat is ignored.",
        "members/vip.txt:2:1: error: liam.smith@example.com is listed twice in group 'vip' (first at duplicate-member.yaml line 12, column 38); the repeat is ignored.",
        'duplicate-member.yaml: 2 errors.',
        '',
      ].join('\n'),
    );
  });

  it('prints the same findings as JSON with --format json', async () => {
    const { code, out } = await validate('warnings', 'duplicate-member.yaml', { format: 'json' });
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toEqual({
      file: 'duplicate-member.yaml',
      valid: true,
      findings: [
        expect.objectContaining({ severity: 'warning', code: 'duplicate-member', pos: { file: 'duplicate-member.yaml', line: 12, column: 62 } }),
        expect.objectContaining({ severity: 'warning', code: 'duplicate-member', pos: { file: 'members/vip.txt', line: 2, column: 1 } }),
      ],
      summary: { errors: 0, warnings: 2, providers: 1, groups: 1, members: 3 },
    });
  });

  it('reports an invalid file as JSON with valid: false and no counts', async () => {
    const { code, out } = await validate('invalid', 'missing-group-name.yaml', { format: 'json' });
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({
      file: 'missing-group-name.yaml',
      valid: false,
      findings: [
        {
          severity: 'error',
          code: 'missing-property',
          message: "Group 'vip' is missing the required property 'name'.",
          pos: { file: 'missing-group-name.yaml', line: 18, column: 3 },
        },
      ],
      summary: { errors: 1, warnings: 0 },
    });
  });

  it('shows the resolved providers and groups with --verbose', async () => {
    const { out } = await validate('valid', 'minimal.yaml', { verbose: true });
    expect(out).toBe(
      [
        'provider xk (xtrakit): base_url=https://api.xtrakit.com, api_key=[redacted], prune=false',
        'group newsletter (Newsletter): on xk; 1 member; authoritative',
        'minimal.yaml: valid (1 provider, 1 group, 1 member).',
        '',
      ].join('\n'),
    );
  });

  it('reports a missing config file as an error finding', async () => {
    const { code, out } = await validate('valid', 'nope.yaml');
    expect(code).toBe(1);
    expect(out).toBe('error: Cannot read the config file nope.yaml: there is no such file.\nnope.yaml: 1 error.\n');
  });
});
