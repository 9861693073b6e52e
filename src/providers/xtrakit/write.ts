// Writing one change. Both edit endpoints demand fields the change may not carry (`group_name`; six customer
// fields), so every edit reads the record first and re-sends those fields exactly as read.
import { ApiError, GroupformError } from '../../errors.js';
import type { GroupChange } from '../../model.js';
import type { GroupResult, MembershipResult, ResolvedMembershipChange } from '../provider.js';
import type { XtrakitApi } from './api.js';
import { groupBody, groupIdOf, membershipBody } from './mapping.js';

export async function applyGroup(api: XtrakitApi, change: GroupChange): Promise<GroupResult> {
  switch (change.action) {
    case 'create': {
      const created = await api.createGroup(groupBody(change.after ?? {}));
      return { id: String(created.id) };
    }
    case 'update': {
      const id = requireId(change);
      await api.updateGroup(id, groupBody(change.after ?? {}, await api.getGroup(id)));
      return { id };
    }
    case 'delete': {
      const id = requireId(change);
      try {
        await api.deleteGroup(id);
        return { id };
      } catch (error) {
        // Already gone is what a delete wants; the next plan reads the truth either way.
        if (error instanceof ApiError && error.status === 404) return { id, warning: `group ${id} was already gone` };
        throw error;
      }
    }
  }
}

/** One call pair per change (batchMembership 1); failures come back per item. */
export function applyMemberships(api: XtrakitApi, batch: ResolvedMembershipChange[]): Promise<MembershipResult[]> {
  return Promise.all(batch.map((item) => applyMembership(api, item)));
}

/** Re-reads the customer and writes only when its group differs: the editable fields as read, and the group. */
async function applyMembership(api: XtrakitApi, { change, groupId }: ResolvedMembershipChange): Promise<MembershipResult> {
  try {
    const current = await api.getCustomer(change.customerId);
    if (groupIdOf(current.customer_group_id) !== groupId) {
      await api.updateCustomer(change.customerId, membershipBody(current, groupId));
    }
    return { change };
  } catch (error) {
    return { change, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

function requireId(change: GroupChange): string {
  if (change.id === null) throw new GroupformError('plan-invalid', `${change.address}: ${change.action} needs a group id`);
  return change.id;
}
