// Loading a large config: 200 groups on one BigCommerce store, one of them with a 1,000,000-line members
// file (unique addresses, so no cross-group duplicates). Acceptance: under 3 s and 500 MB.
import { open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import type { BenchCase } from '../case.js';

const GROUPS = 200;
const FILE_MEMBERS = 1_000_000;
const INLINE_MEMBERS = 5;

function configText(): string {
  const lines = [
    'version: 1',
    'providers:',
    '  bc:',
    '    type: bigcommerce',
    '    store_hash: abc123',
    '    access_token: ${BC_ACCESS_TOKEN}',
    'defaults:',
    '  providers: [bc]',
    'groups:',
  ];
  for (let g = 0; g < GROUPS; g++) {
    lines.push(`  group-${g}:`, `    name: Group ${g}`);
    if (g === 0) {
      lines.push('    members_file: members.txt');
      continue;
    }
    lines.push('    members:');
    for (let m = 0; m < INLINE_MEMBERS; m++) lines.push(`      - inline.${g}.${m}@example.com`);
    lines.push('    bigcommerce:', '      discount_rules:', `        - { type: all, method: percent, amount: ${g % 50} }`);
  }
  return lines.join('\n') + '\n';
}

async function writeMembers(file: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.write('# one million customers\n');
    const batch = 10_000;
    for (let start = 0; start < FILE_MEMBERS; start += batch) {
      let chunk = '';
      for (let i = start; i < start + batch; i++) chunk += `Customer.${i}@Example.com\n`;
      await handle.write(chunk);
    }
  } finally {
    await handle.close();
  }
}

export const loadConfigCase: BenchCase = {
  name: 'load config',
  measures: `loadConfig(): ${GROUPS} groups, a ${FILE_MEMBERS.toLocaleString('en-US')}-line members_file`,
  budget: { ms: 3000, rssMb: 500 },
  async prepare(dir) {
    await writeFile(path.join(dir, 'groups.yaml'), configText());
    await writeMembers(path.join(dir, 'members.txt'));
  },
  async open(dir) {
    return {
      async run() {
        const { desired } = await loadConfig('groups.yaml', { env: { BC_ACCESS_TOKEN: 'bench-token' }, cwd: dir });
        const members = desired.groups.reduce((sum, group) => sum + (group.members?.length ?? 0), 0);
        const expected = FILE_MEMBERS + (GROUPS - 1) * INLINE_MEMBERS;
        if (members !== expected) throw new Error(`loaded ${members} members, expected ${expected}`);
        return {};
      },
    };
  },
};
