import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStatePersister, loadStateFile, saveStateFile, StateValidationError } from '../../../src/emulators/common/state-file.js';
import { GroupformError } from '../../../src/errors.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'groupform-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const parseCounter = (raw: unknown) => {
  if (typeof raw !== 'object' || raw === null || typeof (raw as { n?: unknown }).n !== 'number') {
    throw new StateValidationError(['n: must be a number']);
  }
  return raw as { n: number };
};

describe('state files', () => {
  it('save atomically and load back through the validator, leaving no temporary file', async () => {
    const path = join(dir, 'state.json');
    await saveStateFile(path, { n: 1 });
    await saveStateFile(path, { n: 2 });
    expect(await loadStateFile(path, parseCounter)).toEqual({ n: 2 });
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('name the file in validation errors, for bad JSON and bad shapes', async () => {
    const path = join(dir, 'state.json');
    await writeFile(path, '{nope');
    await expect(loadStateFile(path, parseCounter)).rejects.toThrow(new RegExp(`${path} is invalid: not JSON`));
    await writeFile(path, '{"n":"one"}');
    const error = await loadStateFile(path, parseCounter).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateValidationError);
    expect((error as StateValidationError).issues).toEqual(['n: must be a number']);
    expect((error as Error).message).toContain(path);
  });

  it('report a missing file as unreadable', async () => {
    const error = await loadStateFile(join(dir, 'missing.json'), parseCounter).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GroupformError);
    expect((error as GroupformError).code).toBe('emulator-state-unreadable');
  });
});

describe('createStatePersister', () => {
  it('ends with the latest state on disk however many saves overlap', async () => {
    const path = join(dir, 'state.json');
    const persister = createStatePersister(path);
    for (let n = 1; n <= 50; n++) persister.save({ n });
    await persister.flush();
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ n: 50 });
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('keeps a write error for flush and never throws from save', async () => {
    const persister = createStatePersister(join(dir, 'no-such-dir', 'state.json'));
    expect(() => persister.save({ n: 1 })).not.toThrow();
    await expect(persister.flush()).rejects.toThrow();
    await expect(persister.flush()).resolves.toBeUndefined();
  });
});
