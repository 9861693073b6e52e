// A phase of membership changes: targets resolved, chunked into the provider's batch size, `limit` batches
// at once; joins and moves go through the provider's bulk path instead where the cost model finds it cheaper
// (src/plan/cost.ts, the plan's estimate asks the same). One task for the whole phase whose title counts
// batches, never one task per customer.
import type { MembershipChange } from '../model.js';
import { bulkCalls, rateSeconds } from '../plan/cost.js';
import { duration } from '../render/cost.js';
import type { MembershipResult, ResolvedMembershipChange } from '../providers/provider.js';
import type { ApplyTask } from './listr.js';
import { runPool } from '../pool.js';
import { interrupted } from './result.js';
import { plural, resolveGroupId, type ProviderRun } from './run.js';
import { settle, verdictOf } from './settle.js';

export function membershipPhaseTask(run: ProviderRun, verb: 'move out' | 'assign' | 'unassign', changes: MembershipChange[]): ApplyTask {
  const title = `${run.provider.name}: ${verb} ${plural(changes.length, 'customer')}`;
  return {
    title,
    task: async (_, task) => {
      // Interrupted before the phase began: say so, rather than blame groups whose create never ran.
      if (run.signal?.aborted) {
        for (const change of changes) run.book.notAttempted(change, interrupted);
      } else {
        const started = run.now();
        await runBatches(run, changes, (finished, total) => {
          task.title = `${title} (batch ${finished}/${total}${timeLeft(run, finished, total, run.now() - started)})`;
        });
        task.title = title;
      }
      settle(task.task, verdictOf(run.book, changes));
    },
  };
}

/**
 * `, about 3 min left`: the pace so far over the batches left, never less than the documented rate limits need
 * for their calls (a long phase is mostly waiting for them); nothing when no batch is left or none finished.
 */
export function timeLeft(run: Pick<ProviderRun, 'provider'>, finished: number, total: number, elapsedMs: number): string {
  const left = total - finished;
  if (left === 0 || finished === 0) return '';
  const { cost } = run.provider.capabilities;
  const atLimits = (rateSeconds(left * cost.batchCalls, cost.rateLimits) ?? 0) * 1000;
  const ms = Math.max(atLimits, (elapsedMs / finished) * left);
  return ms >= 1000 ? `, about ${duration(ms / 1000)} left` : '';
}

/** Resolves, chunks and applies the changes; those never started (interrupted) are not attempted. */
async function runBatches(run: ProviderRun, changes: MembershipChange[], progress: (finished: number, total: number) => void): Promise<void> {
  const resolved = resolveAll(run, changes);
  const bulk = new Set(bulkPart(run, resolved));
  // A bulk job per batch, so that an interrupted run starts no further job; jobs one after another (the
  // platform works through them in turn), beside the direct batches, which keep the other slots.
  const jobs: Batch[] = chunk([...bulk], run.provider.capabilities.cost.bulk?.maxItems ?? bulk.size).map((items) => ({ items, bulk: true }));
  const direct: Batch[] = chunk(
    resolved.filter((item) => !bulk.has(item)),
    run.provider.capabilities.batchMembership,
  ).map((items) => ({ items, bulk: false }));
  const total = jobs.length + direct.length;
  let finished = 0;
  const work = async (batch: Batch): Promise<void> => {
    await applyBatch(run, batch);
    finished += 1;
    progress(finished, total);
  };
  const unstarted = await Promise.all([
    runPool(jobs, 1, run.signal, work),
    runPool(direct, Math.max(1, run.limit - (jobs.length > 0 ? 1 : 0)), run.signal, work),
  ]);
  for (const item of unstarted.flat().flatMap((batch) => batch.items)) run.book.notAttempted(item.change, interrupted);
}

interface Batch {
  items: ResolvedMembershipChange[];
  /** Through the provider's bulk path. */
  bulk: boolean;
}

/** The joins and moves that go through the bulk path: all of them when it is allowed and cheaper, else none. */
function bulkPart(run: ProviderRun, resolved: ResolvedMembershipChange[]): ResolvedMembershipChange[] {
  if (!run.bulk || !run.provider.applyMembershipsBulk) return [];
  const joins = resolved.filter((item) => item.groupId !== null);
  return bulkCalls(joins.length, run.provider.capabilities) === undefined ? [] : joins;
}

/** Pairs each change with its target group's id; those whose new group is missing are not attempted. */
function resolveAll(run: ProviderRun, changes: MembershipChange[]): ResolvedMembershipChange[] {
  const resolved: ResolvedMembershipChange[] = [];
  for (const change of changes) {
    if (change.after === null) {
      resolved.push({ change, groupId: null });
      continue;
    }
    const target = resolveGroupId(run, change.after);
    if ('id' in target) resolved.push({ change, groupId: target.id });
    else run.book.notAttempted(change, target.reason);
  }
  return resolved;
}

/** One call (or one bulk job); a thrown error fails the whole batch, per-item errors fail their item only. */
async function applyBatch(run: ProviderRun, { items: batch, bulk }: Batch): Promise<void> {
  let results: MembershipResult[];
  try {
    const { provider } = run;
    results = bulk && provider.applyMembershipsBulk ? await provider.applyMembershipsBulk(batch) : await provider.applyMemberships(batch);
  } catch (error) {
    for (const { change } of batch) run.book.failed(change, error);
    return;
  }
  // Matched by address (one per customer and provider), so a provider may return copies of the changes.
  const byAddress = new Map(results.map((result) => [result.change.address, result]));
  for (const { change } of batch) {
    const result = byAddress.get(change.address);
    if (!result) run.book.failed(change, new Error(`${run.provider.name} returned no result for this change`));
    else if (result.error) run.book.failed(change, result.error);
    else run.book.done(change);
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const step = Math.max(1, size);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += step) chunks.push(items.slice(i, i + step));
  return chunks;
}
