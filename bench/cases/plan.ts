// The planner alone (pure, no I/O): 200 groups, 100,000 declared members, all 100,000 live, 30% of them in
// the wrong group. plan() includes the identity match, the membership diff, ordering, the safety checks and
// the live-state fingerprint (a sha256 over canonical JSON of every customer).
//
// Targets: reading 100,000 customers takes thousands of API calls (minutes even on BigCommerce's 150 per 30 s),
// so planning must be a small fraction of a run: under 2 s. Memory: the inputs held here are ~60 MB;
// the budget is the same 500 MB ceiling as loading a 1,000,000-member config, so a plan fits a small CI runner.
import { plan } from '../../src/plan/index.js';
import type { BenchCase } from '../case.js';
import { buildScenario, expectedChanges, type ScenarioShape } from '../lib/scenario.js';
import { planInput } from '../lib/synthetic.js';

const SHAPE: ScenarioShape = { groups: 200, membersPerGroup: 500, moveShare: 0.3, joinShare: 0, undeclared: 0, bystanders: 0 };
const EXPECTED_CHANGES = expectedChanges(SHAPE);

export const planCase: BenchCase = {
  name: 'plan',
  measures: 'plan(): 200 groups, 100,000 customers declared and live, 30% to move',
  budget: { ms: 2000, rssMb: 500 },
  async open() {
    const { desired, live, options } = planInput(buildScenario(SHAPE));
    return {
      async run() {
        const result = plan(desired, live, options);
        if (result.changes.length !== EXPECTED_CHANGES) throw new Error(`planned ${result.changes.length} changes, expected ${EXPECTED_CHANGES}`);
        return { notes: [`${result.changes.length.toLocaleString('en-US')} changes`] };
      },
    };
  },
};
