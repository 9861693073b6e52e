// Read + plan against the Commerce Layer emulator (its rate limits off): 2,000 declared members over 20 groups,
// 20% of them in another group, 10% in none, 200 undeclared customers in the groups, and 5,000 bystanders the
// read must not fetch. The adapter lists the groups by code, then the customers of those groups and the
// declared customers by e-mail, 25 a page (the API's largest), the pages of a list all at once.
//
// Calls target: the least this read can do: 1 token, 1 groups page, ceil(2,000 in the groups / 25) = 80 pages,
// ceil(2,000 e-mails / 25 per filter) = 80 lists of one page. Time target: the adapter paces itself to CL's
// documented 100 calls a minute, so on the platform this read takes a minute or more; groupform's own share,
// measured here on a clock that skips those waits, must stay a small part of it: under 3 s. The waits
// themselves are reported (virtual clock): what the run would take on the platform, less its latency.
import type { BenchCase } from '../case.js';
import { virtualClock } from '../lib/clocks.js';
import { seconds } from '../lib/format.js';
import { callsSince, emulate, readAndPlan } from '../lib/emulated.js';
import { buildScenario, expectedChanges, type ScenarioShape } from '../lib/scenario.js';

const SHAPE: ScenarioShape = { groups: 20, membersPerGroup: 100, moveShare: 0.2, joinShare: 0.1, undeclared: 200, bystanders: 5_000 };
const PAGE = 25;
const DECLARED = SHAPE.groups * SHAPE.membersPerGroup;
const IN_GROUPS = DECLARED * (1 - SHAPE.joinShare) + SHAPE.undeclared;
const LEAST_CALLS = 1 + Math.ceil(SHAPE.groups / PAGE) + Math.ceil(IN_GROUPS / PAGE) + Math.ceil(DECLARED / PAGE);

export const readPlanCase: BenchCase = {
  name: 'read + plan, CL',
  measures: 'read() + plan(), CL emulator: 2,000 members in 20 groups',
  budget: { ms: 3000, rssMb: 300, calls: LEAST_CALLS },
  async open() {
    const clock = virtualClock();
    const platform = await emulate('commercelayer', buildScenario(SHAPE), { clock });
    return {
      async run() {
        const { live, plan } = await readAndPlan(platform, platform.provider());
        const expected = expectedChanges(SHAPE);
        if (plan.changes.length !== expected) throw new Error(`planned ${plan.changes.length} changes, expected ${expected}`);
        return {
          calls: callsSince(platform, 0).calls,
          notes: [
            `${live.customers.length.toLocaleString('en-US')} customers read, ${plan.changes.length} changes`,
            `rate-limit waits ${seconds(clock.elapsed())} (virtual clock)`,
          ],
        };
      },
      close: platform.close,
    };
  },
};
