import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSources, lastCommitTime } from '../../src/drift/git-time.js';

describe('configSources', () => {
  it('names the config and the members files it uses, relative to the config', () => {
    const text = 'groups:\n  a: { name: A, members_file: members/a.txt }\n  b: { name: B, members_file: members/a.txt }\n  c: { name: C }\n';
    expect(configSources('conf/groups.yaml', text)).toEqual(['conf/groups.yaml', path.join('conf', 'members/a.txt')]);
  });

  it('falls back to the config alone when it does not parse', () => {
    expect(configSources('groups.yaml', 'groups: [')).toEqual(['groups.yaml']);
  });
});

describe('lastCommitTime', () => {
  it('is null outside a git repository', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'groupform-nogit-'));
    try {
      expect(await lastCommitTime(['groups.yaml'], dir)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
