// Which items of a saved plan no longer hold, against freshly read live state (only what the plan touches):
// a group that changed, vanished or appeared, a customer who moved. Items that depend on a stale one are
// stale too: customers joining a group whose create is stale, customers leaving a group whose delete is.
// Changes already in effect (saved-applied.ts) are not stale. Pure.
import type { Attributes, Change, LiveGroup, LiveState } from '../model.js';
import type { Precondition, SavedPlan } from './saved.js';
import { jsonEqual } from './values.js';
import { matchesIdentity } from './identity.js';

export interface StaleItem {
  address: string;
  /** Why, in a sentence a person can act on. */
  reason: string;
}

/** The stale items, in plan order; `applied`: addresses of the changes already in effect. */
export function findStale(saved: SavedPlan, live: readonly LiveState[], applied: ReadonlySet<string> = new Set()): StaleItem[] {
  const states = new Map(live.map((state) => [state.provider, state]));
  const reasons = new Map<Change, string>();
  for (const change of saved.plan.changes) {
    if (applied.has(change.address)) continue;
    const state = states.get(change.provider);
    const precondition = saved.preconditions[change.address];
    const reason = !precondition
      ? 'the saved plan has no precondition for it'
      : !state
        ? `provider ${change.provider} was not read again`
        : violation(precondition, state);
    if (reason !== null) reasons.set(change, reason);
  }
  for (const change of saved.plan.changes) {
    if (reasons.has(change) || change.kind !== 'membership' || applied.has(change.address)) continue;
    const reason = dependencyReason(change, saved.plan.changes, reasons);
    if (reason !== null) reasons.set(change, reason);
  }
  return saved.plan.changes.flatMap((change) => {
    const reason = reasons.get(change);
    return reason === undefined ? [] : [{ address: change.address, reason }];
  });
}

function violation(precondition: Precondition, state: LiveState): string | null {
  switch (precondition.kind) {
    case 'group-absent': {
      const { by, value } = precondition;
      // Groups the plan renames or deletes first hold the name now; their own preconditions pin them.
      const freed = new Set(precondition.freedBy ?? []);
      const found = state.groups.find((group) => !freed.has(group.id) && matchesIdentity(group, by, value));
      return found ? `a group with ${by} "${value}" now exists on ${state.provider} (#${found.id})` : null;
    }
    case 'group': {
      const group = state.groups.find((candidate) => candidate.id === precondition.id);
      if (!group) return `group #${precondition.id} is gone from ${state.provider}`;
      const live: Attributes = { ...group.attributes, name: group.name };
      const changed = Object.keys(precondition.attributes).filter((field) => !jsonEqual(precondition.attributes[field], live[field]));
      return changed.length > 0 ? `group #${group.id} changed on ${state.provider} since the plan was made (${changed.join(', ')})` : null;
    }
    case 'customer': {
      const customer = state.customers.find((candidate) => candidate.id === precondition.id);
      if (!customer) return `the customer is gone from ${state.provider}`;
      if (customer.groupId === precondition.groupId) return null;
      const groups = new Map(state.groups.map((group) => [group.id, group]));
      return `the customer moved from ${groupLabel(precondition.groupId, groups)} to ${groupLabel(customer.groupId, groups)} since the plan was made`;
    }
  }
}

function dependencyReason(change: Change & { kind: 'membership' }, changes: readonly Change[], reasons: ReadonlyMap<Change, string>): string | null {
  for (const other of changes) {
    if (other.kind !== 'group' || other.provider !== change.provider || !reasons.has(other)) continue;
    if (other.action === 'create' && change.after?.id === null && change.after.key === other.key) {
      return `it joins ${other.address}, whose create is stale`;
    }
    if (other.action === 'delete' && change.after === null && change.before?.key === null && change.before.id === other.id) {
      return `it leaves ${other.address}, whose delete is stale`;
    }
  }
  return null;
}

function groupLabel(id: string | null, groups: ReadonlyMap<string, LiveGroup>): string {
  if (id === null) return 'no group';
  const name = groups.get(id)?.name;
  return name ? `#${id} (${name})` : `#${id}`;
}
