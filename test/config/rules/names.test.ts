// Names two groups may share depend on the platform (the refusals are in the invalid corpus:
// duplicate-name-bigcommerce.yaml, duplicate-name-xtrakit-case.yaml).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { ConfigError } from '../../../src/errors.js';
import { fixtureEnv } from '../helpers.js';

const PROVIDERS = `version: 1
providers:
  cl: { type: commercelayer, base_url: "https://shop.commercelayer.io", client_id: cl-client, client_secret: "\${CL_CLIENT_SECRET}" }
  bc: { type: bigcommerce, store_hash: abc123, access_token: "\${BC_ACCESS_TOKEN}" }
  xk: { type: xtrakit, api_key: "\${XK_API_KEY}" }
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'groupform-names-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function codesOf(groups: string): Promise<string[]> {
  await writeFile(path.join(dir, 'groups.yaml'), `${PROVIDERS}groups:\n${groups}`);
  try {
    await loadConfig('groups.yaml', { env: fixtureEnv, cwd: dir });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.findings.map((finding) => finding.code);
    throw error;
  }
}

describe('group names each platform keeps unique', () => {
  it('lets Commerce Layer groups share a name: they are told apart by code', async () => {
    expect(await codesOf('  vip: { name: VIP, providers: [cl] }\n  vip2: { name: VIP, providers: [cl] }\n')).toEqual([]);
  });

  it('lets BigCommerce names differ in case only, and refuses them on Xtrakit', async () => {
    expect(await codesOf('  vip: { name: VIP, providers: [bc] }\n  vip2: { name: vip, providers: [bc] }\n')).toEqual([]);
    expect(await codesOf('  vip: { name: VIP, providers: [xk] }\n  vip2: { name: " vip", providers: [xk] }\n')).toEqual(['duplicate-group-name']);
  });

  it('allows one name on two providers of one platform, and on groups that live on different providers', async () => {
    expect(await codesOf('  vip: { name: VIP, providers: [bc] }\n  vip2: { name: VIP, providers: [xk] }\n')).toEqual([]);
  });
});
