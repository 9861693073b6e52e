import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { repoRoot } from './helpers.js';

// Every variable the shipped files read; the optional ones (with defaults) are left unset.
const env = {
  CL_BASE_URL: 'https://northwind.commercelayer.io',
  CL_CLIENT_ID: 'cl-client',
  CL_CLIENT_SECRET: 'cl-secret',
  BC_STORE_HASH: 'abc123',
  BC_ACCESS_TOKEN: 'bc-token',
  XTRAKIT_API_KEY: 'xk-key',
  BC_EU_STORE_HASH: 'eu1',
  BC_EU_ACCESS_TOKEN: 'bc-eu-token',
};

const load = (file: string) => loadConfig(file, { env, cwd: repoRoot });
const membersOf = async (file: string) => Object.fromEntries((await load(file)).desired.groups.map((g) => [`${g.provider}/${g.key}`, g.members]));

describe('the shipped config files', () => {
  it.each([
    'groups.yaml',
    ...readdirSync(repoRoot + 'examples')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `examples/${f}`),
  ])('%s is valid, without warnings', async (file) => {
    expect((await load(file)).findings).toEqual([]);
  });

  it('groups.yaml covers all three platforms with defaults from the environment', async () => {
    const { desired } = await load('groups.yaml');
    expect(desired.providers.map((p) => [p.name, p.type, p.settings.base_url])).toEqual([
      ['cl', 'commercelayer', 'https://northwind.commercelayer.io'],
      ['bc', 'bigcommerce', 'https://api.bigcommerce.com'],
      ['xk', 'xtrakit', 'https://api.xtrakit.com'],
    ]);
    expect(desired.providers[0].settings.auth_url).toBe('https://auth.commercelayer.io');
    expect(new Set(desired.groups.map((g) => g.key))).toEqual(new Set(['vip', 'wholesale', 'staff', 'newsletter', 'guests']));
  });

  it('groups.yaml leaves the memberships of guests unmanaged: it declares no members', async () => {
    expect(await membersOf('groups.yaml')).toMatchObject({ 'bc/guests': null, 'xk/newsletter': expect.any(Array) });
  });

  it('examples/members-file.yaml reads its members files, lower-cased, after inline members', async () => {
    expect(await membersOf('examples/members-file.yaml')).toEqual({
      'bc/wholesale': ['noah.wilson@example.com', 'emma.taylor@example.com', 'buying@harbor-goods.example.com', 'orders@lakeside-sports.example.com'],
      'xk/wholesale': ['noah.wilson@example.com', 'emma.taylor@example.com', 'buying@harbor-goods.example.com', 'orders@lakeside-sports.example.com'],
      'xk/newsletter': ['ava.jones@example.com', 'sophia.thomas@example.com', 'jack.roberts@example.com', 'isla.walker@example.com'],
    });
  });

  it('examples/multi-store.yaml declares one group per store, pinned only where it names a pin', async () => {
    const { desired } = await load('examples/multi-store.yaml');
    expect(desired.groups.filter((g) => g.key === 'vip').map((g) => [g.provider, g.pinnedId])).toEqual([
      ['bc-us', '2'],
      ['bc-eu', undefined],
    ]);
  });
});
