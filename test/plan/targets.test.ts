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
    expect(scenario([]).changes.map((change) => change.address)).toEqual(['bc/#1', 'bc/#2', 'bc/gold', 'bc/vip', 'cl/staff', 'bc/members/a@x.com']);
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

  it('keeps the findings of the targeted groups only, and those about live groups the file does not declare only with the whole provider', () => {
    // bc: gold declares a customer bc does not have; pruning Old and Older, which hold a customer, unassigns it.
    const codes = (targets: { provider: string; key?: string }[]) => scenario(targets).findings.map((finding) => `${finding.code} ${finding.group ?? '-'}`);
    const withCustomerInOld = (targets: { provider: string; key?: string }[]) =>
      plan(
        desired([group('bc', 'vip', { members: [] }), group('bc', 'gold', { members: ['ghost@x.com'] })], [instance('bc', { prune: true })]),
        [live('bc', [liveGroup('1', 'Old')], [customer('c1', 'a@x.com', '1')])],
        options({ targets, force: true }),
      ).findings.map((finding) => finding.code);
    expect(codes([{ provider: 'bc', key: 'vip' }])).toEqual([]);
    expect(codes([{ provider: 'bc', key: 'gold' }])).toEqual(['customer-not-found gold']);
    expect(withCustomerInOld([{ provider: 'bc', key: 'vip' }])).toEqual([]);
    expect(withCustomerInOld([{ provider: 'bc' }])).toEqual(['customer-not-found', 'unassigned-by-delete']);
  });

  it('counts the customers leaving an ignored group over the moves the targets keep', () => {
    const result = plan(
      desired(
        [group('bc', 'vip', { members: ['a@x.com', 'b@x.com'] }), group('bc', 'gold', { members: ['c@x.com'] })],
        [instance('bc', { ignore: ['Legacy*'] })],
      ),
      [
        live(
          'bc',
          [liveGroup('1', 'VIP'), liveGroup('2', 'GOLD'), liveGroup('5', 'Legacy')],
          [customer('c1', 'a@x.com', '5'), customer('c2', 'b@x.com', '5'), customer('c3', 'c@x.com', '5')],
        ),
      ],
      options({ targets: [{ provider: 'bc', key: 'gold' }] }),
    );
    expect(result.findings.map((finding) => finding.message)).toEqual([
      '1 customer leaves group "Legacy" (#5) on bc, which ignore pattern "Legacy*" covers: the file declares them in other groups, and a customer has one group',
    ]);
  });

  it('leaves out a move from a targeted group into a group the plan creates but does not target', () => {
    const state = desired([group('bc', 'vip', { members: [] }), group('bc', 'new', { members: ['a@x.com'] })], [instance('bc')]);
    const liveState = [live('bc', [liveGroup('1', 'VIP')], [customer('c1', 'a@x.com', '1')])];
    const vipOnly = plan(state, liveState, options({ targets: [{ provider: 'bc', key: 'vip' }], force: true }));
    expect(vipOnly.changes).toEqual([]);
    const both = plan(
      state,
      liveState,
      options({
        targets: [
          { provider: 'bc', key: 'vip' },
          { provider: 'bc', key: 'new' },
        ],
        force: true,
      }),
    );
    expect(both.changes.map((change) => change.address)).toEqual(['bc/new', 'bc/members/a@x.com']);
  });
});
