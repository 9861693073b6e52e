import { describe, expect, it } from 'vitest';
import type { DriftItem } from '../../src/drift/classify.js';
import { buildDriftReport } from '../../src/drift/report.js';
import { describeChange, renderDriftJson, renderDriftMarkdown, renderDriftText } from '../../src/render/drift.js';
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

function report() {
  const [create, update] = samplePlan().changes;
  return buildDriftReport(
    {
      active: [
        item(update!, 'changed-on-platform', '2026-03-01T00:00:00.000Z'),
        item(member('bc', 'ann@example.com', null, vip), 'not-yet-applied', '2026-01-01T00:00:00.000Z'),
      ],
      silenced: [{ item: item(create!, 'unknown', null), entry: { address: 'cl/*', reason: 'launch | week', expires: '2026-12-31', pos } }],
      expired: [{ address: 'bc/members/old@example.com', reason: 'gone', expires: '2020-01-01', pos: { ...pos, line: 7 } }],
      unused: [],
    },
    '2026-02-01T00:00:00.000Z',
    [{ severity: 'warning', code: 'customer-not-found', message: 'customer ghost@example.com not found', provider: 'bc' }],
  );
}

describe('drift renderers', () => {
  it('text: the headline, each item with both times, silenced and expired entries, findings', () => {
    expect(renderDriftText(report(), { baselineFile: 'drift-baseline.yaml' })).toBe(
      [
        'Drift: 2 items (1 changed on the platform, 1 not yet applied) (1 acknowledged in the baseline).',
        'Config last committed 2026-02-01T00:00:00.000Z: an item modified on the platform after that changed on the platform; one modified before it is not yet applied.',
        '',
        '  bc/wholesale: update group (name, discount_rules); changed on the platform (live modified 2026-03-01T00:00:00.000Z)',
        '  bc/members/ann@example.com: join VIP; not yet applied (live modified 2026-01-01T00:00:00.000Z)',
        '',
        'Silenced by the baseline (1):',
        '  cl/vip: until 2026-12-31, launch | week',
        '',
        'Expired baseline entries:',
        '  drift-baseline.yaml:7: bc/members/old@example.com expired 2020-01-01 (gone)',
        '',
        'bc: warning: customer ghost@example.com not found',
        '',
      ].join('\n'),
    );
  });

  it('headline: an error is never in sync, with or without drift', () => {
    const error = { severity: 'error' as const, code: 'pinned-id-not-found', message: 'group gold: pinned id 99 not found on bc', provider: 'bc' };
    const none = { active: [], silenced: [], expired: [], unused: [] };
    const unchecked = buildDriftReport(none, null, [error]);
    expect(unchecked.inSync).toBe(false);
    expect(renderDriftText(unchecked).split('\n')[0]).toBe('Not checked: 1 error kept part of the config from being compared (below).');
    const drifted = buildDriftReport({ ...none, active: [item(member('bc', 'ann@example.com', null, vip), 'unknown', null)] }, null, [error]);
    expect(renderDriftMarkdown(drifted)).toContain('**Drift: 1 item (1 unknown); 1 error kept part of the config from being compared (below).**');
    expect(buildDriftReport(none, null, [{ ...error, severity: 'warning' }]).inSync).toBe(true);
  });

  it('markdown: the commit time once, tables with masked e-mails and escaped cells, how to acknowledge an item', () => {
    const text = renderDriftMarkdown(report(), { baselineFile: 'drift-baseline.yaml' });
    expect(text).toContain('Config last committed 2026-02-01T00:00:00.000Z: ');
    expect(text.split('2026-02-01T00:00:00.000Z')).toHaveLength(2);
    expect(text).toContain('| Item | Change | Drift | Live modified |\n| --- | --- | --- | --- |\n');
    expect(text).toContain('| bc/members/a\\*\\*\\*#71d4f5@example.com | join VIP | not yet applied | 2026-01-01T00:00:00.000Z |\n');
    expect(text).toContain('| cl/vip | create group | unknown | unknown | until 2026-12-31: launch \\| week |');
    expect(text).toContain('- bc/members/o\\*\\*\\*#7eaa9a@example.com (line 7, 2020-01-01): gone');
    // The how-to names the first item as it is shown, ready to copy into the baseline.
    expect(text).toContain('```yaml\nitems:\n  - address: bc/wholesale\n    reason: why this drift is expected\n    expires: YYYY-MM-DD');
    expect(text).not.toMatch(/(ann|old|ghost)@example/);
  });

  it('markdown: 1,500 drifted members stay under the limit, saying how many more the full report holds', () => {
    const items = Array.from({ length: 1500 }, (_, i) =>
      item(member('bc', `customer-${String(i).padStart(5, '0')}@example.com`, null, vip), 'changed-on-platform', '2026-03-01T00:00:00.000Z'),
    );
    const findings = Array.from({ length: 400 }, (_, i) => ({
      severity: 'warning' as const,
      code: 'customer-not-found',
      message: `customer ghost${i}@example.com not found`,
      provider: 'bc',
    }));
    const big = buildDriftReport({ active: items, silenced: [], expired: [], unused: [] }, '2026-02-01T00:00:00.000Z', findings);
    const full = renderDriftMarkdown(big, { maxChars: Infinity });
    expect(full.length).toBeGreaterThan(100_000);
    const text = renderDriftMarkdown(big, { fullReport: 'drift.json' });
    expect(text.length).toBeLessThanOrEqual(60_000);
    expect(text).toContain('**Drift: 1500 items (1500 changed on the platform).**');
    const shown = text.split('\n').filter((line) => line.startsWith('| bc/members/')).length;
    expect(shown).toBeGreaterThan(300);
    expect(text).toContain(`| *${(1500 - shown).toLocaleString('en-US')} more items in the full report (drift.json)* | | | |`);
    expect(text).toMatch(/- \*400 more findings in the full report \(drift\.json\)\*/);
    expect(text).toContain('To acknowledge an item');
    expect(text).not.toContain('customer-00000@example.com');
    // Without a JSON report beside it, the line says how to get one.
    expect(renderDriftMarkdown(big, { maxChars: 10_000 })).toContain('more items in the full report (`groupform drift --report drift.json`)');
  });

  it('json: the report itself, keys sorted', () => {
    const parsed = JSON.parse(renderDriftJson(report())) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['configChangedAt', 'drift', 'expiredBaseline', 'findings', 'formatVersion', 'inSync', 'silenced', 'unusedBaseline']);
    expect(parsed.inSync).toBe(false);
  });

  it('describes each kind of change in a few words', () => {
    const staff = { key: 'staff', id: '2', name: 'Staff' };
    expect(describeChange(member('bc', 'a@x.com', staff, vip))).toBe('move from Staff to VIP');
    expect(describeChange(member('bc', 'a@x.com', { key: null, id: '9', name: '' }, null))).toBe('leave #9');
    expect(describeChange(samplePlan().changes.at(-1)!)).toBe('delete group');
  });
});
