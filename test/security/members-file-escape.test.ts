// Item 6 of issue 10: a members_file must be a regular file inside the config's folder, symbolic links
// followed. Devices, FIFOs, /etc/passwd, /proc/self/environ and links pointing out of the folder are refused
// at the members_file's place, at once, without quoting a byte of them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRefusedAt, HEAD, HEAD_LINES, project, type Project } from './hostile-config.js';

const OUTSIDE = "is outside the config's folder (symbolic links followed); a members file must be in that folder or below it.";
const NOT_REGULAR = 'cannot be read: it is not a regular file (a device, pipe or socket).';
/** Where the value of `members_file:` starts, in the configs below. */
const PLACE = `groups.yaml:${HEAD_LINES + 3}:19`;

let p: Project;
beforeEach(() => {
  p = project();
  mkdirSync(path.join(p.dir, 'members'));
});
afterEach(() => p.remove());

function configWith(membersFile: string): void {
  p.write('groups.yaml', `${HEAD}  vip:\n    name: VIP\n    members_file: ${membersFile}\n`);
}

describe('a members_file that leaves the config folder', () => {
  it.each([['../../../../../../../../dev/zero'], ['../../../../../../../../proc/self/environ'], ['/etc/passwd'], ['/proc/self/environ'], ['../outside.txt']])(
    '%s is refused, for validate and plan',
    async (file) => {
      configWith(file);
      const message = `The members_file '${file}' of group 'vip' ${OUTSIDE}`;
      await expectRefusedAt(p, ['validate'], PLACE, message);
      await expectRefusedAt(p, ['plan', '--out', 'plan.json'], PLACE, message);
    },
  );

  it.each([
    ['/etc/passwd', 'passwd.txt'],
    ['/proc/self/environ', 'environ.txt'],
    ['/dev/zero', 'zero.txt'],
    ['/etc', 'etc'],
  ])('a link to %s inside the folder is refused', async (target, link) => {
    symlinkSync(target, path.join(p.dir, 'members', link));
    const file = link === 'etc' ? 'members/etc/passwd' : `members/${link}`;
    configWith(file);
    await expectRefusedAt(p, ['validate'], PLACE, `The members_file '${file}' of group 'vip' ${OUTSIDE}`);
  });

  it('a link that stays inside the folder is followed', async () => {
    p.write('members/real.txt', 'ava@example.com\n');
    symlinkSync('real.txt', path.join(p.dir, 'members', 'link.txt'));
    configWith('members/link.txt');
    const result = await p.run(['validate']);
    expect(result).toMatchObject({ code: 0, stdout: 'groups.yaml: valid (1 provider, 1 group, 1 member).\n' });
  });
});

describe('a members_file that is not a regular file', () => {
  it('a FIFO in the folder is refused at once, not waited on', async () => {
    execFileSync('mkfifo', [path.join(p.dir, 'members', 'fifo.txt')]);
    configWith('members/fifo.txt');
    await expectRefusedAt(p, ['validate'], PLACE, `The members_file 'members/fifo.txt' of group 'vip' ${NOT_REGULAR}`);
    await expectRefusedAt(p, ['plan'], PLACE, `The members_file 'members/fifo.txt' of group 'vip' ${NOT_REGULAR}`);
  });

  it('a folder is refused', async () => {
    configWith('members');
    await expectRefusedAt(p, ['validate'], PLACE, "The members_file 'members' of group 'vip' cannot be read: it is a folder, not a file.");
  });
});

describe('a members_file inside the folder that is not a members file', () => {
  it('is reported line by line without repeating its text', async () => {
    const secretLine = 'extraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA==';
    p.write('members/config', `[http]\n\t${secretLine}\n`);
    configWith('members/config');
    await expectRefusedAt(p, ['validate'], 'members/config:2:2', "This line of the members_file of group 'vip' is not a valid e-mail address.", [
      'eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA',
      '[http]',
    ]);
  });
});
