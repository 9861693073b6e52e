import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/apply.js';
import type { MembershipResult, ResolvedMembershipChange } from '../../src/providers/provider.js';
import { FakeProvider, assign, createGroup, emails, planOf, providersOf, ref, unassign } from './fake-provider.js';

const silent = { output: 'silent' } as const;

/** A provider whose joins go through bulk jobs of at most two changes (a job costs one call, a direct change one). */
class BulkProvider extends FakeProvider {
  readonly jobs: string[][] = [];
  constructor(name: string) {
    super(name, { concurrency: 4 });
    this.capabilities.cost.bulk = { maxItems: 2, calls: 1 };
  }
  async applyMembershipsBulk(batch: ResolvedMembershipChange[]): Promise<MembershipResult[]> {
    this.jobs.push(batch.map((item) => item.change.address));
    return this.applyMemberships(batch);
  }
}

/** Holds every call open until `release()`; `waitFor(n)` resolves once n calls are in flight. */
function holdCalls(provider: FakeProvider) {
  const held: (() => void)[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  provider.gate = () =>
    new Promise<void>((resolve) => {
      held.push(resolve);
      for (const w of waiters.filter((w) => provider.inFlight >= w.n)) w.resolve();
    });
  return {
    waitFor: (n: number) => new Promise<void>((resolve) => (provider.inFlight >= n ? resolve() : waiters.push({ n, resolve }))),
    release: () => held.splice(0).forEach((resolve) => resolve()),
  };
}

describe('applyPlan: concurrency and batching', () => {
  it("runs group changes up to the provider's concurrency, never more", async () => {
    const cl = new FakeProvider('cl', { concurrency: 3 });
    const plan = planOf(Array.from({ length: 10 }, (_, i) => createGroup('cl', `g${i}`)));
    const result = await applyPlan(plan, providersOf(cl), silent);
    expect(result.done).toBe(10);
    expect(cl.maxInFlight).toBe(3);
  });

  it('runs membership batches up to the smaller of concurrency and parallelism', async () => {
    const cl = new FakeProvider('cl', { concurrency: 5, batchMembership: 2 });
    const plan = planOf(emails(20).map((email) => assign('cl', email, ref('vip', '1'))));
    const result = await applyPlan(plan, providersOf(cl), { ...silent, parallelism: 2 });
    expect(result.done).toBe(20);
    expect(cl.maxInFlight).toBe(2);
  });

  it('runs providers at the same time', async () => {
    const cl = new FakeProvider('cl', { concurrency: 1 });
    const bc = new FakeProvider('bc', { concurrency: 1 });
    const hold = holdCalls(cl);
    const bcCalled = new Promise<void>((resolve) => (bc.onCall = () => resolve()));
    const run = applyPlan(planOf([createGroup('cl', 'a'), createGroup('bc', 'b')]), providersOf(cl, bc), silent);
    // bc's call starts while cl's is still held open (run one after the other, this would never resolve).
    await Promise.all([hold.waitFor(1), bcCalled]);
    hold.release();
    expect((await run).done).toBe(2);
  });

  it("chunks memberships into batches of the provider's batch size", async () => {
    const bc = new FakeProvider('bc', { batchMembership: 10, concurrency: 1 });
    const plan = planOf([
      ...emails(23).map((email) => assign('bc', email, ref('vip', '1'))),
      ...emails(3, 'x').map((email) => unassign('bc', email, ref('old', '2'))),
    ]);
    await applyPlan(plan, providersOf(bc), silent);
    expect(bc.calls.map((c) => c.addresses.length)).toEqual([10, 10, 3, 3]);
    // Every change went out exactly once.
    expect(new Set(bc.calls.flatMap((c) => c.addresses)).size).toBe(26);
  });
});

describe('applyPlan: cancellation', () => {
  it('lets calls in flight finish, starts no new ones, and reports the rest as not attempted', async () => {
    const xk = new FakeProvider('xk', { batchMembership: 1, concurrency: 2 });
    const controller = new AbortController();
    const hold = holdCalls(xk);
    const plan = planOf([...emails(10).map((email) => assign('xk', email, ref('vip', '1'))), unassign('xk', 'z@example.com', ref('old', '9'))]);
    const run = applyPlan(plan, providersOf(xk), { ...silent, signal: controller.signal });

    await hold.waitFor(2);
    controller.abort();
    hold.release();
    const result = await run;

    expect(xk.calls).toHaveLength(2);
    expect(result.items.slice(0, 2).map((i) => i.status)).toEqual(['done', 'done']);
    expect(result.items.slice(2).every((i) => i.status === 'not-attempted' && i.error?.code === 'interrupted')).toBe(true);
    expect(result).toMatchObject({ done: 2, failed: 0, notAttempted: 9 });
  });

  it('starts no further bulk job once interrupted: each job is a batch of its own, run one after another', async () => {
    const cl = new BulkProvider('cl');
    const controller = new AbortController();
    const hold = holdCalls(cl);
    const plan = planOf([...emails(5).map((email) => assign('cl', email, ref('vip', '1'))), unassign('cl', 'z@example.com', ref('old', '9'))]);
    const run = applyPlan(plan, providersOf(cl), { ...silent, signal: controller.signal });

    await hold.waitFor(1); // the first job
    controller.abort();
    hold.release();
    const result = await run;

    expect(cl.jobs).toHaveLength(1);
    expect(cl.jobs[0]).toHaveLength(2);
    expect(result).toMatchObject({ done: 2, failed: 0, notAttempted: 4 });
  });

  it('runs every bulk job in turn when not interrupted, never two at once', async () => {
    const cl = new BulkProvider('cl');
    const result = await applyPlan(planOf(emails(5).map((email) => assign('cl', email, ref('vip', '1')))), providersOf(cl), silent);
    expect(cl.jobs.map((job) => job.length)).toEqual([2, 2, 1]);
    // Every call of this plan is a job (all joins): none overlapped another.
    expect(cl.maxInFlight).toBe(1);
    expect(result).toMatchObject({ done: 5, failed: 0, notAttempted: 0 });
  });

  it('calls nothing when aborted before the run', async () => {
    const cl = new FakeProvider('cl');
    const plan = planOf([createGroup('cl', 'vip'), assign('cl', 'a@example.com', ref('vip', null))]);
    const result = await applyPlan(plan, providersOf(cl), { ...silent, signal: AbortSignal.abort() });
    expect(cl.calls).toEqual([]);
    expect(result.items.map((i) => i.error?.code)).toEqual(['interrupted', 'interrupted']);
  });
});
