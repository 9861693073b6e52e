// Safety limits, octoDNS-style: refuse a plan that changes too much of what is live, per provider instance.
// `--force` (options.force) is the only way past them. Groups the plan deletes fall under the group limit,
// so customers leaving a group that is being deleted do not count against the member limit.
import type { Change, DesiredGroup, Finding, GroupRef, LiveState, ProviderInstance } from '../model.js';
import { groupRefLabel } from './address.js';

const FORCE = 'use --force to apply anyway';

export function checkSafety(
  changes: readonly Change[],
  live: readonly LiveState[],
  instances: readonly ProviderInstance[],
  groups: readonly DesiredGroup[],
): Finding[] {
  const findings: Finding[] = [];
  for (const state of live) {
    const instance = instances.find((candidate) => candidate.name === state.provider);
    if (!instance) continue;
    const own = changes.filter((change) => change.provider === state.provider);
    findings.push(...checkGroups(own, state, instance), ...checkMembers(own, state, instance), ...checkProtected(own, instance, groups));
  }
  return findings;
}

/**
 * The live group of a declared group is never deleted, but on a platform that matches by name a renamed group
 * without a pinned id looks like a new group plus an unclaimed old one: delete and create. So a protected group
 * that the plan creates while it deletes groups on the same provider may be a protected group being replaced.
 */
function checkProtected(changes: readonly Change[], instance: ProviderInstance, groups: readonly DesiredGroup[]): Finding[] {
  const deletes = changes.filter((c) => c.kind === 'group' && c.action === 'delete');
  if (deletes.length === 0) return [];
  const deleted = deletes.map((c) => c.address).join(', ');
  return changes.flatMap((change) => {
    if (change.kind !== 'group' || change.action !== 'create') return [];
    const group = groups.find((g) => g.provider === instance.name && g.key === change.key && g.protect);
    if (!group) return [];
    return [
      {
        ...refusal(
          instance,
          `group ${group.key} is protected, and the plan creates it on ${instance.name} while deleting ${deleted}: ` +
            `if it was renamed, pin its id (ids.${instance.name}) so it is renamed in place; ${FORCE}`,
        ),
        code: 'protected-group',
        ...(group.pos ? { pos: group.pos } : {}),
      },
    ];
  });
}

function checkGroups(changes: readonly Change[], state: LiveState, instance: ProviderInstance): Finding[] {
  const total = state.groups.length;
  const updates = changes.filter((c) => c.kind === 'group' && c.action === 'update' && !c.temporary).length;
  const deletes = changes.filter((c) => c.kind === 'group' && c.action === 'delete').length;
  if (total > 0 && deletes === total) {
    return [refusal(instance, `would delete every group on ${instance.name} (${total} of ${total}); ${FORCE}`)];
  }
  const { maxGroupChangeShare: limit, minObjects } = instance.safety;
  const changed = updates + deletes;
  if (total === 0 || total < minObjects || changed / total <= limit) return [];
  const verb = updates === 0 ? 'delete' : deletes === 0 ? 'update' : 'update or delete';
  return [
    refusal(instance, `would ${verb} ${changed} of ${total} groups on ${instance.name} (${percent(changed / total)}, limit ${percent(limit)}); ${FORCE}`),
  ];
}

function checkMembers(changes: readonly Change[], state: LiveState, instance: ProviderInstance): Finding[] {
  const { maxMemberRemoveShare: limit, minObjects } = instance.safety;
  const deleted = new Set(changes.flatMap((c) => (c.kind === 'group' && c.action === 'delete' ? [c.id] : [])));
  const leaving = new Map<string, { group: GroupRef; count: number }>();
  for (const change of changes) {
    if (change.kind !== 'membership' || change.before === null || change.before.id === null) continue;
    const { id } = change.before;
    if (deleted.has(id)) continue;
    leaving.set(id, { group: change.before, count: (leaving.get(id)?.count ?? 0) + 1 });
  }
  // Each group's live members, counted in one pass over the customers (not one per group).
  const totals = new Map<string, number>();
  if (leaving.size > 0)
    for (const { groupId } of state.customers) if (groupId !== null && leaving.has(groupId)) totals.set(groupId, (totals.get(groupId) ?? 0) + 1);
  const findings: Finding[] = [];
  for (const [id, { group, count }] of leaving) {
    const total = totals.get(id) ?? 0;
    if (total === 0 || total < minObjects || count / total <= limit) continue;
    findings.push(
      refusal(
        instance,
        `would remove ${count} of ${total} customers from ${groupRefLabel(instance.name, group)} (${percent(count / total)}, limit ${percent(limit)}); ${FORCE}`,
      ),
    );
  }
  return findings;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function refusal(instance: ProviderInstance, message: string): Finding {
  return { severity: 'error', code: 'safety-limit', message, provider: instance.name };
}
