import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseBaseline } from '../../src/drift/baseline.js';
import type { DriftItem } from '../../src/drift/classify.js';
import type { HistoryEntry } from '../../src/drift/history.js';
import { buildDriftReport } from '../../src/drift/report.js';
import { baselineLine, HISTORY_RUNS, renderDriftHtml } from '../../src/render/drift-html.js';
import { maskEmailsIn } from '../../src/render/mask.js';
import { member, samplePlan } from './sample-plan.js';

const vip = { key: 'vip', id: '1', name: 'VIP' };
const item = (change: DriftItem['change'], classification: DriftItem['classification'], liveUpdatedAt: string | null): DriftItem => ({
  address: change.address,
  change,
  classification,
  liveUpdatedAt,
  configChangedAt: '2026-02-01T00:00:00.000Z',
});
const pos = { file: 'drift-baseline.yaml', line: 4, column: 5 };
const header = { configFile: 'groups.yaml', generatedAt: '2026-11-28T05:00:00.000Z', commit: { hash: 'b'.repeat(40), time: '2026-02-01T00:00:00.000Z' } };

function report(reason = 'launch week') {
  const [create, update] = samplePlan().changes;
  return buildDriftReport(
    {
      active: [
        item(update!, 'changed-on-platform', '2026-03-01T00:00:00.000Z'),
        item(member('bc', 'ann@example.com', null, vip), 'not-yet-applied', '2026-01-01T00:00:00.000Z'),
      ],
      silenced: [{ item: item(create!, 'unknown', null), entry: { address: 'cl/*', reason, expires: '2026-12-31', pos } }],
      expired: [{ address: 'bc/members/old@example.com', reason: 'gone', expires: '2020-01-01', pos: { ...pos, line: 7 } }],
      unused: [],
    },
    '2026-02-01T00:00:00.000Z',
    [{ severity: 'warning', code: 'customer-not-found', message: 'customer ghost@example.com not found', provider: 'bc' }],
  );
}

const run = (day: number, changed: number): HistoryEntry => ({
  time: new Date(Date.UTC(2026, 0, 1 + day)).toISOString(),
  providers: { bc: { 'changed-on-platform': changed, 'not-yet-applied': 1, unknown: 0, baselined: 0 } },
});

describe('renderDriftHtml', () => {
  it('classifies each item in words and a sign, with a baseline line for it, masked by default', () => {
    const html = renderDriftHtml(report(), { header, baselineFile: 'drift-baseline.yaml' });
    expect(html).toContain(
      '<p class="headline" id="headline">Drift: 2 items (1 changed on the platform, 1 not yet applied) (1 acknowledged in the baseline).</p>',
    );
    const rows = [
      ...html.matchAll(
        /<tr data-class="([^"]+)"><th scope="row"><code>([^<]+)<\/code><\/th><td>([^<]+)<\/td><td class="[^"]+"><span class="mark" aria-hidden="true">(.)<\/span>([^<]+)<\/td>/g,
      ),
    ].map((m) => m.slice(1, 6));
    const ann = maskEmailsIn('bc/members/ann@example.com');
    expect(rows).toEqual([
      ['changed-on-platform', 'bc/wholesale', 'update group (name, discount_rules)', '!', 'changed on the platform'],
      ['not-yet-applied', ann, 'join VIP', '~', 'not yet applied'],
      ['baselined', 'cl/vip', 'create group', '?', 'unknown'],
    ]);
    expect(html).not.toContain('ann@example.com');
    expect(html).toContain('<td>2026-12-31</td><td>launch week</td>');
    expect(html).toContain('<code>drift-baseline.yaml:7</code>');
    // The expired entry, and the findings, come before the items.
    expect(html.indexOf('Expired baseline entries')).toBeLessThan(html.indexOf('Drift items'));
    expect(html.indexOf('⚠ 1 warning')).toBeLessThan(html.indexOf('Summary per provider'));
  });

  it('gives a baseline line that the baseline parser accepts once a reason and date are in, and that silences the item', () => {
    const line = baselineLine(maskEmailsIn('bc/members/ann@example.com'), '2026-12-28');
    const { entries, findings } = parseBaseline(`items:\n${line}\n`, 'b.yaml');
    expect(findings).toEqual([]);
    expect(entries[0]).toMatchObject({ address: maskEmailsIn('bc/members/ann@example.com'), expires: '2026-12-28' });
    expect(renderDriftHtml(report(), { header })).toContain(`expires: 2026-12-28 }`);
    expect(parse(`items:\n${baselineLine('bc/members/"q"@x.com', '2026-12-28')}`)).toEqual({
      items: [{ address: 'bc/members/"q"@x.com', reason: 'why this drift is expected', expires: '2026-12-28' }],
    });
  });

  it('counts per provider and class', () => {
    const html = renderDriftHtml(report(), { header });
    const card = (provider: string) =>
      Object.fromEntries(
        [
          ...(html.match(new RegExp(`data-provider="${provider}"><h3>.*?</section>`, 's'))?.[0] ?? '').matchAll(
            /<tr data-count="([^"]+)">.*?<td class="n">(\d+)<\/td>/g,
          ),
        ].map((m) => [m[1], Number(m[2])]),
      );
    expect(card('bc')).toEqual({ 'changed-on-platform': 1, 'not-yet-applied': 1, unknown: 0, baselined: 0 });
    expect(card('cl')).toEqual({ 'changed-on-platform': 0, 'not-yet-applied': 0, unknown: 0, baselined: 1 });
  });

  it('charts the last 90 runs of the history, with the numbers in a table', () => {
    const history = Array.from({ length: 120 }, (_, i) => run(i, i));
    const html = renderDriftHtml(report(), { header, history });
    const columns = [...html.matchAll(/<g class="run" data-label="([^"]+)">/g)].map((m) => m[1]);
    expect(columns).toHaveLength(HISTORY_RUNS);
    expect(columns[0]).toBe(history[30]!.time);
    expect(columns.at(-1)).toBe(history[119]!.time);
    expect(html).toContain(`<title>${history[119]!.time}: 119 changed on the platform, 1 not yet applied, 0 unknown, 0 baselined</title>`);
    expect(html).toContain('<th scope="col" class="n">Changed on the platform</th>');
    expect(renderDriftHtml(report(), { header })).toContain('No history yet');
  });

  it('cuts long item lists with a count and where the rest is', () => {
    const many = buildDriftReport(
      {
        active: Array.from({ length: 30 }, (_, i) => item(member('bc', `c${i}@example.com`, null, vip), 'unknown', null)),
        silenced: [],
        expired: [],
        unused: [],
      },
      null,
      [],
    );
    const html = renderDriftHtml(many, { header, maxItems: 10, fullReport: 'drift.json' });
    expect(html.match(/<tr data-class="unknown">/g)).toHaveLength(10);
    expect(html).toContain('<p class="more">20 more items in the full report (drift.json).</p>');
  });

  it('renders names and reasons as text, never as markup (XSS)', () => {
    const evil = '<script>alert(1)</script>';
    const html = renderDriftHtml(report(evil), { header: { ...header, configFile: evil }, baselineFile: '"><img src=x>' });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
  });
});
