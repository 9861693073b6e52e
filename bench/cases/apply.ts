// Applying 1,000 membership changes (800 moves between groups, 200 joins from no group) over 10 groups, on
// each platform's emulator with its rate limits off, through applyPlan as `groupform apply` runs it. The plan
// is read and computed before the timer starts; the timed apply uses a new adapter (new token, empty limiter).
//
// Calls targets: what each API needs and no more. Commerce Layer: one PATCH per customer, plus the token.
// BigCommerce: one PUT /v3/customers per 10 customers (3 in flight at most). Xtrakit: a GET and a PUT per
// customer (its edit demands the whole record, so each is read first).
// Time target: the adapters pace themselves to the documented limits, so on the platforms these runs take
// minutes (Commerce Layer 100 writes a minute, Xtrakit 60 calls) or, for BigCommerce's 100 batches 3 at a time
// at real latency, seconds. Measured on a clock that skips those waits, groupform's own work (and the
// emulator's, in its own process) must stay a small part of that: under 5 ms a change, 5 s for 1,000 on every
// platform. The waits are reported (virtual clock); BigCommerce's are 0, as its client adopts the quota the
// store reports (unlimited here) and 100 calls fit the documented 150 per 30 s anyway.
import { applyPlan } from '../../src/apply/apply.js';
import type { ProviderType } from '../../src/model.js';
import type { BenchCase } from '../case.js';
import { virtualClock } from '../lib/clocks.js';
import { callsSince, emulate, readAndPlan } from '../lib/emulated.js';
import { seconds } from '../lib/format.js';
import { buildScenario, expectedChanges, type ScenarioShape } from '../lib/scenario.js';

const SHAPE: ScenarioShape = { groups: 10, membersPerGroup: 100, moveShare: 0.8, joinShare: 0.2, undeclared: 0, bystanders: 0 };
const CHANGES = expectedChanges(SHAPE);

interface PlatformRow {
  label: string;
  how: string;
  calls: number;
}

const ROWS: Record<ProviderType, PlatformRow> = {
  commercelayer: { label: 'CL', how: 'one PATCH per customer', calls: CHANGES + 1 },
  bigcommerce: { label: 'BC', how: 'PUTs of 10, 3 at once', calls: CHANGES / 10 },
  xtrakit: { label: 'XK', how: 'GET + PUT per customer', calls: CHANGES * 2 },
};

function applyCase(type: ProviderType): BenchCase {
  const row = ROWS[type];
  return {
    name: `apply, ${row.label}`,
    measures: `applyPlan(): ${CHANGES.toLocaleString('en-US')} membership changes, ${row.how}`,
    budget: { ms: 5000, rssMb: 300, calls: row.calls },
    async open() {
      const clock = virtualClock();
      const platform = await emulate(type, buildScenario(SHAPE), { clock });
      const { plan } = await readAndPlan(platform, platform.provider());
      if (plan.changes.length !== CHANGES) throw new Error(`planned ${plan.changes.length} changes, expected ${CHANGES}`);
      return {
        async run() {
          const provider = platform.provider();
          const [from, waited] = [platform.calls.length, clock.elapsed()];
          // The per-call paths (`bulk joins` measures Commerce Layer's imports, on a clock shared with the emulator).
          const result = await applyPlan(plan, new Map([[provider.name, provider]]), { output: 'silent', bulk: false });
          if (result.done !== CHANGES) throw new Error(`applied ${result.done} of ${CHANGES} changes; ${result.failed} failed`);
          return {
            calls: callsSince(platform, from).calls,
            notes: [`rate-limit waits ${seconds(clock.elapsed() - waited)} (virtual clock)`],
          };
        },
        close: platform.close,
      };
    },
  };
}

export const applyCases: readonly BenchCase[] = [applyCase('commercelayer'), applyCase('bigcommerce'), applyCase('xtrakit')];
