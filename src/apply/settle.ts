// How a provider or phase task ends: from what happened to its changes, not from how its subtasks ran.
// listr2 marks a task done as soon as its subtasks have run, even when some failed (lists carry on past
// failures), which drew a ✔ over a ✖; and a skip meant "some not attempted" even when others had run.
import { Listr, ListrTaskState, type ListrRendererFactory, type ListrSubClassOptions, type ListrTaskObject } from 'listr2';
import type { Change } from '../model.js';
import type { ApplyTask } from './listr.js';
import type { ResultBook } from './result.js';

/** done: every change done; skipped: none attempted; failed: any failed, or some attempted and some not. */
export type Verdict = { state: 'done' } | { state: 'failed' | 'skipped'; reason: string };

export function verdictOf(book: ResultBook, changes: readonly Change[]): Verdict {
  let failed = 0;
  /** The distinct reasons the not-attempted changes give. */
  const reasons = new Set<string>();
  let skipped = 0;
  for (const change of changes) {
    const status = book.status(change);
    if (status === 'failed') failed += 1;
    if (status !== 'not-attempted') continue;
    skipped += 1;
    reasons.add(book.reason(change)?.message ?? '');
  }
  const total = changes.length;
  if (failed === 0 && skipped === 0) return { state: 'done' };
  if (failed === 0 && skipped === total) {
    // One shared reason (the run was interrupted, a group was not created) says more than a count.
    const [only] = reasons;
    return { state: 'skipped', reason: reasons.size === 1 && only ? only : `${skipped} not attempted` };
  }
  const failedPart = failed > 0 ? [`${failed} of ${total} failed`] : [];
  const skippedPart = skipped > 0 ? [failed > 0 ? `${skipped} not attempted` : `${skipped} of ${total} not attempted`] : [];
  return { state: 'failed', reason: [...failedPart, ...skippedPart].join(', ') };
}

/**
 * Gives a task its final state. Sets listr2's public state and message directly rather than throwing, so
 * that it also works on a task whose subtasks have finished (a task only reaches "completed" if it is
 * still "started" when its function and subtasks return). The message comes first: the plain renderer
 * prints the failure or skip line, with the title as it is then, when the message arrives.
 */
export function settle(task: ListrTaskObject<undefined>, verdict: Verdict): void {
  if (verdict.state === 'done') return;
  if (verdict.state === 'failed') {
    task.message$ = { error: verdict.reason };
    // The live tree shows the error of a task without subtasks only; a parent says it in its title.
    if (task.hasSubtasks()) task.title$ = `${task.title ?? ''} (${verdict.reason})`;
    task.state$ = ListrTaskState.FAILED;
  } else {
    task.message$ = { skip: verdict.reason };
    task.state$ = ListrTaskState.SKIPPED;
  }
}

/** Runs `tasks` as the subtasks of `parent`, then settles `parent` by `verdict()`, once every subtask ended. */
export function settledSubtasks(
  parent: ListrTaskObject<undefined>,
  tasks: ApplyTask[],
  options: ListrSubClassOptions<undefined>,
  verdict: () => Verdict,
): Listr<undefined, ListrRendererFactory, ListrRendererFactory> {
  return new SettlingListr(tasks, options, parent, verdict);
}

// Typed with listr2's generic renderer, as task wrappers are: a sublist draws with its parent's renderer.
class SettlingListr extends Listr<undefined, ListrRendererFactory, ListrRendererFactory> {
  readonly #parent: ListrTaskObject<undefined>;
  readonly #verdict: () => Verdict;

  constructor(tasks: ApplyTask[], options: ListrSubClassOptions<undefined>, parent: ListrTaskObject<undefined>, verdict: () => Verdict) {
    super(tasks, options, parent);
    this.#parent = parent;
    this.#verdict = verdict;
  }

  override async run(context?: undefined): Promise<undefined> {
    const result = await super.run(context);
    settle(this.#parent, this.#verdict());
    return result;
  }
}
