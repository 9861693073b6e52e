import { describe, expect, it } from 'vitest';
import { bulkCalls, estimateCost, rateSeconds, readCalls } from '../../src/plan/cost.js';
import { plan } from '../../src/plan/plan.js';
import type { Capabilities, RateRule, ReadCostModel } from '../../src/model.js';
import { CAPABILITIES, customer, desired, group, instance, live, liveGroup, options } from './fixtures.js';

/** A limit on every call, as BigCommerce's and Xtrakit's. */
const all = (limit: number, windowMs: number): RateRule => ({ counts: 'all', perEndpoint: false, limit, windowMs });
const members = (n: number, prefix = 'm'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}@x.com`);

/** Commerce Layer's figures: a token, `in` filters 25 at a time. */
const FILTERS: ReadCostModel = {
  fixedCalls: 1,
  groups: { by: 'filter', perCall: 25 },
  customers: { by: 'filter', pageSize: 25, groupIdsPerList: 25, emailsPerList: 25 },
};
const LISTING: ReadCostModel = { fixedCalls: 0, groups: { by: 'listing', perCall: 100 }, customers: { by: 'listing', pageSize: 100 } };

describe('rateSeconds', () => {
  it('lets a burst through at once and waits a window for each further batch', () => {
    expect(rateSeconds(0, [all(25, 10_000)])).toBe(0);
    expect(rateSeconds(25, [all(25, 10_000)])).toBe(0);
    expect(rateSeconds(26, [all(25, 10_000)])).toBe(10);
    expect(rateSeconds(1000, [all(25, 10_000), all(100, 60_000)])).toBe(540);
  });

  it("counts only the rules of the calls' class (Commerce Layer counts reads and writes apart)", () => {
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

describe('readCalls', () => {
  it("counts the token, the code look-ups, the members' pages, and look-ups only of e-mails the members did not bring", () => {
    // 60 members in vip (3 pages), 10 declared customers outside it (one look-up), 2 of them unknown.
    const declared = [group('cl', 'vip', { members: [...members(60), ...members(10, 'out')] }), group('cl', 'old', { pinnedId: 'G9' })];
    const state = live(
      'cl',
      [liveGroup('G1', 'VIP'), liveGroup('G9', 'Old')],
      [...members(60).map((email, i) => customer(`c${i}`, email, 'G1')), ...members(8, 'out').map((email, i) => customer(`o${i}`, email, 'G7'))],
    );
    expect(readCalls(FILTERS, declared, false, state)).toBe(1 + 1 + 1 + 3 + 1);
    // A full read lists every group instead of looking up the declared ones.
    expect(readCalls(FILTERS, declared, true, state)).toBe(1 + 1 + 3 + 1);
  });

  it('costs one call per empty list, and nothing for look-ups with nothing to look up', () => {
    expect(readCalls(FILTERS, [group('cl', 'vip')], false, live('cl', [liveGroup('G1', 'VIP')]))).toBe(1 + 1 + 1);
    expect(readCalls(FILTERS, [], false, live('cl'))).toBe(1);
  });

  it("chunks the group ids of the members' lists, a list per chunk, and pages e-mail look-ups that find more than a page", () => {
    const model: ReadCostModel = { ...FILTERS, customers: { by: 'filter', pageSize: 25, groupIdsPerList: 2, emailsPerList: 60 } };
    const groups = ['G1', 'G2', 'G3'].map((id) => liveGroup(id, id));
    const state = live('bc', groups, [customer('a', 'a@x.com', 'G1'), ...members(50).map((email, i) => customer(`c${i}`, email))]);
    // Two lists of members (G1+G2, G3); 50 e-mails in one look-up of 2 pages.
    expect(readCalls({ ...model, fixedCalls: 0, groups: { by: 'listing', perCall: 250 } }, [group('bc', 'x', { members: members(50) })], false, state)).toBe(
      1 + 2 + 2,
    );
  });

  it("reads a members' list through an export where it fits one and its other pages would take more calls, unless bulk is off", () => {
    const model: ReadCostModel = { ...FILTERS, customers: { ...FILTERS.customers, viaExport: { maxItems: 300, calls: 5 } } as ReadCostModel['customers'] };
    const read = (n: number, bulk = true) =>
      readCalls(
        model,
        [group('cl', 'vip', { members: members(n) })],
        false,
        live(
          'cl',
          [liveGroup('G1', 'VIP')],
          members(n).map((email, i) => customer(`c${i}`, email, 'G1')),
        ),
        undefined,
        bulk,
      );
    // 150 members: 6 pages, the first and 5 more, no fewer through an export.
    expect(read(150)).toBe(1 + 1 + 6);
    // 175: 7 pages, or the first page and the export's 5 calls.
    expect(read(175)).toBe(1 + 1 + 1 + 5);
    expect(read(175, false)).toBe(1 + 1 + 7);
    // More than one export holds: pages.
    expect(read(325)).toBe(1 + 1 + 13);
  });

  it('lists every group and every customer where no e-mail filter exists', () => {
    const state = { ...live('xk', [liveGroup('1', 'VIP')], [customer('1', 'a@x.com', '1')]), customersListed: 250, groupNames: { 1: 'VIP', 2: 'B' } };
    expect(readCalls(LISTING, [group('xk', 'vip', { members: ['a@x.com'] })], false, state)).toBe(1 + 3);
  });
});

describe('estimateCost', () => {
  it('counts the read, group calls by action and membership changes in batches, per provider', () => {
    const caps: Record<string, Capabilities> = {
      ...CAPABILITIES,
      bc: { ...CAPABILITIES.bc!, cost: { ...CAPABILITIES.bc!.cost, rateLimits: [all(150, 30_000)] } },
      xk: {
        ...CAPABILITIES.xk!,
        cost: { ...CAPABILITIES.xk!.cost, groupCalls: { create: 1, update: 2, delete: 1 }, batchCalls: 2, rateLimits: [all(60, 60_000)] },
      },
    };
    const state = desired([group('bc', 'vip', { members: members(25) }), group('xk', 'vip', { name: 'New name', members: members(3) })]);
    const result = plan(
      state,
      [
        live(
          'bc',
          [],
          members(25).map((email, i) => customer(`b${i}`, email)),
        ),
        live(
          'xk',
          [liveGroup('7', 'VIP')],
          members(3).map((email, i) => customer(`x${i}`, email)),
        ),
        live('cl'),
      ],
      options({ capabilities: caps }),
    );
    // The fixtures' read: a page of groups and a page of customers.
    expect(result.estimate).toEqual([
      { provider: 'bc', calls: 2 + 1 + 3, reads: 2, writes: 1 + 3, seconds: 0 },
      { provider: 'cl', calls: 2, reads: 2, writes: 0, seconds: null },
      // The rename matches nothing by name: a create, and two calls per customer under this model.
      { provider: 'xk', calls: 2 + 1 + 3 * 2, reads: 2, writes: 1 + 3 * 2, seconds: 0 },
    ]);
  });

  it("gives an unknown time without a documented limit, and the limit's time with one", () => {
    const state = desired([group('cl', 'vip', { members: members(2) })], [instance('cl')]);
    const lives = [
      live(
        'cl',
        [],
        members(2).map((email, i) => customer(`c${i}`, email)),
      ),
    ];
    const result = plan(state, lives, options());
    expect(result.estimate).toEqual([{ provider: 'cl', calls: 5, reads: 2, writes: 3, seconds: null }]);
    const limited = { cl: { ...CAPABILITIES.cl!, cost: { ...CAPABILITIES.cl!.cost, rateLimits: [all(2, 10_000)] } } };
    expect(estimateCost(result.changes, state, lives, limited)).toEqual([{ provider: 'cl', calls: 5, reads: 2, writes: 3, seconds: 20 }]);
  });
});

describe('the bulk path (Commerce Layer imports) in the cost model', () => {
  const bulky: Capabilities = {
    ...CAPABILITIES.cl!,
    batchMembership: 1,
    cost: { ...CAPABILITIES.cl!.cost, groupCalls: { create: 1, update: 1, delete: 1 }, batchCalls: 1, rateLimits: [], bulk: { maxItems: 10_000, calls: 6 } },
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
    // The fixtures' read: a page of groups and one of customers.
    expect(result.estimate).toEqual([{ provider: 'cl', calls: 2 + 6 + 3, reads: 2, writes: 6 + 3, seconds: null }]);
    const direct = plan(state, [live('cl', [vip], customers)], options({ capabilities: { cl: bulky }, bulk: false }));
    expect(direct.estimate).toEqual([{ provider: 'cl', calls: 2 + 103, reads: 2, writes: 103, seconds: null }]);
  });
});
