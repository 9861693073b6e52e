// Item 9 of issue 10 (sizes): a 50 MB config or a 50 MB name once took 38 s and 2.5 GB. Each file is now
// refused from its size before it is read: the config above 10 MB, a members file above 64 MB.
import { openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRefused, expectRefusedAt, HEAD, HEAD_LINES, project, type Project } from './hostile-config.js';

const MB = 1024 * 1024;

let p: Project;
beforeEach(() => (p = project({ heapBound: true })));
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

  it('a members file of 30 million one-letter lines is refused by its count of addresses', async () => {
    p.write('members.txt', 'x\n'.repeat(30 * MB));
    p.write('groups.yaml', `${HEAD}  vip:\n    name: VIP\n    members_file: members.txt\n`);
    const message = "The members_file 'members.txt' of group 'vip' has more than 2,000,000 lines that are not blank or comments, more than groupform reads.";
    await expectRefusedAt(p, ['validate'], `groups.yaml:${HEAD_LINES + 3}:19`, message);
  });

  it('a members file of a million bad lines lists the first of them and counts the rest', async () => {
    p.write('members.txt', 'not-an-address\n'.repeat(1_000_000));
    p.write('groups.yaml', `${HEAD}  vip:\n    name: VIP\n    members_file: members.txt\n`);
    const result = await p.run(['validate']);
    expectRefused(result);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(102);
    expect(lines[100]).toBe(
      "members.txt:101:1: error: This line of the members_file of group 'vip' is not a valid e-mail address. And 999,899 more like it in group 'vip' (only the first 101 are listed).",
    );
    expect(lines[101]).toBe('groups.yaml: 101 errors.');
  });

  it.each([
    // The 100,001st line end: that of line 100,001, after its `      - x`.
    ['one-word lines', (n: number) => '    members:\n' + '      - x\n'.repeat(n), 100_001, 10],
    // The first HEAD_LINES + 2 lines end before it; then the comma that makes 100,001, after `    members: [` and `x,` pairs.
    ['items in a flow list', (n: number) => `    members: [${'x,'.repeat(n)}x]\n`, HEAD_LINES + 3, 14 + 2 * (100_001 - HEAD_LINES - 2)],
  ])('a config of a million %s is refused where it passes 100,000 lines and list items', async (_, list, line, column) => {
    p.write('groups.yaml', `${HEAD}  vip:\n    name: VIP\n${list(1_000_000)}`);
    const message = 'The config file has more than 100,000 lines and list items by here; keep long lists of members in a members_file.';
    await expectRefusedAt(p, ['validate'], `groups.yaml:${line}:${column}`, message);
  });

  it('a config of the largest size allowed is still read', async () => {
    writeFileSync(path.join(p.dir, 'groups.yaml'), HEAD + '  vip:\n    name: VIP\n' + `# ${'x'.repeat(1022)}\n`.repeat(9 * 1024));
    const result = await p.run(['validate']);
    expect(result).toMatchObject({ code: 0, stdout: 'groups.yaml: valid (1 provider, 1 group, 0 members).\n' });
  });
});
