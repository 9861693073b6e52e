// Drift without a state file: each change a plan would make is either *changed on the platform* (the live
// object was modified after the last commit that touched the config) or *not yet applied* (the config
// changed later, and nobody applied it). "unknown" where the platform or the repository gives no time.
// Pure: the config's commit time is passed in.
import type { Change, LiveCustomer, LiveGroup, LiveState, Plan } from '../model.js';

export type DriftClass = 'changed-on-platform' | 'not-yet-applied' | 'unknown';

export interface DriftItem {
  /** The change's address (`cl/vip`, `bc/members/jo@example.com`). */
  address: string;
  change: Change;
  classification: DriftClass;
  /** The live object's modification time (ISO 8601); null where the platform gives none or there is no object. */
  liveUpdatedAt: string | null;
  /** When the last commit touching the config was made (ISO 8601); null outside a git repository. */
  configChangedAt: string | null;
}

export function classifyDrift(plan: Plan, live: readonly LiveState[], configChangedAt: string | null): DriftItem[] {
  const states = new Map(live.map((state) => [state.provider, byId(state, plan.changes)]));
  // A temporary-name step is how a rename is made, not a difference of its own: the group's rename is the item.
  return plan.changes
    .filter((change) => !(change.kind === 'group' && change.temporary))
    .map((change) => {
      const liveUpdatedAt = updatedAtOf(change, states.get(change.provider));
      return { address: change.address, change, classification: classify(liveUpdatedAt, configChangedAt), liveUpdatedAt, configChangedAt };
    });
}

/** The groups and customers of a state that the changes touch, by id: one pass, whatever the plan's size. */
function byId(state: LiveState, changes: readonly Change[]): { groups: Map<string, LiveGroup>; customers: Map<string, LiveCustomer> } {
  const wanted = new Set(changes.flatMap((change) => (change.provider !== state.provider ? [] : change.kind === 'group' ? [] : [change.customerId])));
  return {
    groups: new Map(state.groups.map((group) => [group.id, group])),
    customers: new Map(state.customers.filter((customer) => wanted.has(customer.id)).map((customer) => [customer.id, customer])),
  };
}

/** The modification time of what the change would touch: the group, or the customer whose group it sets. */
function updatedAtOf(change: Change, state: ReturnType<typeof byId> | undefined): string | null {
  if (!state) return null;
  const found = change.kind === 'group' ? (change.id === null ? undefined : state.groups.get(change.id)) : state.customers.get(change.customerId);
  return found?.updatedAt ?? null;
}

function classify(liveUpdatedAt: string | null, configChangedAt: string | null): DriftClass {
  const live = liveUpdatedAt === null ? NaN : Date.parse(liveUpdatedAt);
  const config = configChangedAt === null ? NaN : Date.parse(configChangedAt);
  if (Number.isNaN(live) || Number.isNaN(config)) return 'unknown';
  return live > config ? 'changed-on-platform' : 'not-yet-applied';
}
