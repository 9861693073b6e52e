// Writing one change. Both edit endpoints demand fields the change may not carry (`group_name`; six customer
// fields), so every edit re-sends those fields exactly as read: from the record the run's read returned, or,
// for a record this run has not read, from a GET just before.
//
// No guard is possible: Xtrakit documents no conditional request (no ETag, If-Match or If-Unmodified-Since)
// and no `updated_at` precondition on PUT, so a record changed elsewhere after the read (its name, phone or
// address; not its group, which the plan re-checks) is overwritten with the values read. A GET before every PUT
// would not guard either, only narrow that window from the read's age to a round trip, at twice the calls
// (bench: `apply, XK` against `read + apply, XK`). The read is minutes old at most (`apply` reads, then writes;
// `apply plan.json` reads again first), so one call per change is the better trade.
import { ApiError, GroupformError } from '../../errors.js';
import type { GroupChange } from '../../model.js';
import type { GroupResult, MembershipResult, ResolvedMembershipChange } from '../provider.js';
import type { XtrakitApi } from './api.js';
import { groupBody, groupIdOf, membershipBody } from './mapping.js';
import type { Row } from './pages.js';

/** Records as the last read or write returned them, by id: what an edit re-sends. */
export interface Records {
  groups: Map<string, Row>;
  customers: Map<string, Row>;
}

export async function applyGroup(api: XtrakitApi, records: Records, change: GroupChange): Promise<GroupResult> {
  switch (change.action) {
    case 'create': {
      const created = await api.createGroup(groupBody(change.after ?? {}));
      return { id: String(created.id) };
    }
    case 'update': {
      const id = requireId(change);
      const current = records.groups.get(id) ?? (await api.getGroup(id));
      // The answer as the new record, over the old one in case it leaves a field out.
      records.groups.set(id, { ...current, ...(await api.updateGroup(id, groupBody(change.after ?? {}, current))) });
      return { id };
    }
    case 'delete': {
      const id = requireId(change);
      try {
        await api.deleteGroup(id);
        records.groups.delete(id);
        return { id };
      } catch (error) {
        // Already gone is what a delete wants; the next plan reads the truth either way.
        if (error instanceof ApiError && error.status === 404) return { id, warning: `group ${id} was already gone` };
        throw error;
      }
    }
  }
}

/** One PUT per change (batchMembership 1); failures come back per item. */
export function applyMemberships(api: XtrakitApi, records: Records, batch: ResolvedMembershipChange[]): Promise<MembershipResult[]> {
  return Promise.all(batch.map((item) => applyMembership(api, records, item)));
}

/** Writes only when the customer's group differs: the editable fields as read, and the group. */
async function applyMembership(api: XtrakitApi, records: Records, { change, groupId }: ResolvedMembershipChange): Promise<MembershipResult> {
  const id = change.customerId;
  try {
    const current = records.customers.get(id) ?? (await api.getCustomer(id));
    if (groupIdOf(current.customer_group_id) !== groupId) {
      records.customers.set(id, { ...current, ...(await api.updateCustomer(id, membershipBody(current, groupId))) });
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
