// Reading what a plan needs from one store: the managed groups, the customers in them, and the declared
// customers. Groups: one `GET /v2/customer_groups?limit=250` usually returns every group of the store (few
// stores have more than 250), which costs one call however many groups are declared, where an exact `name=`
// filter per group costs one each. Only when that page is full does the read fall back to `name=` per
// declared group and a retrieve per pinned id (or, for a full read, the remaining pages, counted first).
// Page counts come from the platform and are bounded by `readPages`.
import { ApiError } from '../../errors.js';
import { chunkForUrl, PAGES_AT_ONCE, readPages } from '../../http/index.js';
import { mapPool } from '../../pool.js';
import type { LiveCustomer, LiveGroup, LiveState, ReadScope } from '../../model.js';
import { declaredNotAmong, withFound } from '../declared-customers.js';
import type { StoreApi } from './api.js';
import { liveCustomer, liveGroup } from './mapping.js';
import { customerPage, groupCount, groupList, oneGroup } from './shapes.js';

/** The most items a page may hold, on v2 and v3 alike. */
export const PAGE_LIMIT = 250;
/**
 * E-mails per look-up: about what a 2,000-character URL holds of 25-character addresses, so that the plan's
 * estimate (which counts look-ups by this figure) holds for common addresses; longer ones split further.
 */
export const EMAILS_PER_LIST = 60;
/** Group ids per members' list: what a 2,000-character URL holds of 10-digit ids, with room to spare. */
export const GROUP_IDS_PER_LIST = 100;

/** A v2 list page; the platform may answer an empty list with 204 and no body. */
async function groupPage(api: StoreApi, query: Record<string, string | number>): Promise<LiveGroup[]> {
  const data = await api.http.request('/v2/customer_groups', { shape: groupList, query: { ...query, limit: PAGE_LIMIT } });
  return (data ?? []).map(liveGroup);
}

/** v2 lists carry no page count: the count call tells it. */
async function allGroups(api: StoreApi, first: LiveGroup[]): Promise<LiveGroup[]> {
  const { count } = await api.http.request('/v2/customer_groups/count', { shape: groupCount });
  const pageCount = Math.ceil(count / PAGE_LIMIT);
  return readPages(async (n) => (n === 1 ? { items: first, pageCount } : { items: await groupPage(api, { page: n }) }), {
    provider: api.provider,
    path: api.http.pathOf('/v2/customer_groups'),
    id: (g) => g.id,
    maxPages: api.maxPages,
  });
}

async function retrieve(api: StoreApi, id: string): Promise<LiveGroup | undefined> {
  try {
    return liveGroup(await api.http.request(`/v2/customer_groups/${encodeURIComponent(id)}`, { shape: oneGroup }));
  } catch (error) {
    // A pinned group that no longer exists is for the planner to report, not a failed read.
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

function desiredName(group: ReadScope['groups'][number]): string {
  const name = group.attributes.name;
  return typeof name === 'string' ? name : group.key;
}

/** The groups the plan needs, and the first page of all (it names the other groups customers are in). */
async function readGroups(api: StoreApi, scope: ReadScope): Promise<{ groups: LiveGroup[]; first: LiveGroup[] }> {
  const first = await groupPage(api, { page: 1 });
  return { groups: await neededGroups(api, scope, first), first };
}

async function neededGroups(api: StoreApi, scope: ReadScope, first: LiveGroup[]): Promise<LiveGroup[]> {
  const complete = first.length < PAGE_LIMIT;
  if (scope.allGroups) return complete ? first : allGroups(api, first);
  const pinned = new Set(scope.groups.flatMap((g) => (g.pinnedId ? [g.pinnedId] : [])));
  // A pinned group's name too: a live group holding it stands in the way of the rename, and the plan must say so.
  const names = new Set(scope.groups.map(desiredName));
  const wanted = (g: LiveGroup) => pinned.has(g.id) || names.has(g.name);
  const found = new Map(first.filter(wanted).map((g) => [g.id, g]));
  if (!complete) {
    const byName = await Promise.all([...names].map((name) => groupPage(api, { name })));
    const byId = await Promise.all([...pinned].filter((id) => !found.has(id)).map((id) => retrieve(api, id)));
    for (const g of [...byName.flat(), ...byId]) if (g && wanted(g)) found.set(g.id, g);
  }
  return [...found.values()];
}

/** Every page of one filtered customer list: the first tells how many pages follow, fetched concurrently. */
function customerList(api: StoreApi, filter: string, values: string[], withTimes: boolean): Promise<LiveCustomer[]> {
  const page = async (n: number) => {
    const query = { [filter]: values.join(','), limit: PAGE_LIMIT, page: n };
    const { data, meta } = await api.http.request('/v3/customers', { shape: customerPage, query });
    return { items: data.map((raw) => liveCustomer(raw, withTimes)), pageCount: meta.pagination.total_pages };
  };
  return readPages(page, { provider: api.provider, path: api.http.pathOf('/v3/customers'), id: (c) => c.id, maxPages: api.maxPages });
}

/** One list per chunk of values (at most `maxCount`), each URL kept short enough for the platform's gateway. */
async function customersWhere(api: StoreApi, scope: ReadScope, filter: string, values: string[], maxCount?: number): Promise<LiveCustomer[]> {
  const base = `${api.storeUrl}/v3/customers?${new URLSearchParams({ [filter]: '' })}&limit=${PAGE_LIMIT}&page=9999`;
  const lists = await mapPool(chunkForUrl(values, base, maxCount ? { maxCount } : {}), PAGES_AT_ONCE, (chunk) =>
    customerList(api, filter, chunk, scope.customerTimes ?? false),
  );
  return unique(lists);
}

/** The lists' customers, each once: one who moved between two groups while their lists were read is in both. */
function unique(lists: LiveCustomer[][]): LiveCustomer[] {
  if (lists.length === 1) return lists[0]!;
  const seen = new Set<string>();
  const customers: LiveCustomer[] = [];
  for (const list of lists) {
    for (const customer of list) {
      if (seen.has(customer.id)) continue;
      seen.add(customer.id);
      customers.push(customer);
    }
  }
  return customers;
}

/** The customers in the groups first, then by e-mail only the declared customers those pages did not bring. */
export async function readStore(api: StoreApi, provider: string, scope: ReadScope): Promise<LiveState> {
  const { groups, first } = await readGroups(api, scope);
  const members = await customersWhere(
    api,
    scope,
    'customer_group_id:in',
    groups.map((g) => g.id),
    GROUP_IDS_PER_LIST,
  );
  const declared = await customersWhere(api, scope, 'email:in', declaredNotAmong(members, scope.emails), EMAILS_PER_LIST);
  return { provider, groups, customers: withFound(members, declared), groupNames: Object.fromEntries(first.map((g) => [g.id, g.name])) };
}
