// Rendering a plan of 10,000 membership changes as text: 6,000 moves and 2,000 joins into 50 groups, and
// 2,000 undeclared customers leaving them. Once as `groupform plan` prints it (no colour, 20 customers a
// group then `… and N more`), once with every customer listed (maxMembers: Infinity), the worst case.
//
// Targets: the plan is shown before apply asks for confirmation, so it must appear at once: under 0.5 s.
// Memory: the plan and its inputs (~20,000 customers) fit well under 300 MB.
//
// The same plan as an HTML report (`plan --format html`): rendered, written, and opened in headless Chromium
// until its layout is done, in under 2 s, as a file of at most 2 MB (a CI artifact a reviewer downloads).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { plan } from '../../src/plan/index.js';
import { renderHtml } from '../../src/render/html.js';
import { renderText } from '../../src/render/text.js';
import { startChromium } from '../../test/helpers/chromium.js';
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

const htmlCase: BenchCase = {
  name: 'render html',
  measures: `renderHtml() of ${CHANGES.toLocaleString('en-US')} membership changes, written and laid out in headless Chromium`,
  budget: { ms: 2_000, rssMb: 300, counts: { 'HTML KB': 2_048 } },
  async open(dir) {
    const { desired, live, options } = planInput(buildScenario(SHAPE));
    const computed = plan(desired, live, options);
    if (computed.changes.length !== CHANGES) throw new Error(`planned ${computed.changes.length} changes, expected ${CHANGES}`);
    const started = await startChromium();
    if (!started.browser) throw new Error(started.reason);
    const page = await started.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const file = path.join(dir, 'plan.html');
    return {
      async run() {
        const html = renderHtml(computed, { header: { configFile: 'groups.yaml', generatedAt: new Date().toISOString(), providers: desired.providers } });
        await writeFile(file, html);
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        // Reading the page's height makes the browser finish its layout.
        const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
        const bars = await page.locator('svg g.bar').count();
        return { counts: { 'HTML KB': Math.ceil(Buffer.byteLength(html) / 1024) }, notes: [`${bars} bars, page ${height.toLocaleString('en-US')} px tall`] };
      },
      close: () => started.browser.close(),
    };
  },
};

export const renderCases: readonly BenchCase[] = [
  renderCase('render text', 'as `plan` prints it (20 a group)'),
  renderCase('render text, all', 'every customer listed', Infinity),
  htmlCase,
];
