// Reading what a plan needs from one store: the managed groups, the customers in them, and the declared
// customers. Groups: one `GET /v2/customer_groups?limit=250` usually returns every group of the store (few
// stores have more than 250), which costs one call however many groups are declared, where an exact `name=`
// filter per group costs one each. Only when that page is full does the read fall back to `name=` per
// declared group and a retrieve per pinned id (or, for a full read, the remaining pages, counted first).
import { ApiError } from '../../errors.js';
import type { LiveCustomer, LiveGroup, LiveState } from '../../model.js';
import type { ReadScope } from '../provider.js';
import type { StoreApi } from './api.js';
import { chunkForUrl } from './chunk.js';
import { liveCustomer, liveGroup } from './mapping.js';

/** The most items a page may hold, on v2 and v3 alike. */
export const PAGE_LIMIT = 250;

/** A v2 list page; the platform may answer an empty list with 204 and no body. */
async function groupPage(api: StoreApi, query: Record<string, string | number>): Promise<LiveGroup[]> {
  const data = await api.http.request<unknown>('/v2/customer_groups', { query: { ...query, limit: PAGE_LIMIT } });
  if (data === undefined || data === null || data === '') return [];
  if (!Array.isArray(data)) throw new TypeError('the customer group list is not a JSON array');
  return data.map(liveGroup);
}

async function allGroups(api: StoreApi, first: LiveGroup[]): Promise<LiveGroup[]> {
  const { count } = await api.http.request<{ count: number }>('/v2/customer_groups/count');
  const pages = Math.ceil(count / PAGE_LIMIT);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => groupPage(api, { page: i + 2 })));
  return [...first, ...rest.flat()];
}

async function retrieve(api: StoreApi, id: string): Promise<LiveGroup | undefined> {
  try {
    return liveGroup(await api.http.request<unknown>(`/v2/customer_groups/${encodeURIComponent(id)}`));
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

async function readGroups(api: StoreApi, scope: ReadScope): Promise<LiveGroup[]> {
  const first = await groupPage(api, { page: 1 });
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

interface CustomerPage {
  data: unknown[];
  meta?: { pagination?: { total_pages?: number } };
}

/** Every page of one filtered customer list: the first tells how many pages follow, fetched concurrently. */
async function customerList(api: StoreApi, filter: string, values: string[]): Promise<LiveCustomer[]> {
  const page = (n: number) =>
    api.http.request<CustomerPage>('/v3/customers', { query: { [filter]: values.join(','), limit: PAGE_LIMIT, page: n } });
  const first = await page(1);
  const pages = first.meta?.pagination?.total_pages ?? 1;
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(i + 2)));
  return [first, ...rest].flatMap((p) => (Array.isArray(p.data) ? p.data.map(liveCustomer) : []));
}

/** One list per chunk of values, each URL kept short enough for the platform's gateway. */
async function customersWhere(api: StoreApi, filter: string, values: string[]): Promise<LiveCustomer[]> {
  const base = `${api.storeUrl}/v3/customers?${new URLSearchParams({ [filter]: '' })}&limit=${PAGE_LIMIT}&page=9999`;
  const lists = await Promise.all(chunkForUrl(values, base).map((chunk) => customerList(api, filter, chunk)));
  return lists.flat();
}

export async function readStore(api: StoreApi, provider: string, scope: ReadScope): Promise<LiveState> {
  const groups = await readGroups(api, scope);
  const [members, declared] = await Promise.all([
    customersWhere(api, 'customer_group_id:in', groups.map((g) => g.id)),
    customersWhere(api, 'email:in', scope.emails),
  ]);
  const customers = new Map<string, LiveCustomer>();
  for (const customer of [...members, ...declared]) customers.set(customer.id, customer);
  return { provider, groups, customers: [...customers.values()] };
}
