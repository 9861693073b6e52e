// Read + plan against each platform's emulator (its rate limits off): 2,000 declared members over 20 groups,
// 20% of them in another group, 10% in none, 200 undeclared customers in the groups, and 5,000 bystanders that
// a read must not fetch where the platform can filter (Xtrakit cannot: it lists every customer).
//
// Calls target: at most 1.05 × the least calls the read needs, computed from the scenario and the platforms'
// page sizes and limits (lib/minimum.ts), not from groupform's strategy. Time target: the adapters pace
// themselves to the documented limits, so on the platforms this read takes a minute or more; groupform's own
// share, measured here on a clock that skips those waits, must stay a small part of it: under 3 s. The waits
// themselves are reported (virtual clock): what the run would take on the platform, less its latency.
import type { ProviderType } from '../../src/model.js';
import type { BenchCase } from '../case.js';
import { virtualClock } from '../lib/clocks.js';
import { seconds } from '../lib/format.js';
import { callsSince, emulate, readAndPlan } from '../lib/emulated.js';
import { minimumReadCalls } from '../lib/minimum.js';
import { buildScenario, expectedChanges, type ScenarioShape } from '../lib/scenario.js';

const SHAPE: ScenarioShape = { groups: 20, membersPerGroup: 100, moveShare: 0.2, joinShare: 0.1, undeclared: 200, bystanders: 5_000 };
const LABELS: Record<ProviderType, string> = { commercelayer: 'CL', bigcommerce: 'BC', xtrakit: 'XK' };

function readPlanCase(type: ProviderType): BenchCase {
  const scenario = buildScenario(SHAPE);
  return {
    name: `read + plan, ${LABELS[type]}`,
    measures: `read() + plan(), ${LABELS[type]} emulator: 2,000 members in 20 groups`,
    budget: { ms: 3000, rssMb: 300, minimumCalls: minimumReadCalls(type, scenario) },
    async open() {
      const clock = virtualClock();
      const platform = await emulate(type, scenario, { clock });
      return {
        async run() {
          const { live, plan } = await readAndPlan(platform, platform.provider());
          const expected = expectedChanges(SHAPE);
          if (plan.changes.length !== expected) throw new Error(`planned ${plan.changes.length} changes, expected ${expected}`);
          const estimate = plan.estimate?.[0];
          return {
            calls: callsSince(platform, 0).calls,
            notes: [
              `${live.customers.length.toLocaleString('en-US')} customers read, ${plan.changes.length} changes`,
              `estimate ${estimate?.reads ?? '?'} reads + ${estimate?.writes ?? '?'} writes`,
              `rate-limit waits ${seconds(clock.elapsed())} (virtual clock)`,
            ],
          };
        },
        close: platform.close,
      };
    },
  };
}

export const readPlanCases: readonly BenchCase[] = [readPlanCase('commercelayer'), readPlanCase('bigcommerce'), readPlanCase('xtrakit')];
