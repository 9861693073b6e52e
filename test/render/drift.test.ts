import { describe, expect, it } from 'vitest';
import type { DriftItem } from '../../src/drift/classify.js';
import { buildDriftReport } from '../../src/drift/report.js';
import { describeChange, renderDriftJson, renderDriftMarkdown, renderDriftText } from '../../src/render/drift.js';
import { member, samplePlan } from './sample-plan.js';

const vip = { key: 'vip', id: '1', name: 'VIP' };
const item = (change: DriftItem['change'], classification: DriftItem['classification'], liveUpdatedAt: string | null): DriftItem =>
  ({ address: change.address, change, classification, liveUpdatedAt, configChangedAt: '2026-02-01T00:00:00.000Z' });
const pos = { file: 'drift-baseline.yaml', line: 4, column: 5 };

function report() {
  const [create, update] = samplePlan().changes;
  return buildDriftReport({
    active: [item(update!, 'changed-on-platform', '2026-03-01T00:00:00.000Z'), item(member('bc', 'ann@example.com', null, vip), 'not-yet-applied', '2026-01-01T00:00:00.000Z')],
    silenced: [{ item: item(create!, 'unknown', null), entry: { address: 'cl/*', reason: 'launch | week', expires: '2026-12-31', pos } }],
    expired: [{ address: 'bc/members/old@example.com', reason: 'gone', expires: '2020-01-01', pos: { ...pos, line: 7 } }],
    unused: [],
  }, '2026-02-01T00:00:00.000Z', [{ severity: 'warning', code: 'customer-not-found', message: 'customer ghost@example.com not found', provider: 'bc' }]);
}

describe('drift renderers', () => {
  it('text: the headline, each item with both times, silenced and expired entries, findings', () => {
    expect(renderDriftText(report(), { baselineFile: 'drift-baseline.yaml' })).toBe([
      'Drift: 2 items (1 changed on the platform, 1 not yet applied) (1 acknowledged in the baseline).',
      '',
      '  bc/wholesale: update group (name, discount_rules); changed on the platform (live modified 2026-03-01T00:00:00.000Z, config committed 2026-02-01T00:00:00.000Z)',
      '  bc/members/ann@example.com: join VIP; not yet applied (live modified 2026-01-01T00:00:00.000Z, config committed 2026-02-01T00:00:00.000Z)',
      '',
      'Silenced by the baseline (1):',
      '  cl/vip: until 2026-12-31, launch | week',
      '',
      'Expired baseline entries:',
      '  drift-baseline.yaml:7: bc/members/old@example.com expired 2020-01-01 (gone)',
      '',
      'bc: warning: customer ghost@example.com not found',
      '',
    ].join('\n'));
  });

  it('markdown: tables with masked e-mails and escaped cells', () => {
    const text = renderDriftMarkdown(report());
    expect(text).toContain('| bc/members/a\\*\\*\\*#71d4f5@example.com | join VIP | not yet applied | 2026-01-01T00:00:00.000Z | 2026-02-01T00:00:00.000Z |');
    expect(text).toContain('| cl/vip | create group | unknown | unknown | until 2026-12-31: launch \\| week |');
    expect(text).toContain('- bc/members/o\\*\\*\\*#7eaa9a@example.com (line 7, 2020-01-01): gone');
    expect(text).not.toMatch(/(ann|old|ghost)@example/);
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
