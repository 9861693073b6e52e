import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { sandboxEnv, startSandbox, type SandboxEndpoints } from '../../src/emulators/sandbox.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('startSandbox', () => {
  it('names the reset flags when the saved state cannot be loaded, and starts from the seed with reset', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'groupform-sandbox-'));
    const stateFile = path.join(dir, 'sandbox.json');
    await writeFile(stateFile, '{"xtrakit": 1, "unknown": {}}');
    await expect(startSandbox({ stateFile })).rejects.toThrow(
      /sandbox\.json is invalid: unknown platform "unknown"\. Start again from the seed with --sandbox-reset \(groupform sandbox: --reset\)\.$/,
    );
    const sandbox = await startSandbox({ stateFile, reset: true });
    await sandbox.close();
  });
});

describe("the sandbox's Commerce Layer group deletion", () => {
  // Commerce Layer documents 423 Locked ("could not be deleted due to integrity constraints") but not when a group
  // with customers gets it (https://docs.commercelayer.io/core/handling-errors), so the sandbox can play both.
  async function deleteVip(options: Parameters<typeof startSandbox>[0]) {
    const sandbox = await startSandbox({ ...options, rateLimits: false });
    try {
      const cl = sandbox.endpoints.commercelayer;
      const token = await fetch(`${cl.authUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: cl.clientId, client_secret: cl.clientSecret }),
      }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
      const headers = { Accept: 'application/vnd.api+json', Authorization: `Bearer ${token}` };
      const response = await fetch(`${cl.baseUrl}/api/customer_groups/grpVipAAAB`, { method: 'DELETE', headers });
      const left = await fetch(`${cl.baseUrl}/api/customer_groups/grpVipAAAB`, { headers });
      return { status: response.status, groupLeft: left.status };
    } finally {
      await sandbox.close();
    }
  }

  it('unassigns the customers by default, and answers 423 Locked with clGroupDeletion: lock', async () => {
    expect(await deleteVip({})).toEqual({ status: 204, groupLeft: 404 });
    expect(await deleteVip({ clGroupDeletion: 'lock' })).toEqual({ status: 423, groupLeft: 200 });
  });
});

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const shipped = [
  'groups.yaml',
  ...readdirSync(repoRoot + 'examples')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `examples/${f}`),
];

const endpoints: SandboxEndpoints = {
  commercelayer: { baseUrl: 'http://127.0.0.1:1', authUrl: 'http://127.0.0.1:1', clientId: 'id', clientSecret: 'secret' },
  bigcommerce: {
    baseUrl: 'http://127.0.0.1:2',
    stores: [
      { storeHash: 's1', accessToken: 't1' },
      { storeHash: 's2', accessToken: 't2' },
    ],
  },
  xtrakit: { baseUrl: 'http://127.0.0.1:3', apiKey: 'key' },
};

describe('sandboxEnv', () => {
  // `--sandbox` runs a shipped config with these variables only: each one it reads must be among them.
  it.each(shipped)('gives %s every variable it reads', async (file) => {
    await expect(loadConfig(file, { env: sandboxEnv(endpoints), cwd: repoRoot })).resolves.toMatchObject({ findings: [] });
  });
});
