// Item 5 of issue 10: alias expansion is bounded. The nine-levels-of-nine-aliases bomb once ran for minutes
// and died out of memory; a long anchored list repeated many times would too. Both now stop at once with an
// error at the alias, inside a 256 MB heap.
import { afterEach, beforeEach, describe, it } from 'vitest';
import { expectRefusedAt, HEAD, HEAD_LINES, project, type Project } from './hostile-config.js';

let p: Project;
beforeEach(() => (p = project({ heapBound: true })));
afterEach(() => p.remove());

/** Nine levels of nine aliases under a group's description: 9^9 strings once expanded. */
function billionLaughs(): string {
  const lines = ['  vip:', '    name: VIP', '    description: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (const [level, previous] of [...'bcdefghi'].map((letter, i) => [letter, 'abcdefgh'[i]])) {
    lines.push(`    x-${level}: &${level} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return HEAD + lines.join('\n') + '\n';
}

describe('YAML alias bombs', () => {
  it.each([[['validate']], [['plan', '--out', 'plan.json']]])('nine levels of nine aliases fail %j at the alias that crosses the bound', async (args) => {
    p.write('groups.yaml', billionLaughs());
    // x-d's second *c: by then the *b and *c copies are over 1000.
    const message = "The alias *c takes this file's aliases past 1000 copies (nested aliases multiply, as in an alias bomb)";
    await expectRefusedAt(p, args, `groups.yaml:${HEAD_LINES + 6}:18`, message);
  });

  it('a long anchored list repeated many times stops at the copy that crosses the bound', async () => {
    const list = Array.from({ length: 30_000 }, (_, i) => `"m${i}@example.com"`).join(', ');
    const uses = Array.from({ length: 50 }, (_, i) => `  g${i}:\n    name: G${i}\n    members: *all`).join('\n');
    p.write('groups.yaml', `${HEAD}  all:\n    name: All\n    members: &all [${list}]\n${uses}\n`);
    // The fourth copy (g3) brings the copied values past 100,000.
    const message = 'The aliases of this file copy more than 100,000 values by this one';
    await expectRefusedAt(p, ['validate'], `groups.yaml:${HEAD_LINES + 3 + 3 * 3 + 3}:14`, message);
  });
});
