import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { importConfig, type ImportResult } from '../../src/import/index.js';
import type { Capabilities, LiveCustomer, LiveState } from '../../src/model.js';
import { plan } from '../../src/plan/plan.js';

/** One call per change, no rate limit: tests of other things than the estimate. */
const UNPRICED: Capabilities['cost'] = {
  groupCalls: { create: 1, update: 1, delete: 1 },
  batchCalls: 1,
  rateLimits: [],
  // A read of one page of groups and one of customers.
  read: { fixedCalls: 0, groups: { by: 'listing', perCall: 1000 }, customers: { by: 'listing', pageSize: 1000 } },
};

const ENV = {
  CL_BASE_URL: 'https://shop.commercelayer.io',
  CL_CLIENT_ID: 'client-id',
  CL_CLIENT_SECRET: 'cl-secret-value',
  BC_STORE_HASH: 'abc123',
  BC_ACCESS_TOKEN: 'bc-token-value',
  XTRAKIT_API_KEY: 'xk-key-value',
};

const CONFIG = `# the team's groups
version: 1
providers:
  cl:
    type: commercelayer
    base_url: \${CL_BASE_URL}
    client_id: \${CL_CLIENT_ID}
    client_secret: \${CL_CLIENT_SECRET} # from the vault
  bc:
    type: bigcommerce
    store_hash: \${BC_STORE_HASH}
    access_token: \${BC_ACCESS_TOKEN}
  xk:
    type: xtrakit
    api_key: \${XTRAKIT_API_KEY}
    prune: true
    ignore: ["Legacy *"]
`;

const CAPABILITIES: Record<string, Capabilities> = {
  cl: {
    identity: 'code',
    unique: { name: 'none', code: 'ignoring-case' },
    maxNameLength: 255,
    delete: true,
    deleteUnassignsMembers: false,
    batchMembership: 1,
    fields: ['name', 'reference', 'reference_origin', 'metadata'],
    concurrency: 1,
    cost: UNPRICED,
  },
  bc: {
    identity: 'name',
    unique: { name: 'exact', code: 'none' },
    maxNameLength: 255,
    delete: true,
    deleteUnassignsMembers: true,
    batchMembership: 10,
    fields: ['name', 'is_default', 'is_group_for_guests', 'category_access', 'discount_rules'],
    concurrency: 1,
    cost: UNPRICED,
  },
  xk: {
    identity: 'name',
    unique: { name: 'ignoring-case', code: 'none' },
    maxNameLength: 255,
    delete: true,
    deleteUnassignsMembers: false,
    batchMembership: 1,
    fields: ['name', 'description'],
    concurrency: 1,
    cost: UNPRICED,
  },
};

const people = (prefix: string, n: number, groupId: string | null): LiveCustomer[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, email: `${prefix}${String(i).padStart(2, '0')}@example.com`, groupId }));

/** Live state as the adapters give it (normalised values); same-named VIP groups on all three platforms. */
function liveState(): LiveState[] {
  const bcRules = { is_default: false, is_group_for_guests: false, category_access: { type: 'all' } };
  return [
    {
      provider: 'cl',
      groups: [
        { id: 'gVIP', code: 'VIP', name: 'VIP', attributes: { name: 'VIP', reference: null, reference_origin: null, metadata: { tier: 'gold' } } },
        { id: 'gW', code: null, name: 'Wholesale', attributes: { name: 'Wholesale', reference: 'erp-7', reference_origin: 'erp', metadata: {} } },
      ],
      customers: [
        { id: 'c1', email: 'Ann@Example.com', groupId: 'gVIP' },
        { id: 'c2', email: 'bob@example.com', groupId: 'gVIP' },
        { id: 'c3', email: 'carl@example.com', groupId: 'gW' },
        { id: 'c4', email: 'dora@example.com', groupId: null },
      ],
    },
    {
      provider: 'bc',
      groups: [
        { id: '12', name: 'VIP', attributes: { name: 'VIP', ...bcRules, discount_rules: [{ amount: '5.0000', method: 'percent', type: 'all' }] } },
        { id: '14', name: 'Wholesale', attributes: { name: 'Wholesale', ...bcRules, discount_rules: [] } },
        {
          id: '15',
          name: 'Trade — EU & ${X}',
          attributes: { name: 'Trade — EU & ${X}', ...bcRules, category_access: { type: 'specific', categories: [3, 7] }, discount_rules: [] },
        },
      ],
      customers: [{ id: '1', email: 'ann@example.com', groupId: '12' }, { id: '2', email: 'bob@example.com', groupId: '12' }, ...people('w', 60, '14')],
    },
    {
      provider: 'xk',
      groups: [
        { id: '3', name: 'VIP', attributes: { name: 'VIP', description: 'Top customers' } },
        { id: '4', name: 'Legacy 2019', attributes: { name: 'Legacy 2019', description: null } },
        { id: '5', name: 'Staff', attributes: { name: 'Staff', description: null } },
      ],
      customers: [
        { id: '31', email: 'ann@example.com', groupId: '3' },
        { id: '32', email: 'bob@example.com', groupId: '3' },
        { id: '33', email: 'old@example.com', groupId: '4' },
        { id: '34', email: 'sue@example.com', groupId: '5' },
        { id: '35', email: '', groupId: '5' },
      ],
    },
  ];
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'groupform-import-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function imported(): Promise<ImportResult> {
  await writeFile(path.join(dir, 'groups.yaml'), CONFIG);
  const { desired } = await loadConfig('groups.yaml', { env: ENV, cwd: dir });
  return importConfig({ live: liveState(), instances: desired.providers, configText: CONFIG });
}

async function writeOut(result: ImportResult): Promise<void> {
  await writeFile(path.join(dir, 'imported.yaml'), result.yaml);
  for (const file of result.files) {
    await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
    await writeFile(path.join(dir, file.path), file.content);
  }
}

describe('importConfig', () => {
  it('writes a config that loads cleanly and plans no changes against the same live state', async () => {
    const result = await imported();
    await writeOut(result);
    const { desired, findings } = await loadConfig('imported.yaml', { env: ENV, cwd: dir });
    expect(findings).toEqual([]);
    const next = plan(desired, liveState(), { capabilities: CAPABILITIES });
    expect(next.findings).toEqual([]);
    expect(next.changes).toEqual([]);
  });

  it('merges same-named groups that agree, pins every id, and keys groups by their Commerce Layer code', async () => {
    const config = parse((await imported()).yaml) as { groups: Record<string, Record<string, unknown>>; defaults: unknown };
    expect(config.defaults).toEqual({ providers: ['cl', 'bc', 'xk'] });
    expect(Object.keys(config.groups)).toEqual(['staff', 'trade-eu-x', 'VIP', 'wholesale', 'wholesale-2']);
    expect(config.groups.VIP).toEqual({
      name: 'VIP',
      description: 'Top customers',
      members: ['ann@example.com', 'bob@example.com'],
      commercelayer: { metadata: { tier: 'gold' } },
      bigcommerce: {
        is_default: false,
        is_group_for_guests: false,
        category_access: { type: 'all' },
        discount_rules: [{ amount: '5.0000', method: 'percent', type: 'all' }],
      },
      ids: { cl: 'gVIP', bc: 12, xk: 3 },
    });
    // Different members on cl and bc: two groups of one name.
    expect(config.groups.wholesale).toMatchObject({
      providers: ['cl'],
      members: ['carl@example.com'],
      commercelayer: { reference: 'erp-7', reference_origin: 'erp' },
      ids: { cl: 'gW' },
    });
    expect(config.groups['wholesale-2']).toMatchObject({ providers: ['bc'], members_file: 'members/wholesale-2.txt', ids: { bc: 14 } });
    // An empty group is written with `members: []`: left out, its memberships would not be managed.
    expect(config.groups['trade-eu-x']).toMatchObject({ name: 'Trade — EU & $${X}', members: [] });
  });

  it('puts more than 50 members in a members file, and no secret anywhere', async () => {
    const result = await imported();
    expect(result.files).toHaveLength(1);
    expect(result.files[0]!.path).toBe('members/wholesale-2.txt');
    expect(result.files[0]!.content.split('\n').filter((line) => line && !line.startsWith('#'))).toHaveLength(60);
    const everything = result.yaml + result.files.map((file) => file.content).join('');
    for (const secret of ['cl-secret-value', 'bc-token-value', 'xk-key-value']) expect(everything).not.toContain(secret);
    expect(result.yaml).toContain('client_secret: ${CL_CLIENT_SECRET} # from the vault');
  });

  it('leaves ignored groups out, and imports a group with an unlistable member as additive, saying why', async () => {
    const result = await imported();
    const config = parse(result.yaml) as { groups: Record<string, Record<string, unknown>> };
    expect(JSON.stringify(config.groups)).not.toContain('Legacy');
    expect(config.groups.staff).toEqual({ name: 'Staff', providers: ['xk'], membership: 'additive', members: ['sue@example.com'], ids: { xk: 5 } });
    expect(result.findings).toEqual([
      {
        severity: 'warning',
        code: 'import-partial',
        provider: 'xk',
        message: 'customer #35 of group "Staff" on xk has no valid e-mail address (""); the group\'s membership is imported as additive',
      },
    ]);
  });

  it('imports only the instances asked for', async () => {
    await writeFile(path.join(dir, 'groups.yaml'), CONFIG);
    const { desired } = await loadConfig('groups.yaml', { env: ENV, cwd: dir });
    const result = importConfig({ live: liveState(), instances: desired.providers.filter((p) => p.name === 'bc'), configText: CONFIG });
    const config = parse(result.yaml) as { providers: Record<string, unknown>; groups: Record<string, Record<string, unknown>> };
    expect(Object.keys(config.providers)).toEqual(['bc']);
    expect(Object.keys(config.groups)).toEqual(['trade-eu-x', 'vip', 'wholesale']);
    await writeOut(result);
    const reloaded = await loadConfig('imported.yaml', { env: ENV, cwd: dir });
    expect(
      plan(
        reloaded.desired,
        liveState().filter((s) => s.provider === 'bc'),
        { capabilities: CAPABILITIES },
      ).changes,
    ).toEqual([]);
    expect(await readFile(path.join(dir, 'members/wholesale.txt'), 'utf8')).toMatch(/^# Members of Wholesale \(wholesale\)/);
  });
});
