// One provider's changes as the steps apply runs in sequence (the plan's own order, src/plan/order.ts), and
// what each change must wait for: the changes that free the name it takes, and for a delete the customers
// leaving the group in earlier steps.
import type { Change, GroupChange, MembershipChange } from '../model.js';
import type { Provider } from '../providers/provider.js';
import { groupPrerequisites, providerSteps, type Step } from '../plan/order.js';

export type { Step } from '../plan/order.js';

export interface ProviderSchedule {
  steps: Step[];
  /** The group changes each group change waits for. */
  prerequisites: Map<GroupChange, GroupChange[]>;
}

export function scheduleChanges(provider: Provider, changes: readonly Change[]): ProviderSchedule {
  return { steps: providerSteps(changes, provider.capabilities), prerequisites: groupPrerequisites(changes, provider.capabilities) };
}

/** The membership changes of the steps, in order. */
export function membershipsOf(steps: readonly Step[]): MembershipChange[] {
  return steps.flatMap((step) => step.changes.filter((change): change is MembershipChange => change.kind === 'membership'));
}
