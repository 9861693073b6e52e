// Applying 500 Commerce Layer membership changes against the emulator WITH its documented limits, in each
// environment (test: writes 25 per endpoint per 10 s and 100 a minute; live: 50 and 200), to see whether the
// client paces itself to the environment its token is for: wall within 1.2 × the documented bound, < 1% 429s.
//
// The adapter's limits cannot be configured (they are its documented figures), so instead of shrinking the
// emulator's windows this case speeds time up 10 times for both sides: the emulator and the adapter share a
// clock on which 10 s pass in 1 s of real time. That is the same test as "25 per 1 s on both sides" and keeps
// the real limits on both; latency counts 10 times over, which makes races at window edges likelier, not rarer.
//
// The bound is computed here from the documented figures, not from the adapter's tables: the earliest time
// the last of N writes to one endpoint may start when no 10 s window holds more than the burst and no 60 s
// window more than the average (500 writes: 270 s in test, 130 s in live).
import { applyPlan } from '../../src/apply/apply.js';
import type { BenchCase } from '../case.js';
import { scaledClock } from '../lib/clocks.js';
import { callsSince, emulate, readAndPlan } from '../lib/emulated.js';
import { seconds } from '../lib/format.js';
import { buildScenario, expectedChanges, type ScenarioShape } from '../lib/scenario.js';

const SHAPE: ScenarioShape = { groups: 2, membersPerGroup: 250, moveShare: 0.8, joinShare: 0.2, undeclared: 0, bystanders: 0 };
const CHANGES = expectedChanges(SHAPE);
const SPEED = 10;
/** Wall may exceed the documented bound by this factor. */
const SLACK = 1.2;

/** shared/providers §1.6: writes per endpoint per 10 s (burst) and per class per minute (average). */
const DOCUMENTED = { test: { burst: 25, average: 100 }, live: { burst: 50, average: 200 } } as const;

/** The earliest start of the last of `n` calls, in ms, under a sliding burst (10 s) and average (60 s) window. */
function boundMs(n: number, { burst, average }: { burst: number; average: number }): number {
  const starts: number[] = [];
  for (let k = 0; k < n; k++) starts.push(Math.max(0, k >= burst ? starts[k - burst]! + 10_000 : 0, k >= average ? starts[k - average]! + 60_000 : 0));
  return starts[n - 1] ?? 0;
}

function rateLimitsCase(mode: 'test' | 'live'): BenchCase {
  const bound = boundMs(CHANGES, DOCUMENTED[mode]);
  return {
    name: `rate limits, CL ${mode}`,
    measures: `applyPlan(): ${CHANGES} membership changes, CL ${mode}-mode limits on (bound ${seconds(bound)}), clock x${SPEED}`,
    // Under 1% of the calls refused.
    budget: { ms: Math.round((bound * SLACK) / SPEED), rssMb: 300, calls: CHANGES + 1, counts: { '429s': Math.floor(CHANGES / 100) } },
    async open() {
      const start = Date.now();
      const clock = scaledClock(SPEED, start);
      const platform = await emulate('commercelayer', buildScenario(SHAPE), { clock, rateLimits: true, shareClock: { start, factor: SPEED }, mode });
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
          const wall = clock.elapsed() - began;
          return { calls, counts: { '429s': refused }, notes: [`${seconds(wall)} at real scale, ${(wall / bound).toFixed(2)} × the bound`] };
        },
        close: platform.close,
      };
    },
  };
}

export const rateLimitsCases: readonly BenchCase[] = [rateLimitsCase('test'), rateLimitsCase('live')];
