import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/emulators/sandbox.js';

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
