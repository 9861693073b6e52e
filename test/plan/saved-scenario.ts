// A saved plan to check, shared by the saved-plan tests (a test file imported by another runs its tests twice).
import { plan } from '../../src/plan/plan.js';
import { buildSavedPlan } from '../../src/plan/saved.js';
import { CAPABILITIES, customer, desired, group, instance, live, liveGroup, options } from './fixtures.js';

export const CREATED = '2026-01-02T03:04:05.000Z';

/** cl (pruned): create vip (by code), update staff's metadata, delete Legacy; bc: a move from an undeclared group. */
export function scenario() {
  const state = desired(
    [
      group('cl', 'vip', { members: ['a@x.com'] }),
      group('cl', 'staff', { attributes: { name: 'Staff', metadata: { tier: 2 } }, members: ['b@x.com'] }),
      group('bc', 'trade', { name: 'Trade', members: ['c@x.com'] }),
    ],
    [instance('cl', { prune: true }), instance('bc')],
  );
  const liveState = [
    live(
      'cl',
      [liveGroup('s1', 'Staff', { code: 'staff', attributes: { name: 'Staff', metadata: { tier: 1 }, reference: 'r' } }), liveGroup('L1', 'Legacy')],
      [customer('ca', 'a@x.com'), customer('cb', 'b@x.com', 's1'), customer('cz', 'z@x.com', 's1'), customer('cd', 'd@x.com', 'L1')],
    ),
    live('bc', [liveGroup('7', 'Trade')], [customer('bc', 'c@x.com', '9')]),
  ];
  const result = plan(state, liveState, options());
  return { state, liveState, result, saved: buildSavedPlan(result, { desired: state, live: liveState, capabilities: CAPABILITIES, createdAt: CREATED }) };
}
