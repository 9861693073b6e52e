// Item 9 of issue 10 (sizes): a 50 MB config or a 50 MB name once took 38 s and 2.5 GB. Each file is now
// refused from its size before it is read: the config above 10 MB, a members file above 64 MB.
import { openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRefused, expectRefusedAt, HEAD, HEAD_LINES, project, type Project } from './hostile-config.js';

const MB = 1024 * 1024;

let p: Project;
beforeEach(() => (p = project()));
afterEach(() => p.remove());

/** A sparse file of `bytes`: a size to check, nothing to read. */
function sparse(name: string, bytes: number): void {
  const fd = openSync(path.join(p.dir, name), 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

describe('oversize input', () => {
  it('a 50 MB config is refused from its size', async () => {
    const filler = `# ${'x'.repeat(1022)}\n`.repeat(50 * 1024);
    p.write('groups.yaml', HEAD + '  vip:\n    name: VIP\n' + filler);
    const result = await p.run(['validate']);
    expectRefused(result);
    expect(result.stdout).toBe('error: Cannot read the config file groups.yaml: it is 50 MB, more than the 10 MB groupform reads.\ngroups.yaml: 1 error.\n');
  });

  it('a 50 MB name is refused the same way, by plan as by validate', async () => {
    p.write('groups.yaml', `${HEAD}  vip:\n    name: "${'A'.repeat(50 * MB)}"\n`);
    const result = await p.run(['plan', '--out', 'plan.json']);
    expectRefused(result);
    expect(result.stdout + result.stderr).toContain('Cannot read the config file groups.yaml: it is 50 MB, more than the 10 MB groupform reads.');
    expect(p.files()).toEqual(['groups.yaml']);
  });

  it('a members file over 64 MB is refused at the members_file', async () => {
    sparse('members.txt', 65 * MB);
    p.write('groups.yaml', `${HEAD}  vip:\n    name: VIP\n    members_file: members.txt\n`);
    const message = "The members_file 'members.txt' of group 'vip' cannot be read: it is 65 MB, more than the 64 MB groupform reads.";
    await expectRefusedAt(p, ['validate'], `groups.yaml:${HEAD_LINES + 3}:19`, message);
  });

  it('a config of the largest size allowed is still read', async () => {
    writeFileSync(path.join(p.dir, 'groups.yaml'), HEAD + '  vip:\n    name: VIP\n' + `# ${'x'.repeat(1022)}\n`.repeat(9 * 1024));
    const result = await p.run(['validate']);
    expect(result).toMatchObject({ code: 0, stdout: 'groups.yaml: valid (1 provider, 1 group, 0 members).\n' });
  });
});
