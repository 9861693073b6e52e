// One provider's part of the apply tree: its steps in sequence, in the plan's order.
import type { GroupChange, MembershipChange, Change } from '../model.js';
import { groupPhaseTask, type Gate } from './group-phase.js';
import { subtaskOptions, type ApplyTask } from './listr.js';
import { membershipPhaseTask } from './membership-phase.js';
import { membershipsOf, scheduleChanges, type Step } from './phases.js';
import { dependencyFailed } from './result.js';
import { groupLabel, plural, type ProviderRun } from './run.js';
import { settledSubtasks, verdictOf } from './settle.js';

const VERBS = { 'move-out': 'move out', assign: 'assign', unassign: 'unassign' } as const;

export function providerTask(run: ProviderRun, changes: readonly Change[]): ApplyTask {
  const name = run.provider.name;
  const { steps, prerequisites } = scheduleChanges(run.provider, changes);
  const tasks = steps.map((step, index): ApplyTask => {
    const groups = step.changes.filter((change): change is GroupChange => change.kind === 'group');
    if (groups.length === 0) {
      const verb = VERBS[step.phase as keyof typeof VERBS];
      return membershipPhaseTask(run, verb, step.changes as MembershipChange[]);
    }
    const moved = membersMovedOut(run, membershipsOf(steps.slice(0, index)));
    const waited = prerequisitesDone(run, prerequisites);
    const gate: Gate = (change) => (change.action === 'delete' ? moved(change) : waited(change));
    return groupPhaseTask(run, `${name}: ${stepTitle(step, groups.length)}`, groups, gate);
  });
  return {
    title: `${name}: ${plural(changes.length, 'change')}`,
    task: (_, task) => settledSubtasks(task.task, tasks, subtaskOptions(1), () => verdictOf(run.book, changes)),
  };
}

function stepTitle(step: Step, count: number): string {
  const groups = plural(count, 'group');
  switch (step.phase) {
    case 'rename':
      return step.level === 0 ? `rename ${groups}` : `rename ${groups} (after ${plural(step.level, 'earlier rename')})`;
    case 'delete-last':
      return `delete ${groups}`;
    default:
      return `${step.phase} ${groups}`;
  }
}

/** A group is deleted only once every customer that earlier steps move out of it has left. */
function membersMovedOut(run: ProviderRun, memberships: MembershipChange[]): Gate {
  const leaving = new Map<string, MembershipChange[]>();
  for (const change of memberships) {
    const from = change.before?.id;
    if (from == null) continue;
    const list = leaving.get(from) ?? [];
    list.push(change);
    leaving.set(from, list);
  }
  return (change: GroupChange) => {
    const stayed = (leaving.get(change.id ?? '') ?? []).filter((m) => run.book.status(m) !== 'done').length;
    if (stayed === 0) return undefined;
    const group = `${run.provider.name}/${groupLabel(change)}`;
    return dependencyFailed(`${plural(stayed, 'member')} could not be moved out of group ${group}`);
  };
}

/** A create or rename runs only once the changes that free its name are done. */
function prerequisitesDone(run: ProviderRun, prerequisites: ReadonlyMap<GroupChange, GroupChange[]>): Gate {
  return (change: GroupChange) => {
    const pending = (prerequisites.get(change) ?? []).find((other) => run.book.status(other) !== 'done');
    if (!pending) return undefined;
    const why = run.book.status(pending) === 'failed' ? 'failed' : 'was not attempted';
    return dependencyFailed(`${pending.address} must free the name first, and it ${why}`);
  };
}
