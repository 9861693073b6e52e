// One provider's part of the apply tree: its phases in sequence, in the plan's order.
import type { Change, GroupChange, MembershipChange } from '../model.js';
import { groupPhaseTask, type Gate } from './group-phase.js';
import { subtaskOptions, type ApplyTask } from './listr.js';
import { membershipPhaseTask } from './membership-phase.js';
import { splitPhases } from './phases.js';
import { dependencyFailed } from './result.js';
import { groupLabel, plural, type ProviderRun } from './run.js';
import { settledSubtasks, verdictOf } from './settle.js';

export function providerTask(run: ProviderRun, changes: readonly Change[]): ApplyTask {
  const name = run.provider.name;
  const phases = splitPhases(changes);
  const tasks: ApplyTask[] = [];
  if (phases.groupWrites.length > 0) {
    tasks.push(groupPhaseTask(run, `${name}: create or update ${plural(phases.groupWrites.length, 'group')}`, phases.groupWrites));
  }
  if (phases.memberships.length > 0) tasks.push(membershipPhaseTask(run, 'assign', phases.memberships));
  if (phases.unassigns.length > 0) tasks.push(membershipPhaseTask(run, 'unassign', phases.unassigns));
  if (phases.groupDeletes.length > 0) {
    const gate = membersMovedOut(run, [...phases.memberships, ...phases.unassigns]);
    tasks.push(groupPhaseTask(run, `${name}: delete ${plural(phases.groupDeletes.length, 'group')}`, phases.groupDeletes, gate));
  }
  return {
    title: `${name}: ${plural(changes.length, 'change')}`,
    task: (_, task) => settledSubtasks(task.task, tasks, subtaskOptions(1), () => verdictOf(run.book, changes)),
  };
}

/** A group is deleted only once every customer the plan moves out of it has left. */
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
