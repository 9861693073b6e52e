// Splits one provider's changes into the phases apply runs in sequence, each keeping the plan's order.
import type { Change, GroupChange, MembershipChange } from '../model.js';

export interface Phases {
  /** Group creates and updates: first, so that members can move into new groups. */
  groupWrites: GroupChange[];
  /** Customers entering or moving between groups. */
  memberships: MembershipChange[];
  /** Customers leaving every group. */
  unassigns: MembershipChange[];
  /** Last, once their members have been moved out. */
  groupDeletes: GroupChange[];
}

export function splitPhases(changes: readonly Change[]): Phases {
  const phases: Phases = { groupWrites: [], memberships: [], unassigns: [], groupDeletes: [] };
  for (const change of changes) {
    if (change.kind === 'group') {
      (change.action === 'delete' ? phases.groupDeletes : phases.groupWrites).push(change);
    } else {
      (change.action === 'delete' ? phases.unassigns : phases.memberships).push(change);
    }
  }
  return phases;
}
