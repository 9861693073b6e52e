// The Xtrakit adapter. Groups match by pinned id, else exact `group_name`. Xtrakit offers no e-mail filter,
// so every customer is listed and matched by e-mail here. Each membership change is a read-modify-write: the
// edit-customer endpoint demands six fields, so they are re-read and re-sent as they are, with the new group.
import type { Capabilities, GroupResult, MembershipResult, Provider, ProviderFactory, ReadScope, ResolvedMembershipChange } from '../provider.js';
import type { GroupChange, LiveCustomer, LiveGroup, LiveState, ProviderInstance } from '../../model.js';
import { ApiError, GroupformError } from '../../errors.js';
import { createHttpClient } from '../../http/index.js';
import { XtrakitApi } from './api.js';
import { errorDetail } from './errors.js';
import { groupBody, groupIdOf, membershipBody, normalize, toLiveCustomer, toLiveGroup } from './mapping.js';

/** The documented host; `base_url` replaces it (the sandbox, or the older `https://app.xtrakit.com`). */
export const DEFAULT_BASE_URL = 'https://api.xtrakit.com';

export const capabilities: Capabilities = {
  identity: 'name',
  delete: true,
  // Undocumented. The emulator unassigns (as a nullable foreign key would), but the real platform might
  // refuse or leave dangling ids: moving members out before a delete is right in every case.
  deleteUnassignsMembers: false,
  batchMembership: 1,
  fields: ['name', 'description'],
  // No limits are documented: a few calls at a time, under Laravel's default API throttle (below).
  concurrency: 4,
};

/** Laravel's default `throttle:api`, 60 calls a minute per key: the platform's stack, not its documentation. */
const ASSUMED_RATE = { limit: 60, windowMs: 60_000 };

export const xtrakit: ProviderFactory = (instance, context) => {
  const apiKey = instance.secrets.api_key;
  if (!apiKey) throw new GroupformError('provider-settings', `${instance.name}: an Xtrakit provider needs api_key`);
  const base = (instance.settings.base_url ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const http = createHttpClient({
    provider: instance.name,
    baseUrl: `${base}/api/v1`,
    headers: { Accept: 'application/json' },
    auth: { headers: async () => ({ Authorization: `Bearer ${apiKey.reveal()}` }) },
    secrets: () => [apiKey.reveal()],
    errorDetail: (_status, body) => errorDetail(body),
    limits: { concurrency: capabilities.concurrency, windows: [ASSUMED_RATE] },
    log: context.log,
    onWait: context.onWait,
  });
  return createProvider(instance, new XtrakitApi(http, instance.name));
};

function createProvider(instance: ProviderInstance, api: XtrakitApi): Provider {
  return {
    name: instance.name,
    type: 'xtrakit',
    capabilities,
    normalize,
    read: (scope) => read(instance.name, api, scope),
    applyGroup: (change) => applyGroup(api, change),
    applyMemberships: (batch) => Promise.all(batch.map((item) => applyMembership(api, item))),
  };
}

async function read(provider: string, api: XtrakitApi, scope: ReadScope): Promise<LiveState> {
  const [groupRows, customerRows] = await Promise.all([api.listGroups(), api.listCustomers()]);
  const pinned = new Set(scope.groups.flatMap((g) => (g.pinnedId ? [g.pinnedId] : [])));
  const names = new Set(scope.groups.map((g) => normalize(g.attributes).name));
  const groups = groupRows
    .map(toLiveGroup)
    .filter((g): g is LiveGroup => g !== undefined)
    .filter((g) => scope.allGroups || pinned.has(g.id) || names.has(g.name));
  const groupIds = new Set(groups.map((g) => g.id));
  const emails = new Set(scope.emails.map((e) => e.toLowerCase()));
  const customers = customerRows
    .map(toLiveCustomer)
    .filter((c): c is LiveCustomer => c !== undefined)
    .filter((c) => (c.groupId !== null && groupIds.has(c.groupId)) || emails.has(c.email));
  return { provider, groups, customers };
}

async function applyGroup(api: XtrakitApi, change: GroupChange): Promise<GroupResult> {
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

/** Re-reads the customer, and writes only when the group differs: the six required fields as read, and the group. */
async function applyMembership(api: XtrakitApi, item: ResolvedMembershipChange): Promise<MembershipResult> {
  const { change, groupId } = item;
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
