// Reading what a plan needs. Xtrakit has no e-mail filter, so every customer is listed (pages fetched at once
// when the first says how many there are) and matched here; the groups list is small and read whole. Listing
// every customer also brings each one once: a read of the managed groups' members (`customer_group_id`) first
// would fetch them twice whenever a declared customer is outside those groups.
import type { LiveState, ReadScope } from '../../model.js';
import type { XtrakitApi } from './api.js';
import { normalize, toLiveCustomer, toLiveGroup } from './mapping.js';
import type { Row } from './pages.js';

/** The live state, and the records it came from by id (the writes re-send their fields: see write.ts). */
export interface XtrakitRead {
  live: LiveState;
  groupRows: Map<string, Row>;
  customerRows: Map<string, Row>;
}

/** The declared groups (a pinned one by its id, the others by name, ignoring case), the groups holding their names, or all; their members and the declared customers. */
export async function readLive(api: XtrakitApi, provider: string, scope: ReadScope): Promise<XtrakitRead> {
  const [groupRows, customerRows] = await Promise.all([api.listGroups(), api.listCustomers()]);
  const pinned = new Set(scope.groups.flatMap((g) => (g.pinnedId ? [g.pinnedId] : [])));
  // A pinned group's name too: a live group holding it stands in the way of the rename, and the plan must say so.
  const names = new Set(scope.groups.map((g) => String(normalize(g.attributes).name ?? g.key).toLowerCase()));
  const all = groupRows.flatMap((row) => {
    const group = toLiveGroup(row);
    return group ? [{ group, row }] : [];
  });
  const groups = all.filter(({ group: g }) => scope.allGroups || pinned.has(g.id) || names.has(g.name.toLowerCase()));
  const groupIds = new Set(groups.map(({ group }) => group.id));
  const emails = new Set(scope.emails.map((e) => e.toLowerCase()));
  const customers = customerRows.flatMap((row) => {
    const customer = toLiveCustomer(row, scope.customerTimes ?? false);
    return customer && ((customer.groupId !== null && groupIds.has(customer.groupId)) || emails.has(customer.email)) ? [{ customer, row }] : [];
  });
  return {
    live: {
      provider,
      groups: groups.map(({ group }) => group),
      customers: customers.map(({ customer }) => customer),
      groupNames: Object.fromEntries(all.map(({ group: g }) => [g.id, g.name])),
      customersListed: customerRows.length,
    },
    groupRows: new Map(groups.map(({ group, row }) => [group.id, row])),
    customerRows: new Map(customers.map(({ customer, row }) => [customer.id, row])),
  };
}
