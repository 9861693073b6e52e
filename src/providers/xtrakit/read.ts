// Reading what a plan needs. Xtrakit has no e-mail filter, so every customer is listed (pages fetched at once
// when the first says how many there are) and matched here; the groups list is small and read whole.
import type { LiveCustomer, LiveGroup, LiveState, ReadScope } from '../../model.js';
import type { XtrakitApi } from './api.js';
import { normalize, toLiveCustomer, toLiveGroup } from './mapping.js';

/** The declared groups (a pinned one by its id, the others by name, ignoring case), the groups holding their names, or all; their members and the declared customers. */
export async function readLive(api: XtrakitApi, provider: string, scope: ReadScope): Promise<LiveState> {
  const [groupRows, customerRows] = await Promise.all([api.listGroups(), api.listCustomers()]);
  const pinned = new Set(scope.groups.flatMap((g) => (g.pinnedId ? [g.pinnedId] : [])));
  // A pinned group's name too: a live group holding it stands in the way of the rename, and the plan must say so.
  const names = new Set(scope.groups.map((g) => String(normalize(g.attributes).name ?? g.key).toLowerCase()));
  const all = groupRows.map(toLiveGroup).filter((g): g is LiveGroup => g !== undefined);
  const groups = all.filter((g) => scope.allGroups || pinned.has(g.id) || names.has(g.name.toLowerCase()));
  const groupIds = new Set(groups.map((g) => g.id));
  const emails = new Set(scope.emails.map((e) => e.toLowerCase()));
  const customers = customerRows
    .map(toLiveCustomer)
    .filter((c): c is LiveCustomer => c !== undefined)
    .filter((c) => (c.groupId !== null && groupIds.has(c.groupId)) || emails.has(c.email));
  return { provider, groups, customers, groupNames: Object.fromEntries(all.map((g) => [g.id, g.name])) };
}
