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

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const shipped = ['groups.yaml', ...readdirSync(repoRoot + 'examples').filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`)];

const endpoints: SandboxEndpoints = {
  commercelayer: { baseUrl: 'http://127.0.0.1:1', authUrl: 'http://127.0.0.1:1', clientId: 'id', clientSecret: 'secret' },
  bigcommerce: { baseUrl: 'http://127.0.0.1:2', stores: [{ storeHash: 's1', accessToken: 't1' }, { storeHash: 's2', accessToken: 't2' }] },
  xtrakit: { baseUrl: 'http://127.0.0.1:3', apiKey: 'key' },
};

describe('sandboxEnv', () => {
  // `--sandbox` runs a shipped config with these variables only: each one it reads must be among them.
  it.each(shipped)('gives %s every variable it reads', async (file) => {
    await expect(loadConfig(file, { env: sandboxEnv(endpoints), cwd: repoRoot })).resolves.toMatchObject({ findings: [] });
  });
});
