import { describe, expect, it } from 'vitest';
import { customerJson, fingerprint } from '../../src/plan/fingerprint.js';
import { canonicalJson } from '../../src/plan/values.js';
import { plan } from '../../src/plan/plan.js';
import { customer, desired, live, liveGroup, options } from './fixtures.js';

const state = () => [
  live(
    'bc',
    [liveGroup('1', 'VIP', { attributes: { name: 'VIP', discount_rules: [{ type: 'all', amount: '5' }] } }), liveGroup('2', 'Gold')],
    [customer('c1', 'a@x.com', '1'), customer('c2', 'b@x.com')],
  ),
  live('cl', [liveGroup('x', 'X', { code: 'x', updatedAt: '2024-05-01T10:00:00Z' })]),
];

describe('fingerprint', () => {
  it('is a sha256 hex digest that the plan carries', () => {
    const live = state();
    expect(fingerprint(live)).toMatch(/^[0-9a-f]{64}$/);
    expect(plan(desired([]), live, options()).fingerprint).toBe(fingerprint(live));
  });

  it('is the same for the same live state read in another order, with keys in another order', () => {
    const [bc, cl] = state();
    const reordered = [
      { ...cl! },
      {
        customers: [...bc!.customers].reverse(),
        groups: [{ attributes: { discount_rules: [{ amount: '5', type: 'all' }], name: 'VIP' }, name: 'VIP', id: '1' }, bc!.groups[1]!],
        provider: 'bc',
      },
    ];
    expect(fingerprint(reordered)).toBe(fingerprint(state()));
  });

  it('changes when anything live changes', () => {
    const base = fingerprint(state());
    const moved = state();
    moved[0]!.customers[1]!.groupId = '2';
    const renamed = state();
    renamed[1]!.groups[0]!.updatedAt = '2024-05-02T10:00:00Z';
    expect(fingerprint(moved)).not.toBe(base);
    expect(fingerprint(renamed)).not.toBe(base);
  });
});

describe('customerJson', () => {
  it('writes what canonicalJson writes, so that fingerprints of saved plans still match', () => {
    const cases = [
      { id: '7', email: 'jo@example.com', groupId: '1', updatedAt: '2024-01-02T03:04:05.000Z' },
      { id: 'abc"\\', email: 'zoë+"quoted"@exämple.com', groupId: null },
      { id: '', email: '', groupId: '', updatedAt: '\u2028' },
    ];
    for (const c of cases) expect(customerJson(c)).toBe(canonicalJson(c));
  });
});
