// What every phase of one provider's run shares: the provider, its concurrency, the cancellation signal,
// where results go, and the ids of the groups created so far (memberships into new groups need them).
import type { GroupChange, GroupRef } from '../model.js';
import type { Provider } from '../providers/provider.js';
import { dependencyFailed, type ItemError, type ResultBook } from './result.js';

export interface ProviderRun {
  provider: Provider;
  /** Most calls in flight at once for this provider. */
  limit: number;
  signal: AbortSignal | undefined;
  book: ResultBook;
  /** This plan's group creates on this provider, by declared key. */
  creates: Map<string, GroupChange>;
  /** Ids of the groups created in this run, by declared key. */
  created: Map<string, string>;
  /** The clock of the time-left estimates (ms). */
  now: () => number;
  /** Whether joins may go through the provider's bulk path where the cost model finds it cheaper. */
  bulk: boolean;
}

/** The id of a membership's target group, or why there is none (its create failed or never ran). */
export function resolveGroupId(run: ProviderRun, ref: GroupRef): { id: string } | { reason: ItemError } {
  if (ref.id !== null) return { id: ref.id };
  // applyPlan checked up front that every group without an id is created by this plan.
  const key = String(ref.key);
  const id = run.created.get(key);
  if (id !== undefined) return { id };
  const create = run.creates.get(key);
  const why = create && run.book.status(create) === 'failed' ? 'its create failed' : 'its create was not attempted';
  return { reason: dependencyFailed(`group ${run.provider.name}/${key} was not created (${why})`) };
}

/** The label of a group in task titles and messages: its key, or `#id` for a live group the config lacks. */
export function groupLabel(change: GroupChange): string {
  return change.key ?? `#${String(change.id)}`;
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
