// Joins and moves through Commerce Layer imports: the rows sent, the polling, and each failed row mapped back
// to its change. Against the emulator over loopback, sharing one virtual clock, so polls cost no real time.
import { describe, expect, it } from 'vitest';
import { importOutcomes } from '../../../src/providers/commercelayer/imports.js';
import type { ImportStatus } from '../../../src/providers/commercelayer/api.js';
import type { MembershipChange } from '../../../src/model.js';
import type { ResolvedMembershipChange } from '../../../src/providers/provider.js';
import { idOf, useBulkSetup } from './bulk-setup.js';

const start = useBulkSetup();
const BULK = { bulk: { rowsPerSecond: 10, startDelayMs: 1000 } };
const setup = (n: number, options = {}) => start(n, { ...BULK, ...options });

const join = (i: number, groupId: string | null = 'GrpVipAaaa'): ResolvedMembershipChange => ({
  change: {
    kind: 'membership',
    action: 'update',
    address: `cl/members/c${i}@example.com`,
    provider: 'cl',
    customerId: idOf(i),
    email: `c${i}@example.com`,
    before: null,
    after: { id: groupId, key: 'vip', name: 'VIP' },
  } satisfies MembershipChange,
  groupId,
});

describe('importOutcomes (the error mapping)', () => {
  const chunk = [join(0), join(1), join(2), join(3)];

  it("fails the rows errors_log names, with the platform's messages, and counts the others done", () => {
    const results = importOutcomes(
      'cl',
      'ImpX',
      {
        status: 'completed',
        processed_count: 3,
        errors_count: 1,
        errors_log: { [idOf(2)]: { customer_group: ['must exist'] } },
      },
      chunk,
    );
    expect(results.map((r) => r.error?.message)).toEqual([
      undefined,
      undefined,
      `cl: import ImpX refused customer ${idOf(2)}: customer_group must exist`,
      undefined,
    ]);
  });

  it('fails the rows an interrupted import never reached', () => {
    const results = importOutcomes(
      'cl',
      'ImpX',
      {
        status: 'interrupted',
        processed_count: 1,
        errors_count: 1,
        errors_log: { [idOf(1)]: { base: ['oops'] } },
      },
      chunk,
    );
    expect(results.map((r) => r.error === undefined)).toEqual([true, false, false, false]);
    expect(results[2]!.error?.message).toContain('was interrupted');
  });

  it('leaves every row unconfirmed when the log names rows it was not sent, or does not match errors_count', () => {
    const cases: ImportStatus[] = [
      { status: 'completed' as const, processed_count: 3, errors_count: 1, errors_log: { 'someone@example.com': { email: ['x'] } } },
      { status: 'completed' as const, processed_count: 3, errors_count: 1, errors_log: {} },
    ];
    for (const status of cases) {
      const results = importOutcomes('cl', 'ImpX', status, chunk);
      expect(results.every((r) => r.error?.message.includes('cannot match'))).toBe(true);
    }
  });
});

describe('applyMembershipsBulk against the emulator', () => {
  it('imports customer ids with their new group, polls to completion, and fails only the refused row', async () => {
    const { provider, emulator, clock } = await setup(40);
    const changes = [...Array.from({ length: 39 }, (_, i) => join(i)), join(39, 'NoSuchGrp')];
    const results = await provider.applyMembershipsBulk!(changes);

    const failed = results.filter((r) => r.error);
    expect(failed.map((r) => r.change.customerId)).toEqual([idOf(39)]);
    expect(failed[0]!.error!.message).toMatch(new RegExp(`^cl: import [A-Za-z]{10} refused customer ${idOf(39)}: customer_group must exist$`));
    const state = emulator.state();
    expect(state.customers.filter((c) => c.customer_group_id === 'GrpVipAaaa')).toHaveLength(39);

    // The rows name customers by id only: an e-mail would let the import create a customer.
    const create = emulator.requests.find((r) => r.method === 'POST' && r.path === '/api/imports')!;
    const rows = (create.body as { data: { attributes: { inputs: Record<string, unknown>[] } } }).data.attributes.inputs;
    expect(rows[0]).toEqual({ id: idOf(0), customer_group_id: 'GrpVipAaaa' });
    expect(rows.every((row) => Object.keys(row).sort().join() === 'customer_group_id,id')).toBe(true);
    expect(state.customers).toHaveLength(40);

    // One create and a few polls, each pause longer than the one before.
    const apiCalls = emulator.requests.filter((r) => r.path.startsWith('/api/'));
    expect(apiCalls.length).toBeLessThanOrEqual(8);
    const pauses = clock.sleeps.filter((ms) => ms >= 2000);
    expect(pauses[0]).toBe(2000);
    expect(pauses.every((ms, i) => i === 0 || ms >= pauses[i - 1]!)).toBe(true);
  });

  it('splits more than 10,000 changes into imports of 10,000', async () => {
    const { provider, emulator } = await setup(10_005, { bulk: { rowsPerSecond: 100_000, startDelayMs: 0 } });
    const results = await provider.applyMembershipsBulk!(Array.from({ length: 10_005 }, (_, i) => join(i)));
    expect(results.filter((r) => r.error)).toEqual([]);
    const creates = emulator.requests.filter((r) => r.method === 'POST' && r.path === '/api/imports');
    expect(creates.map((r) => (r.body as { data: { attributes: { inputs: unknown[] } } }).data.attributes.inputs.length)).toEqual([10_000, 5]);
  });

  it('gives up after 30 minutes of an import that does not finish, failing its rows with a clear message', async () => {
    const { provider } = await setup(2, { bulk: { rowsPerSecond: 1, startDelayMs: 3 * 60 * 60_000 } });
    const results = await provider.applyMembershipsBulk!([join(0), join(1)]);
    expect(results.map((r) => r.error?.message)).toEqual([
      expect.stringMatching(/^cl: import \w+ was still pending after 30 min; it may yet finish/),
      expect.stringMatching(/still pending/),
    ]);
  });
});
