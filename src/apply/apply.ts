// Runs a Plan through the providers: one listr2 task per provider, all providers at once. Every change
// ends as done, failed or not attempted; only a malformed plan or a bug in the engine throws.
import { Listr } from 'listr2';
import { PlanError } from '../errors.js';
import type { Change, GroupChange, Plan } from '../model.js';
import type { Provider } from '../providers/provider.js';
import { rootOptions, TaskFailed, type ProgressOutput } from './listr.js';
import { providerTask } from './provider-task.js';
import { ResultBook, type ApplyResult } from './result.js';
import type { ProviderRun } from './run.js';

export type { ApplyResult, ItemResult } from './result.js';
export interface ApplyOptions {
  /** Most calls in flight per provider; the provider's own `capabilities.concurrency` caps it too. */
  parallelism?: number;
  /** Aborting stops new calls; calls in flight finish; the rest are reported as not attempted. */
  signal?: AbortSignal;
  output: ProgressOutput;
  /** Where progress goes (default stderr, so that stdout stays clean for JSON). */
  stream?: NodeJS.WritableStream;
  /** The clock of the time-left estimates (ms); default Date.now. */
  now?: () => number;
  /** Whether joins may go through a platform's bulk path where cheaper (default true; `--no-bulk`). */
  bulk?: boolean;
}

export async function applyPlan(plan: Plan, providers: Map<string, Provider>, options: ApplyOptions): Promise<ApplyResult> {
  const { parallelism } = options;
  if (parallelism !== undefined && !(Number.isInteger(parallelism) && parallelism > 0)) {
    throw new RangeError(`parallelism must be a positive integer, got ${parallelism}`);
  }
  const book = new ResultBook(plan.changes);
  const tasks = [...byProvider(plan.changes)].map(([name, changes]) => {
    const provider = providers.get(name);
    if (!provider) throw new PlanError('unknown-provider', `The plan changes provider ${name}, which is not configured.`);
    const run: ProviderRun = {
      provider,
      limit: Math.max(1, Math.min(provider.capabilities.concurrency, parallelism ?? Infinity)),
      signal: options.signal,
      book,
      creates: createsByKey(changes),
      created: new Map(),
      now: options.now ?? Date.now,
      bulk: options.bulk ?? true,
    };
    checkNewGroupsCreated(run, changes);
    return providerTask(run, changes);
  });
  const listr = new Listr(tasks, rootOptions(options.output, options.stream ?? process.stderr));
  await listr.run();
  // Platform failures are recorded in the book; anything else thrown inside a task is a bug.
  const bug = listr.errors.find((error) => !(error.error instanceof TaskFailed));
  if (bug) throw bug.error;
  return book.toResult();
}

function byProvider(changes: readonly Change[]): Map<string, Change[]> {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const list = groups.get(change.provider) ?? [];
    list.push(change);
    groups.set(change.provider, list);
  }
  return groups;
}

function createsByKey(changes: Change[]): Map<string, GroupChange> {
  const creates = new Map<string, GroupChange>();
  for (const change of changes) {
    if (change.kind === 'group' && change.action === 'create' && change.key !== null) creates.set(change.key, change);
  }
  return creates;
}

/** A membership into a group without an id must name a group this plan creates on the same provider. */
function checkNewGroupsCreated(run: ProviderRun, changes: Change[]): void {
  for (const change of changes) {
    if (change.kind !== 'membership' || change.after === null || change.after.id !== null) continue;
    if (change.after.key === null || !run.creates.has(change.after.key)) {
      throw new PlanError('plan-invalid', `${change.address} moves into group ${change.after.name}, which has no id and is not created by the plan.`);
    }
  }
}
