// Item 9 of issue 10 (encoding): bytes that are not UTF-8 once became U+FFFD silently, so a name or an address
// changed without a word. Now they are an error at the first bad byte's line and column, in the config or a
// members file.
import { afterEach, beforeEach, describe, it } from 'vitest';
import { expectRefusedAt, HEAD, HEAD_LINES, project, type Project } from './hostile-config.js';

const NOT_UTF8 = 'is not valid UTF-8 text: the byte here is not part of any character; save the file as UTF-8.';

let p: Project;
beforeEach(() => (p = project()));
afterEach(() => p.remove());

describe('input that is not UTF-8', () => {
  it.each([[['validate']], [['plan', '--out', 'plan.json']]])('a Latin-1 name in the config fails %j at its byte', async (args) => {
    p.write('groups.yaml', Buffer.concat([Buffer.from(`${HEAD}  vip:\n    name: "Caf`), Buffer.from([0xe9]), Buffer.from(' VIP"\n')]));
    await expectRefusedAt(p, args, `groups.yaml:${HEAD_LINES + 2}:15`, `The config file ${NOT_UTF8}`);
  });

  it('a config saved as UTF-16 fails at its first byte', async () => {
    p.write('groups.yaml', Buffer.from('\uFEFF' + HEAD, 'utf16le'));
    await expectRefusedAt(p, ['validate'], 'groups.yaml:1:1', `The config file ${NOT_UTF8}`);
  });

  it('a bad byte in a members file fails at its line and column there', async () => {
    p.write('members.txt', Buffer.concat([Buffer.from('ava@example.com\nren'), Buffer.from([0xe9]), Buffer.from('e@example.com\n')]));
    p.write('groups.yaml', `${HEAD}  vip:\n    name: VIP\n    members_file: members.txt\n`);
    await expectRefusedAt(p, ['validate'], 'members.txt:2:4', `The members_file of group 'vip' ${NOT_UTF8}`);
  });
});
