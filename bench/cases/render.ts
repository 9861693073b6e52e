// Rendering a plan of 10,000 membership changes as text: 6,000 moves and 2,000 joins into 50 groups, and
// 2,000 undeclared customers leaving them. Once as `groupform plan` prints it (no colour, 20 customers a
// group then `… and N more`), once with every customer listed (maxMembers: Infinity), the worst case.
//
// Targets: the plan is shown before apply asks for confirmation, so it must appear at once: under 0.5 s.
// Memory: the plan and its inputs (~20,000 customers) fit well under 300 MB.
import { plan } from '../../src/plan/index.js';
import { renderText } from '../../src/render/text.js';
import type { BenchCase } from '../case.js';
import { buildScenario, expectedChanges, type ScenarioShape } from '../lib/scenario.js';
import { planInput } from '../lib/synthetic.js';

const SHAPE: ScenarioShape = { groups: 50, membersPerGroup: 160, moveShare: 0.75, joinShare: 0.25, undeclared: 2_000, bystanders: 0 };
const CHANGES = expectedChanges(SHAPE);

function renderCase(name: string, how: string, maxMembers?: number): BenchCase {
  return {
    name,
    measures: `renderText(): ${CHANGES.toLocaleString('en-US')} membership changes, ${how}`,
    budget: { ms: 500, rssMb: 300 },
    async open() {
      const { desired, live, options } = planInput(buildScenario(SHAPE));
      const computed = plan(desired, live, options);
      if (computed.changes.length !== CHANGES) throw new Error(`planned ${computed.changes.length} changes, expected ${CHANGES}`);
      return {
        async run() {
          const text = renderText(computed, { color: false, configFile: 'groups.yaml', ...(maxMembers === undefined ? {} : { maxMembers }) });
          const lines = text.split('\n').length - 1;
          return { notes: [`output ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, ${lines.toLocaleString('en-US')} lines`] };
        },
      };
    },
  };
}

export const renderCases: readonly BenchCase[] = [
  renderCase('render text', 'as `plan` prints it (20 a group)'),
  renderCase('render text, all', 'every customer listed', Infinity),
];
