// Which items of a saved plan are already in effect on the platforms, as after a partial apply that is run
// again: the live state already holds the change's `after`. They are skipped, neither applied twice nor
// counted stale. Pure.
import type { Attributes, Change, LiveState } from '../model.js';
import { liveAttributes } from './groups.js';
import { matchesIdentity } from './identity.js';
import type { SavedPlan } from './saved.js';
import { jsonEqual } from './values.js';

/** Addresses of the changes already in effect, against freshly read live state. */
export function findApplied(saved: SavedPlan, live: readonly LiveState[]): Set<string> {
  const states = new Map(live.map((state) => [state.provider, state]));
  const applied = new Set<string>();
  for (const change of saved.plan.changes) {
    const state = states.get(change.provider);
    if (state && inEffect(change, state, saved)) applied.add(change.address);
  }
  return applied;
}

function inEffect(change: Change, state: LiveState, saved: SavedPlan): boolean {
  if (change.kind === 'membership') {
    const customer = state.customers.find((candidate) => candidate.id === change.customerId);
    if (!customer) return false;
    if (change.after === null) return customer.groupId === null;
    if (change.after.id !== null) return customer.groupId === change.after.id;
    // Joins a group this plan creates: in effect when the customer is in the group that create made.
    const group = state.groups.find((candidate) => candidate.id === customer.groupId);
    const identity = createdIdentity(saved, change.provider, change.after.key);
    return group !== undefined && identity !== undefined && matchesIdentity(group, identity.by, identity.value);
  }
  switch (change.action) {
    case 'create': {
      const precondition = saved.preconditions[change.address];
      if (precondition?.kind !== 'group-absent') return false;
      const group = state.groups.find((candidate) => matchesIdentity(candidate, precondition.by, precondition.value));
      return group !== undefined && holds(change.after, liveAttributes(group));
    }
    case 'update': {
      const group = state.groups.find((candidate) => candidate.id === change.id);
      return group !== undefined && holds(change.after, liveAttributes(group));
    }
    case 'delete':
      // Only an undeclared group's delete reads every group (saved-scope.ts), so only there is absence news.
      return change.key === null && !state.groups.some((candidate) => candidate.id === change.id);
  }
}

function holds(after: Attributes | null, live: Attributes): boolean {
  return after !== null && Object.entries(after).every(([field, value]) => jsonEqual(value, live[field]));
}

function createdIdentity(saved: SavedPlan, provider: string, key: string | null) {
  const create = saved.plan.changes.find(
    (change) => change.kind === 'group' && change.action === 'create' && change.provider === provider && change.key === key,
  );
  const precondition = create && saved.preconditions[create.address];
  return precondition?.kind === 'group-absent' ? precondition : undefined;
}
