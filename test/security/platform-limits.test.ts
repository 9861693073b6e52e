// Item 9 of issue 10 (limits): a 256-character group name once passed validate and plan and failed half-way
// through apply. The platforms' limits now fail validate and plan at the name, before any call.
import { afterEach, beforeEach, describe, it } from 'vitest';
import { expectRefusedAt, HEAD, HEAD_LINES, project, type Project } from './hostile-config.js';

let p: Project;
beforeEach(() => (p = project()));
afterEach(() => p.remove());

describe('names beyond a platform limit', () => {
  it.each([[['validate']], [['plan', '--out', 'plan.json']]])('a 256-character Xtrakit name fails %j at the name', async (args) => {
    p.write('groups.yaml', `${HEAD}  vip:\n    name: ${'N'.repeat(256)}\n`);
    await expectRefusedAt(p, args, `groups.yaml:${HEAD_LINES + 2}:11`, "The name of group 'vip' is 256 characters long; Xtrakit ('xk') takes at most 255.");
  });

  it('a 9 MB name, under the file size limit, fails on its length without being repeated', async () => {
    const name = 'Q'.repeat(9 * 1024 * 1024);
    p.write('groups.yaml', `${HEAD}  vip:\n    name: ${name}\n`);
    const message = `The name of group 'vip' is ${name.length} characters long; Xtrakit ('xk') takes at most 255.`;
    await expectRefusedAt(p, ['validate'], `groups.yaml:${HEAD_LINES + 2}:11`, message, ['Q'.repeat(100)]);
  });

  it('a blank name fails at the name', async () => {
    p.write('groups.yaml', `${HEAD}  vip:\n    name: " "\n`);
    await expectRefusedAt(p, ['validate'], `groups.yaml:${HEAD_LINES + 2}:11`, "'name' of group 'vip' must not be blank, not ' '.");
  });
});
