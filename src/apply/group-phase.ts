// A phase of group changes (creates and updates, or deletes): one task per change, `limit` at once.
import type { GroupChange } from '../model.js';
import type { GroupResult } from '../providers/provider.js';
import { subtaskOptions, TaskFailed, type ApplyTask } from './listr.js';
import { describeError, interrupted, type ItemError } from './result.js';
import { groupLabel, type ProviderRun } from './run.js';
import { settledSubtasks, verdictOf } from './settle.js';

/** Why a change must not be attempted even though the run goes on (a delete whose members stayed). */
export type Gate = (change: GroupChange) => ItemError | undefined;

export function groupPhaseTask(run: ProviderRun, title: string, changes: GroupChange[], gate?: Gate): ApplyTask {
  return {
    title,
    task: (_, task) =>
      settledSubtasks(
        task.task,
        changes.map((change) => groupChangeTask(run, change, gate)),
        subtaskOptions(run.limit),
        () => verdictOf(run.book, changes),
      ),
  };
}

function groupChangeTask(run: ProviderRun, change: GroupChange, gate: Gate | undefined): ApplyTask {
  return {
    title: change.temporary
      ? `${run.provider.name}: temporary name for group ${groupLabel(change)}`
      : `${run.provider.name}: ${change.action} group ${groupLabel(change)}`,
    task: async (_, task) => {
      const reason = run.signal?.aborted ? interrupted : gate?.(change);
      if (reason) {
        run.book.notAttempted(change, reason);
        task.skip(reason.message);
        return;
      }
      let result: GroupResult;
      try {
        result = await run.provider.applyGroup(change);
      } catch (error) {
        run.book.failed(change, error);
        throw new TaskFailed(describeError(error).message);
      }
      run.book.done(change, result.id);
      if (change.action === 'create' && change.key !== null) run.created.set(change.key, result.id);
      if (result.warning) run.book.warn(`${change.address}: ${result.warning}`);
    },
  };
}
