// 10,000 Commerce Layer joins through the bulk path (imports), against the emulator WITH its documented
// test-mode rate limits, beside what the PATCH path would take: one call per join (the estimate with bulk off).
//
// Target (issue 12): at most 2% of the PATCH path's calls, and under 5 minutes at test-mode limits. As in
// the rate-limits case, the emulator and the adapter share a clock sped up SPEED times, so the budget's wall
// time is 5 min / SPEED; the row notes the time at real scale. How fast the platform works through an import
// is not documented: the emulator's default (1,000 rows a second after a 0.5 s start) is an assumption.
import { applyPlan } from '../../src/apply/apply.js';
import { writeCalls } from '../../src/plan/cost.js';
import type { BenchCase } from '../case.js';
import { scaledClock } from '../lib/clocks.js';
import { callsSince, emulate, readAndPlan } from '../lib/emulated.js';
import { seconds } from '../lib/format.js';
import { buildScenario, expectedChanges, type ScenarioShape } from '../lib/scenario.js';

const SHAPE: ScenarioShape = { groups: 1, membersPerGroup: 10_000, moveShare: 0, joinShare: 1, undeclared: 0, bystanders: 0 };
const CHANGES = expectedChanges(SHAPE);
const SPEED = 20;

export const bulkCase: BenchCase = {
  name: 'bulk joins, CL',
  measures: `applyPlan(): ${CHANGES} joins through imports, CL test-mode limits on, clock x${SPEED}`,
  budget: { ms: (5 * 60_000) / SPEED, rssMb: 400, calls: Math.floor(CHANGES * 0.02), counts: { '429s': 0 } },
  async open() {
    const start = Date.now();
    const clock = scaledClock(SPEED, start);
    const platform = await emulate('commercelayer', buildScenario(SHAPE), { clock, rateLimits: true, shareClock: { start, factor: SPEED } });
    const { plan } = await readAndPlan(platform, platform.provider());
    if (plan.changes.length !== CHANGES) throw new Error(`planned ${plan.changes.length} changes, expected ${CHANGES}`);
    return {
      async run() {
        const provider = platform.provider();
        const [from, began] = [platform.calls.length, clock.elapsed()];
        const result = await applyPlan(plan, new Map([[provider.name, provider]]), { output: 'silent' });
        if (result.done !== CHANGES) throw new Error(`applied ${result.done} of ${CHANGES} changes; ${result.failed} failed`);
        const { calls, refused } = callsSince(platform, from);
        const patchPath = writeCalls(plan.changes, provider.capabilities, false);
        return {
          calls,
          counts: { '429s': refused },
          notes: [`${seconds(clock.elapsed() - began)} at real scale`, `PATCH path ${patchPath} calls: ${((100 * calls) / patchPath).toFixed(2)}%`],
        };
      },
      close: platform.close,
    };
  },
};
