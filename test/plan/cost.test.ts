import { describe, expect, it } from 'vitest';
import { bulkCalls, estimateCost, rateSeconds } from '../../src/plan/cost.js';
import { plan } from '../../src/plan/plan.js';
import type { Capabilities, RateRule } from '../../src/model.js';
import { CAPABILITIES, customer, desired, group, instance, live, liveGroup, options } from './fixtures.js';

/** A limit on every call, as BigCommerce's and Xtrakit's. */
const all = (limit: number, windowMs: number): RateRule => ({ counts: 'all', perEndpoint: false, limit, windowMs });
const members = (n: number, prefix = 'm'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}@x.com`);

describe('rateSeconds', () => {
  it('lets a burst through at once and waits a window for each further batch', () => {
    expect(rateSeconds(0, [all(25, 10_000)])).toBe(0);
    expect(rateSeconds(25, [all(25, 10_000)])).toBe(0);
    expect(rateSeconds(26, [all(25, 10_000)])).toBe(10);
    expect(rateSeconds(1000, [all(25, 10_000), all(100, 60_000)])).toBe(540);
  });

  it('counts only the rules of the calls\' class (Commerce Layer counts reads and writes apart)', () => {
    const rules: RateRule[] = [
      { counts: 'read', perEndpoint: false, limit: 10, windowMs: 60_000 },
      { counts: 'write', perEndpoint: true, limit: 25, windowMs: 10_000 },
    ];
    expect(rateSeconds(26, rules)).toBe(10);
    expect(rateSeconds(26, rules, 'read')).toBe(120);
  });

  it('is unknown without a documented limit', () => {
    expect(rateSeconds(10, [])).toBeNull();
  });
});

describe('estimateCost', () => {
  it('counts group calls by action and membership changes in batches, per provider', () => {
    const caps: Record<string, Capabilities> = {
      ...CAPABILITIES,
      bc: { ...CAPABILITIES.bc!, cost: { groupCalls: { create: 1, update: 1, delete: 1 }, batchCalls: 1, rateLimits: [all(150, 30_000)] } },
      xk: { ...CAPABILITIES.xk!, cost: { groupCalls: { create: 1, update: 2, delete: 1 }, batchCalls: 2, rateLimits: [all(60, 60_000)] } },
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
    expect(estimateCost(result.changes, ['cl'], { cl: { ...CAPABILITIES.cl!, cost: { groupCalls: { create: 1, update: 1, delete: 1 }, batchCalls: 1, rateLimits: [all(2, 10_000)] } } }))
      .toEqual([{ provider: 'cl', calls: 3, seconds: 10 }]);
  });
});

describe('the bulk path (Commerce Layer imports) in the cost model', () => {
  const bulky: Capabilities = {
    ...CAPABILITIES.cl!,
    batchMembership: 1,
    cost: { groupCalls: { create: 1, update: 1, delete: 1 }, batchCalls: 1, rateLimits: [], bulk: { maxItems: 10_000, calls: 6 } },
  };

  it('is taken only when its jobs cost fewer calls than the direct batches', () => {
    expect(bulkCalls(0, bulky)).toBeUndefined();
    expect(bulkCalls(6, bulky)).toBeUndefined();
    expect(bulkCalls(7, bulky)).toBe(6);
    expect(bulkCalls(10_000, bulky)).toBe(6);
    expect(bulkCalls(10_001, bulky)).toBe(12);
    expect(bulkCalls(1_000, { ...bulky, cost: { ...bulky.cost, bulk: undefined } })).toBeUndefined();
    // Where a direct batch carries 10 changes, the bulk job must beat a tenth of the calls.
    expect(bulkCalls(50, { ...bulky, batchMembership: 10 })).toBeUndefined();
    expect(bulkCalls(70, { ...bulky, batchMembership: 10 })).toBe(6);
  });

  it('counts joins through the bulk path and leaves one call each in the estimate, unless bulk is off', () => {
    const joins = members(100);
    const leavers = members(3, 'old');
    const state = desired([group('cl', 'vip', { members: joins })], [instance('cl')]);
    const vip = liveGroup('G1', 'VIP', { code: 'vip' });
    const customers = [...joins.map((email, i) => customer(`c${i}`, email)), ...leavers.map((email, i) => customer(`o${i}`, email, 'G1'))];
    const result = plan(state, [live('cl', [vip], customers)], options({ capabilities: { cl: bulky } }));
    expect(result.changes.filter((c) => c.kind === 'membership')).toHaveLength(103);
    expect(result.estimate).toEqual([{ provider: 'cl', calls: 6 + 3, seconds: null }]);
    const direct = plan(state, [live('cl', [vip], customers)], options({ capabilities: { cl: bulky }, bulk: false }));
    expect(direct.estimate).toEqual([{ provider: 'cl', calls: 103, seconds: null }]);
  });
});
