import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply.js';
import { PlanError } from '../../src/errors.js';
import type { Change } from '../../src/model.js';
import { FakeProvider, assign, createGroup, deleteGroup, emails, planOf, providersOf, ref, unassign, updateGroup } from './fake-provider.js';

const silent = { output: 'silent' } as const;

function statusOf(result: Awaited<ReturnType<typeof applyPlan>>, address: string) {
  const item = result.items.find((i) => i.change.address === address);
  if (!item) throw new Error(`no result for ${address}`);
  return item;
}

describe('applyPlan: phases and results', () => {
  it('runs members out of deleted groups, deletes, renames, creates, other updates, memberships, unassigns', async () => {
    const cl = new FakeProvider('cl', { concurrency: 4, batchMembership: 10 });
    // Listed out of order on purpose: the engine orders by step, not by position.
    const changes: Change[] = [
      unassign('cl', 'w@example.com', ref('gold', '42')),
      deleteGroup('cl', '9'),
      unassign('cl', 'z@example.com', ref(null, '9')),
      assign('cl', 'x@example.com', ref('vip', null)),
      assign('cl', 'y@example.com', ref('vip', null), ref('old', '5')),
      { ...updateGroup('cl', 'gold', '42'), before: { reference: null }, after: { reference: 'g' } },
      updateGroup('cl', 'old', '5'),
      createGroup('cl', 'vip'),
    ];
    const result = await applyPlan(planOf(changes), providersOf(cl), silent);

    const steps: Record<string, string> = {
      'cl/#9': 'delete',
      'cl/old': 'rename',
      'cl/vip': 'create',
      'cl/gold': 'update',
      'cl/members/z@example.com': 'move out',
      'cl/members/w@example.com': 'unassign',
    };
    const sequence = cl.calls.flatMap((call) => call.addresses.map((address) => steps[address] ?? 'assign'));
    expect(sequence).toEqual(['move out', 'delete', 'rename', 'create', 'update', 'assign', 'assign', 'unassign']);
    expect(result).toMatchObject({ done: 8, failed: 0, notAttempted: 0, warnings: [] });
    // Items come back in the plan's order, whatever order they ran in.
    expect(result.items.map((i) => i.change)).toEqual(changes);
  });

  it('runs a create after the rename that frees its name, and not at all when that rename failed', async () => {
    const rename = { ...updateGroup('xk', 'b2b', '12'), before: { name: 'Wholesale' }, after: { name: 'Spring Sale' } };
    const create = { ...createGroup('xk', 'vip'), after: { name: 'Wholesale' } };
    const xk = new FakeProvider('xk', { unique: { name: 'ignoring-case', code: 'none' } });
    await applyPlan(planOf([create, rename]), providersOf(xk), silent);
    expect(xk.calls.map((call) => call.addresses[0])).toEqual(['xk/b2b', 'xk/vip']);

    const failing = new FakeProvider('xk', { unique: { name: 'ignoring-case', code: 'none' } });
    failing.failing.add('xk/b2b');
    const result = await applyPlan(planOf([rename, create]), providersOf(failing), silent);
    expect(statusOf(result, 'xk/vip')).toMatchObject({
      status: 'not-attempted',
      error: { code: 'dependency-failed', message: 'xk/b2b must free the name first, and it failed' },
    });
  });

  it('runs a swap as the temporary name, the other rename, then the final name, one step after the other', async () => {
    const bc = new FakeProvider('bc', { unique: { name: 'exact', code: 'none' }, concurrency: 4 });
    const changes: Change[] = [
      { ...updateGroup('bc', 'a', '1'), address: 'bc/a:temporary-name', before: { name: 'A' }, after: { name: 'B (groupform-tmp-1)' }, temporary: true },
      { ...updateGroup('bc', 'b', '2'), before: { name: 'B' }, after: { name: 'A' } },
      { ...updateGroup('bc', 'a', '1'), before: { name: 'B (groupform-tmp-1)' }, after: { name: 'B' } },
    ];
    const starts: string[] = [];
    bc.onCall = (call) => starts.push(`${call.addresses[0]} (${bc.inFlight} in flight)`);
    const result = await applyPlan(planOf([...changes].reverse()), providersOf(bc), silent);
    expect(starts).toEqual(['bc/a:temporary-name (1 in flight)', 'bc/b (1 in flight)', 'bc/a (1 in flight)']);
    expect(result.done).toBe(3);
  });

  it("sends new groups' ids, from their create, with the memberships into them", async () => {
    const cl = new FakeProvider('cl', { batchMembership: 10 });
    const plan = planOf([
      createGroup('cl', 'vip'),
      assign('cl', 'a@example.com', ref('vip', null)),
      assign('cl', 'b@example.com', ref('gold', '42')),
      unassign('cl', 'c@example.com', ref('gold', '42')),
    ]);
    const result = await applyPlan(plan, providersOf(cl), silent);
    expect(statusOf(result, 'cl/vip')).toMatchObject({ status: 'done', id: '100' });
    const ids = cl.calls.filter((c) => c.kind === 'memberships').flatMap((c) => c.groupIds);
    expect(ids).toEqual(['100', '42', null]);
  });

  it('does not attempt memberships into a group whose create failed, and names the group', async () => {
    const cl = new FakeProvider('cl');
    cl.failing.add('cl/vip');
    const plan = planOf([
      createGroup('cl', 'vip'),
      createGroup('cl', 'gold'),
      assign('cl', 'a@example.com', ref('vip', null)),
      assign('cl', 'b@example.com', ref('gold', null)),
    ]);
    const result = await applyPlan(plan, providersOf(cl), silent);
    expect(statusOf(result, 'cl/vip')).toMatchObject({ status: 'failed', error: { message: 'cl/vip refused', code: 'api-error' } });
    expect(statusOf(result, 'cl/members/a@example.com')).toMatchObject({
      status: 'not-attempted',
      error: { code: 'dependency-failed', message: 'group cl/vip was not created (its create failed)' },
    });
    expect(statusOf(result, 'cl/members/b@example.com').status).toBe('done');
    expect(cl.calls.some((c) => c.addresses.includes('cl/members/a@example.com'))).toBe(false);
    expect(result).toMatchObject({ done: 2, failed: 1, notAttempted: 1 });
  });

  it('carries on past a failed change, on its provider and on the others', async () => {
    const cl = new FakeProvider('cl');
    const bc = new FakeProvider('bc');
    cl.failing.add('cl/old');
    const plan = planOf([
      updateGroup('cl', 'old', '1'),
      updateGroup('cl', 'new', '2'),
      assign('cl', 'a@example.com', ref('old', '1')),
      createGroup('bc', 'vip'),
      assign('bc', 'b@example.com', ref('vip', null)),
    ]);
    const result = await applyPlan(plan, providersOf(cl, bc), silent);
    expect(result.items.map((i) => [i.change.address, i.status])).toEqual([
      ['cl/old', 'failed'],
      ['cl/new', 'done'],
      ['cl/members/a@example.com', 'done'],
      ['bc/vip', 'done'],
      ['bc/members/b@example.com', 'done'],
    ]);
  });

  it('keeps per-item membership failures per item, and fails a whole batch when the call throws', async () => {
    const cl = new FakeProvider('cl', { batchMembership: 3, concurrency: 1 });
    const [a, b, c, d, e, f] = emails(6);
    cl.failing.add(`cl/members/${b}`);
    cl.throwingBatch.add(`cl/members/${e}`);
    const plan = planOf([a, b, c, d, e, f].map((email) => assign('cl', email!, ref('vip', '7'))));
    const result = await applyPlan(plan, providersOf(cl), silent);
    expect(result.items.map((i) => i.status)).toEqual(['done', 'failed', 'done', 'failed', 'failed', 'failed']);
    expect(statusOf(result, `cl/members/${b}`).error?.message).toBe(`${b} is locked`);
    expect(statusOf(result, `cl/members/${d}`).error?.message).toBe('batch rejected');
  });

  it('fails an item the provider returned no result for', async () => {
    const cl = new FakeProvider('cl', { batchMembership: 2 });
    cl.applyMemberships = async (batch) => batch.slice(1).map(({ change }) => ({ change: { ...change } }));
    const plan = planOf(emails(2).map((email) => assign('cl', email, ref('vip', '7'))));
    const result = await applyPlan(plan, providersOf(cl), silent);
    expect(result.items.map((i) => i.status)).toEqual(['failed', 'done']);
    expect(result.items[0]?.error?.message).toBe('cl returned no result for this change');
  });

  it('deletes a group only when every member it had to lose has left', async () => {
    const cl = new FakeProvider('cl');
    cl.failing.add('cl/members/stuck@example.com');
    const plan = planOf([
      assign('cl', 'mover@example.com', ref('vip', '3'), ref(null, '8')),
      unassign('cl', 'stuck@example.com', ref(null, '7')),
      unassign('cl', 'leaver@example.com', ref(null, '8')),
      deleteGroup('cl', '7'),
      deleteGroup('cl', '8'),
    ]);
    const result = await applyPlan(plan, providersOf(cl), silent);
    expect(statusOf(result, 'cl/#7')).toMatchObject({
      status: 'not-attempted',
      error: { code: 'dependency-failed', message: '1 member could not be moved out of group cl/#7' },
    });
    expect(statusOf(result, 'cl/#8').status).toBe('done');
    expect(cl.calls.some((c) => c.addresses.includes('cl/#7'))).toBe(false);
  });

  it('collects platform warnings', async () => {
    const bc = new FakeProvider('bc');
    bc.warnings.set('bc/vip', 'discount rules were not saved');
    const result = await applyPlan(planOf([createGroup('bc', 'vip')]), providersOf(bc), silent);
    expect(result.warnings).toEqual(['bc/vip: discount rules were not saved']);
  });

  it('refuses a plan it cannot run before calling anything', async () => {
    const cl = new FakeProvider('cl');
    const orphan = planOf([createGroup('cl', 'vip'), assign('cl', 'a@example.com', ref('gold', null))]);
    await expect(applyPlan(orphan, providersOf(cl), silent)).rejects.toThrow(PlanError);
    const elsewhere = planOf([createGroup('bc', 'vip')]);
    await expect(applyPlan(elsewhere, providersOf(cl), silent)).rejects.toThrow(/provider bc/);
    await expect(applyPlan(planOf([createGroup('cl', 'vip')]), providersOf(cl), { ...silent, parallelism: 0 })).rejects.toThrow(RangeError);
    expect(cl.calls).toEqual([]);
  });

  it('returns an empty result for an empty plan', async () => {
    const result = await applyPlan(planOf([]), new Map(), silent);
    expect(result).toEqual({ items: [], done: 0, failed: 0, notAttempted: 0, warnings: [] });
  });
});

describe('applyPlan: bugs are not failures', () => {
  it('rethrows what a task threw that is not a platform failure, after the run', async () => {
    const cl = new FakeProvider('cl');
    // Breaks the contract (a create must return an id): the engine's bug surface, not a platform error.
    cl.applyGroup = async () => undefined as never;
    await expect(applyPlan(planOf([createGroup('cl', 'vip')]), providersOf(cl), silent)).rejects.toThrow(TypeError);
  });
});
