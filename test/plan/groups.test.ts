import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { desired, group, instance, live, liveGroup, options } from './fixtures.js';

describe('group changes', () => {
  it('creates an unmatched declared group with its declared fields, adding no code', () => {
    const vip = group('cl', 'vip', { attributes: { name: 'VIP', metadata: { tier: 'gold' } } });
    const result = plan(desired([vip]), [live('cl')], options());
    expect(result.changes).toEqual([
      {
        kind: 'group',
        action: 'create',
        address: 'cl/vip',
        provider: 'cl',
        key: 'vip',
        id: null,
        before: null,
        after: { name: 'VIP', metadata: { tier: 'gold' } },
      },
    ]);
    expect(result.summary).toEqual({ groupsToCreate: 1, groupsToUpdate: 0, groupsToDelete: 0, customersToMove: 0 });
  });

  it('updates only the declared fields that differ, with before and after holding just those', () => {
    const wholesale = group('bc', 'wholesale', {
      attributes: { name: 'Wholesale', discount_rules: [{ type: 'all', method: 'percent', amount: '5.0000' }], is_default: false },
    });
    const current = liveGroup('4', 'Wholesale', {
      attributes: { name: 'Wholesale', discount_rules: [{ type: 'all', method: 'percent', amount: '10.0000' }], is_default: false },
    });
    const result = plan(desired([wholesale]), [live('bc', [current])], options());
    expect(result.changes).toEqual([
      {
        kind: 'group',
        action: 'update',
        address: 'bc/wholesale',
        provider: 'bc',
        key: 'wholesale',
        id: '4',
        before: { discount_rules: [{ type: 'all', method: 'percent', amount: '10.0000' }] },
        after: { discount_rules: [{ type: 'all', method: 'percent', amount: '5.0000' }] },
      },
    ]);
    expect(result.summary.groupsToUpdate).toBe(1);
  });

  it('shows no perpetual diff: key order is irrelevant and undeclared live fields are left alone', () => {
    const vip = group('cl', 'vip', { attributes: { name: 'VIP', metadata: { tier: 'gold', perks: { a: 1, b: [1, 2] } } } });
    const current = liveGroup('a1', 'VIP', {
      code: 'vip',
      attributes: { reference: 'erp-7', metadata: { perks: { b: [1, 2], a: 1 }, tier: 'gold' }, name: 'VIP' },
    });
    expect(plan(desired([vip]), [live('cl', [current])], options()).changes).toEqual([]);
  });

  it('treats array order as meaningful, since providers normalise what they echo', () => {
    const vip = group('bc', 'vip', {
      attributes: {
        name: 'VIP',
        discount_rules: [
          { type: 'category', category_id: 1 },
          { type: 'category', category_id: 2 },
        ],
      },
    });
    const current = liveGroup('1', 'VIP', {
      attributes: {
        discount_rules: [
          { type: 'category', category_id: 2 },
          { type: 'category', category_id: 1 },
        ],
      },
    });
    expect(plan(desired([vip]), [live('bc', [current])], options()).changes.map((c) => c.action)).toEqual(['update']);
  });

  it('shows a declared field the platform does not return as null before', () => {
    const vip = group('xk', 'vip', { attributes: { name: 'VIP', description: 'Big spenders' } });
    const result = plan(desired([vip]), [live('xk', [liveGroup('1', 'VIP')])], options());
    expect(result.changes).toEqual([expect.objectContaining({ before: { description: null }, after: { description: 'Big spenders' } })]);
  });

  it('never deletes without prune', () => {
    const result = plan(desired([group('bc', 'vip')]), [live('bc', [liveGroup('1', 'VIP'), liveGroup('2', 'Old')])], options());
    expect(result.changes).toEqual([]);
  });

  it('with prune, deletes live groups no key matches and no ignore pattern covers', () => {
    const providers = [instance('bc', { prune: true, ignore: ['Legacy *', 'Staff'] })];
    const result = plan(
      desired([group('bc', 'vip', { protect: true })], providers),
      [live('bc', [liveGroup('1', 'VIP'), liveGroup('2', 'Legacy Gold'), liveGroup('3', 'legacy silver'), liveGroup('4', 'Staff'), liveGroup('5', 'Staff 2')])],
      options(),
    );
    expect(result.changes).toEqual([
      { kind: 'group', action: 'delete', address: 'bc/#3', provider: 'bc', key: null, id: '3', before: { name: 'legacy silver' }, after: null },
      { kind: 'group', action: 'delete', address: 'bc/#5', provider: 'bc', key: null, id: '5', before: { name: 'Staff 2' }, after: null },
    ]);
    expect(result.summary.groupsToDelete).toBe(2);
  });

  it('warns instead of deleting where the platform cannot delete groups', () => {
    const result = plan(
      desired([group('xk', 'vip')], [instance('xk', { prune: true })]),
      [live('xk', [liveGroup('1', 'VIP'), liveGroup('2', 'Old')])],
      options(),
    );
    expect(result.changes).toEqual([]);
    expect(result.findings).toEqual([
      {
        severity: 'warning',
        code: 'delete-unsupported',
        provider: 'xk',
        message: 'group "Old" (#2) on xk is not declared, but xtrakit groups cannot be deleted through the API; it is left as it is',
      },
    ]);
  });

  it('shows a rename on a name platform without a pin as what it is: delete and create', () => {
    const result = plan(
      desired([group('bc', 'vip', { name: 'V.I.P.' })], [instance('bc', { prune: true }), instance('cl')]),
      [live('bc', [liveGroup('1', 'VIP'), liveGroup('2', 'Keep')]), live('cl')],
      options(),
    );
    expect(result.changes.map((change) => [change.action, change.address])).toEqual([
      ['delete', 'bc/#1'],
      ['delete', 'bc/#2'],
      ['create', 'bc/vip'],
    ]);
  });
});
