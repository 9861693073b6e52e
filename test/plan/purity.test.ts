import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { customer, desired, group, instance, live, liveGroup, options } from './fixtures.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('plan is pure', () => {
  it('leaves its inputs untouched and gives the same plan twice', () => {
    const state = deepFreeze(
      desired(
        [group('bc', 'vip', { members: ['a@x.com'], attributes: { name: 'VIP', discount_rules: [{ type: 'all' }] } })],
        [instance('bc', { prune: true })],
      ),
    );
    const liveState = deepFreeze([live('bc', [liveGroup('1', 'VIP'), liveGroup('2', 'X')], [customer('c', 'a@x.com', '2')])]);
    const first = plan(state, liveState, options({ force: true }));
    expect(first.changes.length).toBe(3);
    expect(plan(state, liveState, options({ force: true }))).toEqual(first);
  });
});
