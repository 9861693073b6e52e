// Writing to one store: group create / update / delete on v2, membership moves as v3 batch updates of at most
// 10 customers, never more than 3 batches in flight. A 207 on a group write (the group was saved, but "the
// sitewide discount update failed") comes back as a warning with the platform's message.
import { GroupformError } from '../../errors.js';
import { anyAnswer } from '../../http/index.js';
import type { Attributes, GroupChange } from '../../model.js';
import type { GroupResult, MembershipResult, ResolvedMembershipChange } from '../provider.js';
import type { StoreApi } from './api.js';
import { partialSuccessMessage } from './errors.js';
import { groupBody, normalizeAttributes } from './mapping.js';
import { customersUpdated, groupList, groupWrite } from './shapes.js';

/** "Limit of 10 customers per call." */
export const CUSTOMERS_PER_UPDATE = 10;

function warningOf(status: number, data: unknown): Pick<GroupResult, 'warning'> {
  return status === 207 ? { warning: partialSuccessMessage(data) } : {};
}

function idOf(data: unknown): string | undefined {
  const id = (data as { id?: unknown } | null)?.id;
  return typeof id === 'number' ? String(id) : undefined;
}

/** The fields of `after` whose value differs from `before`: PUT sends only those (rules as a whole set). */
function changedFields(before: Attributes | null, after: Attributes): Attributes {
  const was = normalizeAttributes(before ?? {});
  const now = normalizeAttributes(after);
  return Object.fromEntries(Object.entries(now).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(was[field])));
}

async function createGroup(api: StoreApi, provider: string, after: Attributes): Promise<GroupResult> {
  const body = groupBody(after);
  const { status, data } = await api.http.send('/v2/customer_groups', { shape: groupWrite, method: 'POST', body });
  const id = idOf(data);
  if (id) return { id, ...warningOf(status, data) };
  // A 207 body carries no group: find the one just created by its exact name.
  const name = String(body.name);
  const found = await api.http.request('/v2/customer_groups', { shape: groupList, query: { name } });
  const match = (found ?? []).map(idOf).find((x) => x !== undefined);
  if (!match) throw new GroupformError('provider-response', `${provider}: created customer group '${name}' but cannot find its id`);
  return { id: match, ...warningOf(status, data) };
}

export async function applyGroupChange(api: StoreApi, provider: string, change: GroupChange): Promise<GroupResult> {
  switch (change.action) {
    case 'create':
      return createGroup(api, provider, change.after ?? {});
    case 'update': {
      const id = change.id as string;
      const body = changedFields(change.before, change.after ?? {});
      if (Object.keys(body).length === 0) return { id };
      const { status, data } = await api.http.send(`/v2/customer_groups/${encodeURIComponent(id)}`, { shape: groupWrite, method: 'PUT', body });
      return { id, ...warningOf(status, data) };
    }
    case 'delete': {
      const id = change.id as string;
      // The platform unassigns the group's customers itself.
      await api.http.request(`/v2/customer_groups/${encodeURIComponent(id)}`, { shape: anyAnswer, method: 'DELETE' });
      return { id };
    }
  }
}

/** One batch update per 10 changes; a failed call fails the changes it carried (the platform does not say which). */
export async function applyMembershipBatch(api: StoreApi, batch: ResolvedMembershipChange[]): Promise<MembershipResult[]> {
  const calls: ResolvedMembershipChange[][] = [];
  for (let i = 0; i < batch.length; i += CUSTOMERS_PER_UPDATE) calls.push(batch.slice(i, i + CUSTOMERS_PER_UPDATE));
  const results = await Promise.all(
    calls.map(async (items): Promise<MembershipResult[]> => {
      // customer_group_id 0: in no group.
      const body = items.map(({ change, groupId }) => ({ id: Number(change.customerId), customer_group_id: groupId === null ? 0 : Number(groupId) }));
      try {
        await api.customerUpdates.use(() => api.http.request('/v3/customers', { shape: customersUpdated, method: 'PUT', body }));
        return items.map(({ change }) => ({ change }));
      } catch (error) {
        return items.map(({ change }) => ({ change, error: error instanceof Error ? error : new Error(String(error)) }));
      }
    }),
  );
  return results.flat();
}
