import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/model.js';
import { plan } from '../../src/plan/plan.js';
import { customer, desired, group, instance, live, liveGroup, options } from './fixtures.js';

const line = (change: Change): string => (change.kind === 'group' ? `group ${change.action} ${change.address}` : `member ${change.action} ${change.address}`);

describe('plan order', () => {
  it('orders moves out of deleted groups, deletes, renames, creates, other updates, moves, unassigns; then by provider, group and e-mail', () => {
    const providers = [instance('cl', { prune: true }), instance('bc', { prune: true })];
    const groups = [
      group('bc', 'zeta', { members: ['z@x.com'] }),
      group('bc', 'alpha', { name: 'Alpha v2', pinnedId: '1', members: ['b@x.com', 'a@x.com'] }),
      group('cl', 'vip', { members: ['v@x.com'] }),
      group('cl', 'gold', { name: 'Gold!' }),
    ];
    const result = plan(
      desired(groups, providers),
      [
        live(
          'bc',
          [liveGroup('1', 'Alpha'), liveGroup('2', 'Old'), liveGroup('3', 'Keep')],
          [customer('b1', 'b@x.com', '2'), customer('b2', 'a@x.com'), customer('b3', 'z@x.com'), customer('b4', 'gone@x.com', '1')],
        ),
        live(
          'cl',
          [liveGroup('g', 'Gold', { code: 'gold' }), liveGroup('o', 'Old', { code: 'old' })],
          [customer('c1', 'v@x.com', 'g'), customer('c2', 'left@x.com', 'o')],
        ),
      ],
      options({ force: true }),
    );
    expect(result.changes.map(line)).toEqual([
      'member update bc/members/b@x.com',
      'member delete cl/members/left@x.com',
      'group delete bc/#2',
      'group delete bc/#3',
      'group delete cl/#o',
      'group update bc/alpha',
      'group update cl/gold',
      'group create bc/zeta',
      'group create cl/vip',
      'member create bc/members/a@x.com',
      'member create bc/members/z@x.com',
      'member update cl/members/v@x.com',
      'member delete bc/members/gone@x.com',
    ]);
  });

  it('gives the same plan whatever order the live state was read in', () => {
    const groups = [group('bc', 'vip', { members: ['a@x.com', 'b@x.com'] })];
    const customers = [customer('1', 'a@x.com'), customer('2', 'b@x.com'), customer('3', 'c@x.com', 'g')];
    const first = plan(desired(groups), [live('bc', [liveGroup('g', 'VIP'), liveGroup('h', 'H')], customers)], options());
    const second = plan(desired(groups), [live('bc', [liveGroup('h', 'H'), liveGroup('g', 'VIP')], [...customers].reverse())], options());
    expect(second).toEqual(first);
  });
});
