// The HTML reports as a person sees them: the sandbox's plan and a drift report with history, made by the
// real CLI, opened in headless Chromium. What the page shows is read through the browser (the summary
// numbers, the chart's bars, a section opening on a click), no request may leave the page, and screenshots
// at desktop and phone widths are kept in test-results/ (README's images: UPDATE_README_SCREENSHOTS=1).
// In CI, a Chromium that cannot start fails the test; elsewhere the test is skipped, saying why.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model.js';
import { repoConfig, sandboxProject, type SandboxProject } from '../commands/sandbox-project.js';
import { startChromium, watchRequests } from '../helpers/chromium.js';
import { commitFiles } from '../helpers/git.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = path.join(root, 'test-results');
const started = await startChromium();
const inCi = process.env.CI === 'true';
const COMMITTED = '2026-02-01T00:00:00.000Z';
if (started.reason && !inCi) console.warn(`html-browser.test.ts skipped: ${started.reason}`);

let env: SandboxProject | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});
afterAll(async () => {
  await started.browser?.close();
});

describe.runIf(Boolean(started.reason) && inCi)('the HTML reports in Chromium (CI)', () => {
  it('needs Chromium to start', () => {
    expect.fail(`${started.reason} (.ci/run installs Debian's chromium)`);
  });
});

describe.skipIf(!started.browser)('the HTML reports in Chromium', () => {
  const browser = started.browser as Browser;

  /** The file opened at a width; every request the page made. */
  async function open(file: string, width: number): Promise<{ page: Page; requests: string[]; url: string }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const url = pathToFileURL(file).href;
    const requests = await watchRequests(page, url);
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, url };
  }

  /**
   * Readable at a phone's width: the page scrolls only down (wide tables scroll in their own box), and no
   * table is squeezed into columns too narrow to read.
   */
  async function fitsWidth(page: Page, width: number): Promise<void> {
    await headingsInOrder(page);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    const cells = await page
      .locator('td, th')
      .evaluateAll((nodes) => nodes.map((node) => (node as unknown as { getBoundingClientRect(): { width: number } }).getBoundingClientRect().width));
    expect(Math.min(...cells.filter((w) => w > 0))).toBeGreaterThanOrEqual(40);
  }

  /** One h1 first, and no heading more than one level below the one before it. */
  async function headingsInOrder(page: Page): Promise<void> {
    const levels = await page
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((nodes) => nodes.map((node) => Number((node as unknown as { tagName: string }).tagName.slice(1))));
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.slice(1).forEach((level, i) => expect(level, `heading ${i + 2} after an h${levels[i]}`).toBeLessThanOrEqual(levels[i]! + 1));
  }

  /**
   * The desktop page's screenshots (and README's picture of its top), then the same file at a phone's width:
   * readable there, its screenshot, and again no request but the file.
   */
  async function shotsAndPhone(page: Page, file: string, name: 'plan' | 'drift'): Promise<void> {
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, `${name}-desktop.png`), fullPage: true });
    if (process.env.UPDATE_README_SCREENSHOTS === '1') {
      const image = path.join(root, 'docs', 'img', `${name}-report.png`);
      await mkdir(path.dirname(image), { recursive: true });
      await page.screenshot({ path: image, fullPage: true, clip: { x: 0, y: 0, width: 1100, height: 1250 } });
      expect((await stat(image)).size).toBeLessThan(300 * 1024);
    }
    const phone = await open(file, 390);
    await fitsWidth(phone.page, 390);
    await phone.page.screenshot({ path: path.join(artifacts, `${name}-phone.png`), fullPage: true });
    expect(phone.requests).toEqual([phone.url]);
  }

  it("shows the sandbox's plan: the summary per provider, a bar per group, sections that open on a click, and loads nothing else", async () => {
    env = await sandboxProject({ 'groups.yaml': await repoConfig() });
    await commitFiles(env.project.dir, ['groups.yaml'], COMMITTED);
    const html = await env.run(['plan', '--format', 'html']);
    expect(html.code).toBe(0);
    const plan = JSON.parse((await env.run(['plan', '--format', 'json'])).stdout) as Plan;
    const text = (await env.run(['plan'])).stdout.trimEnd().split('\n').at(-1);
    await mkdir(artifacts, { recursive: true });
    const file = path.join(artifacts, 'plan.html');
    await writeFile(file, html.stdout);

    const { page, requests, url } = await open(file, 1100);
    expect(await page.locator('#headline').textContent()).toBe(text);
    expect(await page.locator('.meta dd').nth(1).textContent()).toMatch(new RegExp(`^[0-9a-f]{12} \\(${COMMITTED.replaceAll('.', '\\.')}\\)$`));
    // The numbers of each provider's card, as the page shows them, against the plan itself.
    const providers = [...new Set(plan.changes.map((change) => change.provider))];
    expect(providers.length).toBeGreaterThan(1);
    for (const provider of providers) {
      const card = page.locator(`.card[data-provider="${provider}"]`);
      const shown = async (key: string): Promise<number> => Number(await card.locator(`tr[data-count="${key}"] td`).textContent());
      const changes = plan.changes.filter((change) => change.provider === provider);
      const n = (kind: 'group' | 'membership', action: string): number =>
        changes.filter((change) => change.kind === kind && change.action === action && !(change.kind === 'group' && change.temporary)).length;
      expect(await shown('groups-created')).toBe(n('group', 'create'));
      expect(await shown('groups-changed')).toBe(n('group', 'update'));
      expect(await shown('groups-deleted')).toBe(n('group', 'delete'));
      expect(await shown('customers-joining')).toBe(n('membership', 'create'));
      expect(await shown('customers-moving')).toBe(n('membership', 'update'));
      expect(await shown('customers-leaving')).toBe(n('membership', 'delete'));
    }
    // One bar per group with changes, each drawn (a box of some width), its total the group's changes.
    const sections = page.locator('details.group');
    const groups = await sections.count();
    expect(groups).toBeGreaterThan(3);
    const bars = page.locator('svg g.bar');
    expect(await bars.count()).toBe(groups);
    const totals = await bars.evaluateAll((nodes) => nodes.map((node) => Number((node as unknown as { dataset: { total: string } }).dataset.total)));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(plan.changes.filter((change) => !(change.kind === 'group' && change.temporary)).length);
    for (let i = 0; i < groups; i++) expect((await bars.nth(i).locator('rect').first().boundingBox())!.width).toBeGreaterThan(0);
    // A section is closed until clicked.
    const first = sections.first();
    const inside = first.locator('p').first();
    expect(await inside.isVisible()).toBe(false);
    await first.locator('summary').click();
    expect(await first.getAttribute('open')).not.toBeNull();
    expect(await inside.isVisible()).toBe(true);
    // Printed, the closed sections are shown too.
    await page.emulateMedia({ media: 'print' });
    expect(await sections.last().locator('p').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(requests).toEqual([url]);
    await shotsAndPhone(page, file, 'plan');
  }, 90_000);

  it('shows a drift report: the counts per provider and class, the history chart, a baseline line per item, and loads nothing else', async () => {
    env = await sandboxProject({ 'groups.yaml': await repoConfig() });
    await commitFiles(env.project.dir, ['groups.yaml'], COMMITTED);
    const first = JSON.parse((await env.run(['drift', '--format', 'json'])).stdout) as { drift: { address: string }[] };
    // Earlier runs, and one item acknowledged in the baseline.
    const earlier = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({
        time: new Date(Date.UTC(2026, 9, 1 + i)).toISOString(),
        providers: {
          cl: { 'changed-on-platform': 0, 'not-yet-applied': i % 7, unknown: 2, baselined: 0 },
          bc: { 'changed-on-platform': Math.floor(i / 4), 'not-yet-applied': 3, unknown: 0, baselined: 1 },
        },
      }),
    );
    await env.project.write('drift-history.jsonl', earlier.join('\n') + '\n');
    await env.project.write(
      'drift-baseline.yaml',
      `items:\n  - address: ${first.drift[0]!.address}\n    reason: Sales changed it for the launch\n    expires: 2099-12-31\n`,
    );
    const result = await env.run([
      'drift',
      '--history',
      'drift-history.jsonl',
      '--baseline',
      'drift-baseline.yaml',
      '--report',
      'drift.html',
      '--report',
      'drift.json',
    ]);
    expect(result.code).toBe(2);
    const report = JSON.parse(await readFile(path.join(env.project.dir, 'drift.json'), 'utf8')) as {
      drift: { provider: string; classification: string }[];
      silenced: { provider: string }[];
    };
    const file = path.join(artifacts, 'drift.html');
    await mkdir(artifacts, { recursive: true });
    await writeFile(file, await readFile(path.join(env.project.dir, 'drift.html')));

    const { page, requests, url } = await open(file, 1100);
    for (const provider of [...new Set(report.drift.map((item) => item.provider))]) {
      const card = page.locator(`.card[data-provider="${provider}"]`);
      for (const kind of ['changed-on-platform', 'not-yet-applied', 'unknown']) {
        expect(Number(await card.locator(`tr[data-count="${kind}"] td`).textContent())).toBe(
          report.drift.filter((item) => item.provider === provider && item.classification === kind).length,
        );
      }
      expect(Number(await card.locator('tr[data-count="baselined"] td').textContent())).toBe(
        report.silenced.filter((item) => item.provider === provider).length,
      );
    }
    expect(report.silenced).toHaveLength(1);
    // 20 earlier runs and this one, each a column.
    expect(await page.locator('svg g.run').count()).toBe(21);
    expect(await page.locator('tr[data-class]').count()).toBe(report.drift.length + 1);
    expect(await page.locator('code.baseline').first().textContent()).toMatch(
      /^ {2}- \{ address: ".+", reason: "why this drift is expected", expires: \d{4}-\d{2}-\d{2} \}$/,
    );
    const numbers = page.locator('section[aria-labelledby="history"] details');
    await numbers.locator('summary').click();
    expect(await numbers.locator('tbody tr').count()).toBe(21);
    expect(requests).toEqual([url]);
    await shotsAndPhone(page, file, 'drift');
  }, 90_000);
});
