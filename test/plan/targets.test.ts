import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { customer, desired, group, instance, live, liveGroup, options } from './fixtures.js';

function scenario(targets: { provider: string; key?: string }[]) {
  return plan(
    desired(
      [group('bc', 'vip', { members: ['a@x.com'] }), group('bc', 'gold', { members: ['ghost@x.com'] }), group('cl', 'staff')],
      [instance('bc', { prune: true }), instance('cl')],
    ),
    [live('bc', [liveGroup('1', 'Old'), liveGroup('2', 'Older')], [customer('c1', 'a@x.com')]), live('cl')],
    options({ targets, force: true }),
  );
}

describe('targets', () => {
  it('plans everything without targets', () => {
    expect(scenario([]).changes.map((change) => change.address)).toEqual([
      'bc/#1', 'bc/#2', 'bc/gold', 'bc/vip', 'cl/staff', 'bc/members/a@x.com',
    ]);
  });

  it('narrows to a provider instance, with its findings', () => {
    const result = scenario([{ provider: 'cl' }]);
    expect(result.changes.map((change) => change.address)).toEqual(['cl/staff']);
    expect(result.findings).toEqual([]);
    expect(result.summary.groupsToCreate).toBe(1);
  });

  it('narrows to a declared group and the customers joining or leaving it', () => {
    const result = scenario([{ provider: 'bc', key: 'vip' }]);
    expect(result.changes.map((change) => change.address)).toEqual(['bc/vip', 'bc/members/a@x.com']);
  });

  it('leaves out a move from a targeted group into a group the plan creates but does not target', () => {
    const state = desired([group('bc', 'vip', { members: [] }), group('bc', 'new', { members: ['a@x.com'] })], [instance('bc')]);
    const liveState = [live('bc', [liveGroup('1', 'VIP')], [customer('c1', 'a@x.com', '1')])];
    const vipOnly = plan(state, liveState, options({ targets: [{ provider: 'bc', key: 'vip' }], force: true }));
    expect(vipOnly.changes).toEqual([]);
    const both = plan(state, liveState, options({ targets: [{ provider: 'bc', key: 'vip' }, { provider: 'bc', key: 'new' }], force: true }));
    expect(both.changes.map((change) => change.address)).toEqual(['bc/new', 'bc/members/a@x.com']);
  });
});
