// Writing: one group per call (create, update only what changed, delete), and membership as one PATCH of
// the customer's `customer_group` relationship per customer (Commerce Layer has no batch update).
import { GroupformError } from '../../errors.js';
import type { GroupChange } from '../../model.js';
import type { GroupResult, MembershipResult, ResolvedMembershipChange } from '../provider.js';
import type { ClApi } from './api.js';
import { changedAttributes, normalize } from './mapping.js';

function required<T>(value: T | null | undefined, what: string, change: GroupChange): T {
  if (value === null || value === undefined) throw new GroupformError('plan-invalid', `${change.address}: a ${change.action} needs ${what}`);
  return value;
}

export async function applyGroup(api: ClApi, change: GroupChange): Promise<GroupResult> {
  switch (change.action) {
    case 'create': {
      // The group's key is its Commerce Layer code: what finds it again on the next read.
      const attributes = { ...normalize(required(change.after, 'desired fields', change)), code: required(change.key, 'a key', change) };
      const created = await api.create('customer_groups', attributes);
      return { id: created.id };
    }
    case 'update': {
      const id = required(change.id, 'an id', change);
      const attributes = changedAttributes(change.before ?? {}, required(change.after, 'desired fields', change));
      if (Object.keys(attributes).length) await api.update('customer_groups', id, { attributes });
      return { id };
    }
    case 'delete': {
      const id = required(change.id, 'an id', change);
      await api.remove('customer_groups', id);
      return { id };
    }
  }
}

/** Per-customer failures come back as data, so that one refused customer does not stop the others. */
export async function applyMemberships(api: ClApi, batch: ResolvedMembershipChange[]): Promise<MembershipResult[]> {
  return Promise.all(
    batch.map(async ({ change, groupId }): Promise<MembershipResult> => {
      const data = groupId === null ? null : { type: 'customer_groups', id: groupId };
      try {
        await api.update('customers', change.customerId, { relationships: { customer_group: { data } } }, { 'fields[customers]': 'email' });
        return { change };
      } catch (error) {
        return { change, error: error instanceof Error ? error : new Error(String(error)) };
      }
    }),
  );
}
