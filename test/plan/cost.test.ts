import { describe, expect, it } from 'vitest';
import { estimateCost, rateSeconds } from '../../src/plan/cost.js';
import { plan } from '../../src/plan/plan.js';
import type { Capabilities } from '../../src/model.js';
import { CAPABILITIES, customer, desired, group, instance, live, liveGroup, options } from './fixtures.js';

const members = (n: number, prefix = 'm'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}@x.com`);

describe('rateSeconds', () => {
  it('lets a burst through at once and waits a window for each further batch', () => {
    expect(rateSeconds(0, [{ limit: 25, windowMs: 10_000 }])).toBe(0);
    expect(rateSeconds(25, [{ limit: 25, windowMs: 10_000 }])).toBe(0);
    expect(rateSeconds(26, [{ limit: 25, windowMs: 10_000 }])).toBe(10);
    expect(rateSeconds(1000, [{ limit: 25, windowMs: 10_000 }, { limit: 100, windowMs: 60_000 }])).toBe(540);
  });

  it('is unknown without a documented limit', () => {
    expect(rateSeconds(10, [])).toBeNull();
  });
});

describe('estimateCost', () => {
  it('counts group calls by action and membership changes in batches, per provider', () => {
    const caps: Record<string, Capabilities> = {
      ...CAPABILITIES,
      bc: { ...CAPABILITIES.bc!, cost: { groupCalls: { create: 1, update: 1, delete: 1 }, batchCalls: 1, rateLimits: [{ limit: 150, windowMs: 30_000 }] } },
      xk: { ...CAPABILITIES.xk!, cost: { groupCalls: { create: 1, update: 2, delete: 1 }, batchCalls: 2, rateLimits: [{ limit: 60, windowMs: 60_000 }] } },
    };
    const state = desired([
      group('bc', 'vip', { members: members(25) }),
      group('xk', 'vip', { name: 'New name', members: members(3) }),
    ]);
    const result = plan(state, [
      live('bc', [], members(25).map((email, i) => customer(`b${i}`, email))),
      live('xk', [liveGroup('7', 'VIP')], members(3).map((email, i) => customer(`x${i}`, email))),
      live('cl'),
    ], options({ capabilities: caps }));
    expect(result.estimate).toEqual([
      { provider: 'bc', calls: 1 + 3, seconds: 0 },
      // The rename matches nothing by name: a create, and a read-then-write per customer.
      { provider: 'cl', calls: 0, seconds: null },
      { provider: 'xk', calls: 1 + 3 * 2, seconds: 0 },
    ]);
  });

  it('counts one call per change and an unknown time without a documented limit, and the limit\'s time with one', () => {
    const state = desired([group('cl', 'vip', { members: members(2) })], [instance('cl')]);
    const result = plan(state, [live('cl', [], members(2).map((email, i) => customer(`c${i}`, email)))], options());
    expect(result.estimate).toEqual([{ provider: 'cl', calls: 3, seconds: null }]);
    expect(estimateCost(result.changes, ['cl'], { cl: { ...CAPABILITIES.cl!, cost: { groupCalls: { create: 1, update: 1, delete: 1 }, batchCalls: 1, rateLimits: [{ limit: 2, windowMs: 10_000 }] } } }))
      .toEqual([{ provider: 'cl', calls: 3, seconds: 10 }]);
  });
});
