import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { Secret, type DesiredState, type ProviderInstance } from '../../src/model.js';
import { fixtureEnv, fixturesDir, loadFixture } from './helpers.js';

const env = { ...fixtureEnv, CL_SLUG: 'northwind' };

function secretsOf(desired: DesiredState): Record<string, Record<string, string>> {
  return Object.fromEntries(desired.providers.map((p) => [p.name, Object.fromEntries(Object.entries(p.secrets).map(([k, s]) => [k, s.reveal()]))]));
}

const defaultSafety = { maxGroupChangeShare: 0.3, maxMemberRemoveShare: 0.3, minObjects: 10 };
const at = (file: string, line: number, column: number) => ({ file, line, column });

describe('loadConfig on valid files', () => {
  it('turns full.yaml into the expected DesiredState', async () => {
    const { desired, findings } = await loadFixture('valid', 'full.yaml', env);
    expect(findings).toEqual([]);
    const vipMembers = ['ava.jones@example.com', 'liam.smith@example.com', 'olivia.brown@example.com', 'ethan.clarke@example.com'];
    const rules = [
      { type: 'all', method: 'percent', amount: 5 },
      { type: 'category', category_id: 42, method: 'fixed', amount: '2.50' },
    ];
    const f = 'full.yaml';
    expect(desired).toEqual({
      configFile: f,
      configHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      providers: [
        {
          name: 'cl',
          type: 'commercelayer',
          settings: {
            auth_url: 'https://auth.commercelayer.io',
            base_url: 'https://northwind.commercelayer.io',
            client_id: 'cl-client',
            scope: 'market:code:europe',
          },
          secrets: { client_secret: expect.any(Secret) },
          prune: false,
          ignore: [],
          safety: { ...defaultSafety, maxGroupChangeShare: 0.5 },
          pos: at(f, 4, 3),
        },
        {
          name: 'bc',
          type: 'bigcommerce',
          settings: { base_url: 'https://api.bigcommerce.com', store_hash: 'abc123' },
          secrets: { access_token: expect.any(Secret) },
          prune: true,
          ignore: ['Legacy *', 'Test group'],
          safety: { maxGroupChangeShare: 0.1, maxMemberRemoveShare: 0.2, minObjects: 3 },
          pos: at(f, 11, 3),
        },
        {
          name: 'xk',
          type: 'xtrakit',
          settings: { base_url: 'http://127.0.0.1:4010' },
          secrets: { api_key: expect.any(Secret) },
          prune: false,
          ignore: [],
          safety: defaultSafety,
          pos: at(f, 19, 3),
        },
      ] satisfies ProviderInstance[],
      groups: [
        {
          key: 'vip',
          provider: 'cl',
          attributes: { name: 'VIP', reference: 'crm-vip', reference_origin: 'crm', metadata: { tier: 'gold', perks: ['shipping', 'returns'] } },
          members: vipMembers,
          membership: 'authoritative',
          protect: true,
          memberPos: expect.any(Function),
          pos: at(f, 27, 3),
        },
        {
          key: 'vip',
          provider: 'bc',
          attributes: { name: 'VIP', is_default: false, category_access: { type: 'specific', categories: [18, 23] }, discount_rules: rules },
          members: vipMembers,
          membership: 'authoritative',
          pinnedId: '12',
          protect: true,
          memberPos: expect.any(Function),
          pos: at(f, 27, 3),
        },
        {
          key: 'vip',
          provider: 'xk',
          attributes: { name: 'VIP', description: 'Spent over $1,000 (USD); see ${NOT_A_VARIABLE}' },
          members: vipMembers,
          membership: 'authoritative',
          pinnedId: 'x-77',
          protect: true,
          memberPos: expect.any(Function),
          pos: at(f, 27, 3),
        },
        { key: 'staff', provider: 'cl', attributes: { name: 'Staff' }, members: null, membership: 'additive', protect: false, pos: at(f, 45, 3) },
        {
          key: 'staff',
          provider: 'bc',
          attributes: { name: 'Staff', discount_rules: rules },
          members: null,
          membership: 'additive',
          protect: false,
          pos: at(f, 45, 3),
        },
        { key: 'empty_xk', provider: 'xk', attributes: { name: 'Newsletter' }, members: null, membership: 'additive', protect: false, pos: at(f, 50, 3) },
      ],
    });
    // Each member's own place: inline list items in the config, then lines of the members file.
    const vip = desired.groups[0];
    expect(vipMembers.map((_, index) => vip.memberPos?.(index))).toEqual([
      at(f, 30, 15),
      at(f, 30, 38),
      at('members/vip.txt', 2, 1),
      at('members/vip.txt', 4, 4),
    ]);
    expect(secretsOf(desired)).toEqual({
      cl: { client_secret: fixtureEnv.CL_CLIENT_SECRET },
      bc: { access_token: fixtureEnv.BC_ACCESS_TOKEN },
      xk: { api_key: fixtureEnv.XK_API_KEY },
    });
  });

  it('fills in every default for a minimal file', async () => {
    const { desired, findings } = await loadFixture('valid', 'minimal.yaml');
    expect(findings).toEqual([]);
    expect(desired.providers).toEqual([
      {
        name: 'xk',
        type: 'xtrakit',
        settings: { base_url: 'https://api.xtrakit.com' },
        secrets: { api_key: expect.any(Secret) },
        prune: false,
        ignore: [],
        safety: defaultSafety,
        pos: at('minimal.yaml', 3, 3),
      },
    ]);
    expect(desired.groups).toEqual([
      {
        key: 'newsletter',
        provider: 'xk',
        attributes: { name: 'Newsletter' },
        members: ['ava.jones@example.com'],
        membership: 'authoritative',
        protect: false,
        memberPos: expect.any(Function),
        pos: at('minimal.yaml', 7, 3),
      },
    ]);
  });

  it('hashes the config file and its members files', async () => {
    const { desired } = await loadFixture('valid', 'full.yaml', env);
    const expected = createHash('sha256')
      .update(await readFile(fixturesDir + 'valid/full.yaml'))
      .update(await readFile(fixturesDir + 'valid/members/vip.txt'))
      .digest('hex');
    expect(desired.configHash).toBe(expected);
  });

  it('returns warnings with the config when there is no error', async () => {
    const { desired, findings } = await loadFixture('warnings', 'duplicate-member.yaml');
    expect(desired.groups[0].members).toEqual(['ava.jones@example.com', 'liam.smith@example.com', 'olivia.brown@example.com']);
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'duplicate-member',
        message: "ava.jones@example.com is listed twice in group 'vip' (first at line 12, column 15); the repeat is ignored.",
        pos: at('duplicate-member.yaml', 12, 62),
      },
      {
        severity: 'warning',
        code: 'duplicate-member',
        message: "liam.smith@example.com is listed twice in group 'vip' (first at duplicate-member.yaml line 12, column 38); the repeat is ignored.",
        pos: at('members/vip.txt', 2, 1),
      },
    ]);
  });

  it('warns about a secret written into the file, without showing it', async () => {
    const { findings } = await loadFixture('warnings', 'literal-secret.yaml');
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'literal-secret',
        message:
          "'api_key' of provider 'xk' is written in the file; read it from the environment instead (api_key: ${MY_VARIABLE}) so it stays out of version control.",
        pos: at('literal-secret.yaml', 5, 14),
      },
    ]);
  });
});

describe('loadConfig paths', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('shows paths as the user gave the config, members files relative to it', async () => {
    const error = await loadConfig('invalid/bad-email-in-members-file.yaml', { env: fixtureEnv, cwd: fixturesDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).findings.map((f) => f.pos?.file)).toEqual([path.join('invalid', 'members', 'bad-email.txt')]);
  });

  it('changes the hash when only a members file changes', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'groupform-config-'));
    await cp(fixturesDir + 'valid', dir, { recursive: true });
    const before = await loadConfig('full.yaml', { env, cwd: dir });
    await writeFile(path.join(dir, 'members', 'vip.txt'), 'olivia.brown@example.com\n');
    const after = await loadConfig('full.yaml', { env, cwd: dir });
    expect(after.desired.configHash).not.toBe(before.desired.configHash);
    expect(after.desired.groups[0].members).toEqual(['ava.jones@example.com', 'liam.smith@example.com', 'olivia.brown@example.com']);
  });

  it('copes with a members file of many thousand repeated and bad lines, listing the first of each and counting the rest', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'groupform-config-'));
    await writeFile(
      path.join(dir, 'groups.yaml'),
      'version: 1\nproviders: { xk: { type: xtrakit, api_key: "${XK_API_KEY}" } }\ngroups:\n  big: { name: Big, providers: [xk], members_file: big.txt }\n',
    );
    await writeFile(path.join(dir, 'big.txt'), 'ava@example.com\n'.repeat(200_000) + 'not-an-address\n'.repeat(200_000));
    const error = await loadConfig('groups.yaml', { env: fixtureEnv, cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const findings = (error as ConfigError).findings;
    const repeats = findings.filter((f) => f.code === 'duplicate-member');
    const bad = findings.filter((f) => f.code === 'bad-email');
    expect([repeats.length, bad.length]).toEqual([101, 101]);
    expect(repeats[100]).toMatchObject({
      pos: { file: 'big.txt', line: 102, column: 1 },
      message:
        "ava@example.com is listed twice in group 'big' (first at line 1, column 1); the repeat is ignored. And 199,898 more like it in group 'big' (only the first 101 are listed).",
    });
    expect(bad[100]).toMatchObject({
      pos: { file: 'big.txt', line: 200_101, column: 1 },
      message:
        "This line of the members_file of group 'big' is not a valid e-mail address. And 199,899 more like it in group 'big' (only the first 101 are listed).",
    });
  });

  it('reports a missing config file as a finding without a place', async () => {
    const error = await loadConfig('nope.yaml', { env: {}, cwd: fixturesDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).findings).toEqual([
      { severity: 'error', code: 'config-unreadable', message: 'Cannot read the config file nope.yaml: there is no such file.' },
    ]);
  });
});
