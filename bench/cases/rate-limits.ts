// Applying 200 Commerce Layer membership changes against the emulator WITH its documented test-mode limits
// (writes: 25 per endpoint per 10 s, 100 a minute), to see whether the client paces itself: 429s must be 0.
//
// The adapter's limits cannot be configured (they are its documented figures), so instead of shrinking the
// emulator's windows this case speeds time up 10 times for both sides: the emulator and the adapter share a
// clock on which 10 s pass in 1 s of real time. That is the same test as "25 per 1 s on both sides" and keeps
// the real limits on both; latency counts 10 times over, which makes races at window edges likelier, not rarer.
//
// Time target: the floor at these limits is ~90 s for 200 writes (4 bursts of 25 fill the first minute's 100,
// then 4 more bursts from the 60th second). The client may spend up to half as long again on its own caution
// (it slows to the average rate when the budget runs low): 135 s at real scale, 13.5 s here.
import { applyPlan } from '../../src/apply/apply.js';
import type { BenchCase } from '../case.js';
import { scaledClock } from '../lib/clocks.js';
import { callsSince, emulate, readAndPlan } from '../lib/emulated.js';
import { seconds } from '../lib/format.js';
import { buildScenario, expectedChanges, type ScenarioShape } from '../lib/scenario.js';

const SHAPE: ScenarioShape = { groups: 2, membersPerGroup: 100, moveShare: 0.8, joinShare: 0.2, undeclared: 0, bystanders: 0 };
const CHANGES = expectedChanges(SHAPE);
const SPEED = 10;

export const rateLimitsCase: BenchCase = {
  name: 'rate limits, CL',
  measures: `applyPlan(): ${CHANGES} membership changes, CL test-mode limits on, clock x${SPEED}`,
  budget: { ms: 13_500, rssMb: 300, calls: CHANGES + 1, counts: { '429s': 0 } },
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
        // One PATCH per change: the pacing of many writes is what this row measures (`bulk joins` has imports).
        const result = await applyPlan(plan, new Map([[provider.name, provider]]), { output: 'silent', bulk: false });
        if (result.done !== CHANGES) throw new Error(`applied ${result.done} of ${CHANGES} changes; ${result.failed} failed`);
        const { calls, refused } = callsSince(platform, from);
        return { calls, counts: { '429s': refused }, notes: [`${seconds(clock.elapsed() - began)} at real scale`] };
      },
      close: platform.close,
    };
  },
};
