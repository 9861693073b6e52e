// `plan` of a million members on BigCommerce, as the command does it: load the config (one group, a
// 1,000,000-line members_file), read the store (its emulator, 1,011,000 customers, in another process), plan,
// render the text plan. Most members are in place: 2% join from no group, 1,000 undeclared customers leave.
//
// Targets (issue 12): under 800 MB peak RSS and 20 s of this process's CPU (the store's own work and the
// rate-limit waits are not groupform's: the emulator runs in its own process and the clock skips the waits,
// reported as what they would take at the documented limit). Calls are reported against an independent
// minimum: the group list (one page), the group's customers 250 a page, and the declared customers the
// group's pages did not return looked up by e-mail, as many a request as a 2,000-character URL holds.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { readLive } from '../../src/commands/workspace.js';
import { ProgressBoard } from '../../src/commands/progress-board.js';
import { plan } from '../../src/plan/index.js';
import type { Provider } from '../../src/providers/provider.js';
import { renderText } from '../../src/render/text.js';
import type { BenchCase } from '../case.js';
import { virtualClock } from '../lib/clocks.js';
import { emulatedInstance, startEmulated } from '../lib/emulated.js';
import { seconds } from '../lib/format.js';
import { buildScenario, expectedChanges, type ScenarioShape } from '../lib/scenario.js';
import { BC_STORE } from '../lib/seeds.js';

const SHAPE: ScenarioShape = { groups: 1, membersPerGroup: 1_000_000, moveShare: 0, joinShare: 0.02, undeclared: 1_000, bystanders: 10_000 };
const PAGE = 250;
const MAX_URL = 2000;

function configText(): string {
  return [
    'version: 1',
    'providers:',
    '  bc:',
    '    type: bigcommerce',
    `    store_hash: ${BC_STORE.storeHash}`,
    '    access_token: ${BC_ACCESS_TOKEN}',
    '    base_url: ${BC_BASE_URL}',
    'defaults:',
    '  providers: [bc]',
    'groups:',
    `  ${buildScenario({ ...SHAPE, membersPerGroup: 0, undeclared: 0, bystanders: 0 }).groups[0]}:`,
    `    name: Group g000`,
    '    members_file: members.txt',
    '',
  ].join('\n');
}

/** The least calls this read can make, from the API's documented limits (not from the adapter's strategy). */
function leastCalls(url: string): number {
  const declared = SHAPE.groups * SHAPE.membersPerGroup;
  const joining = Math.round(declared * SHAPE.joinShare);
  const inGroup = declared - joining + SHAPE.undeclared;
  const base = `${url}/stores/${BC_STORE.storeHash}/v3/customers?email%3Ain=&limit=${PAGE}&page=1`;
  // The scenario's longest address (buildScenario numbers them from 0).
  const longest = encodeURIComponent(`customer.${declared + SHAPE.undeclared + SHAPE.bystanders - 1}@example.com`).length;
  const perLookup = Math.floor((MAX_URL - base.length + 3) / (longest + 3));
  return 1 + Math.ceil(inGroup / PAGE) + Math.ceil(joining / perLookup);
}

export const planBigStoreCase: BenchCase = {
  name: 'plan 1M, BC',
  measures: 'load + read + plan + render, BC emulator: a 1,000,000-line members_file, 98% in place',
  budget: { ms: 300_000, rssMb: 800, counts: { 'CPU s': 20 } },
  async prepare(dir) {
    const [members] = buildScenario({ ...SHAPE, undeclared: 0, bystanders: 0 }).members;
    await writeFile(path.join(dir, 'groups.yaml'), configText());
    await writeFile(path.join(dir, 'members.txt'), members!.join('\n') + '\n');
  },
  async open(dir) {
    const clock = virtualClock();
    const emulator = await startEmulated('bigcommerce', { shape: SHAPE }, {});
    const least = leastCalls(emulator.url);
    return {
      async run() {
        const cpu = process.cpuUsage();
        let calls = 0;
        const env = { BC_ACCESS_TOKEN: BC_STORE.accessToken, BC_BASE_URL: emulator.url };
        const { desired, findings } = await loadConfig('groups.yaml', { env, cwd: dir });
        const instance = desired.providers[0]!;
        const provider: Provider = emulatedInstance('bigcommerce', emulator.url).factory(instance, { log: () => calls++ }, { clock });
        for (const group of desired.groups) group.attributes = provider.normalize(group.attributes);
        const workspace = {
          desired,
          findings,
          providers: new Map([[instance.name, provider]]),
          capabilities: { [instance.name]: provider.capabilities },
          progress: new ProgressBoard(),
          close: async () => {},
        };
        const live = await readLive(workspace);
        const result = plan(desired, live, { capabilities: workspace.capabilities });
        const text = renderText(result, { color: false, configFile: 'groups.yaml', providers: desired.providers });
        const expected = expectedChanges(SHAPE);
        if (result.changes.length !== expected) throw new Error(`planned ${result.changes.length} changes, expected ${expected}`);
        const used = process.cpuUsage(cpu);
        return {
          calls,
          counts: { 'CPU s': Math.round((used.user + used.system) / 1e5) / 10 },
          notes: [
            `least ${least.toLocaleString('en-US')} calls (${(calls / least).toFixed(2)}×)`,
            `${result.changes.length.toLocaleString('en-US')} changes, text plan ${(text.length / 1e6).toFixed(1)} MB`,
            `rate-limit waits ${seconds(clock.elapsed())} (the store's quota is off; the clock skips any wait)`,
          ],
        };
      },
      close: emulator.close,
    };
  },
};
