import { describe, expect, it } from 'vitest';
import { classifyDrift } from '../../src/drift/classify.js';
import { plan } from '../../src/plan/plan.js';
import { customer, desired, group, instance, live, liveGroup, options } from '../plan/fixtures.js';

const COMMIT = '2026-03-01T12:00:00Z';

function drifted() {
  const state = desired(
    [group('bc', 'vip', { name: 'VIP', attributes: { name: 'VIP', is_default: true }, members: ['a@x.com', 'b@x.com'] }), group('bc', 'new')],
    [instance('bc')],
  );
  const liveState = [
    live(
      'bc',
      [liveGroup('1', 'VIP', { updatedAt: '2026-03-02T08:00:00Z' })],
      [
        { ...customer('a', 'a@x.com'), updatedAt: '2026-02-01T00:00:00Z' },
        { ...customer('b', 'b@x.com'), updatedAt: 'garbage' },
        { ...customer('c', 'c@x.com', '1') },
      ],
    ),
  ];
  return { liveState, result: plan(state, liveState, options()) };
}

describe('classifyDrift', () => {
  it("counts a rename through a temporary name once, as the group's rename", () => {
    const liveState = [live('bc', [liveGroup('1', 'A'), liveGroup('2', 'B')])];
    const swap = plan(
      desired([group('bc', 'a', { name: 'B', pinnedId: '1' }), group('bc', 'b', { name: 'A', pinnedId: '2' })], [instance('bc')]),
      liveState,
      options(),
    );
    expect(swap.changes).toHaveLength(3);
    expect(classifyDrift(swap, liveState, COMMIT).map((item) => item.address)).toEqual(['bc/b', 'bc/a']);
  });

  it("compares each live object's modification time with the config's last commit", () => {
    const { result, liveState } = drifted();
    const items = classifyDrift(result, liveState, COMMIT);
    expect(Object.fromEntries(items.map((item) => [item.address, [item.classification, item.liveUpdatedAt]]))).toEqual({
      'bc/new': ['unknown', null], // nothing live to date
      'bc/vip': ['changed-on-platform', '2026-03-02T08:00:00Z'],
      'bc/members/a@x.com': ['not-yet-applied', '2026-02-01T00:00:00Z'],
      'bc/members/b@x.com': ['unknown', 'garbage'],
      'bc/members/c@x.com': ['unknown', null],
    });
    expect(items.every((item) => item.configChangedAt === COMMIT)).toBe(true);
  });

  it('says unknown for everything outside a git repository', () => {
    const { result, liveState } = drifted();
    expect(classifyDrift(result, liveState, null).map((item) => item.classification)).toEqual(result.changes.map(() => 'unknown'));
  });
});
