// Reading what a plan needs, and no more: the declared groups (by code, or pinned id) or every group, the
// customers in those groups, then by e-mail only the declared customers those pages did not bring. Never the
// whole customer list, and no customer twice.
import { GroupformError } from '../../errors.js';
import type { LiveCustomer, LiveGroup, LiveState, ReadScope } from '../../model.js';
import { PAGE_SIZE, type ClApi, type ListSize, type Resource } from './api.js';
import { exportCheaper } from './exports.js';
import { toLiveCustomer, toLiveGroup } from './mapping.js';
import { declaredNotAmong, withFound } from '../declared-customers.js';
import { chunkForUrl, PAGES_AT_ONCE, type Query } from '../../http/index.js';
import { mapPool } from '../../pool.js';

const GROUP_QUERY: Query = { 'fields[customer_groups]': 'name,code,reference,reference_origin,metadata,updated_at' };
// Without `include`, relationships carry only links; the sparse fieldset must name the relationship too.
const CUSTOMER_QUERY: Query = {
  include: 'customer_group',
  'fields[customers]': 'email,updated_at,customer_group',
  'fields[customer_groups]': 'code',
};

function stringsOf(query: Query): Record<string, string> {
  return Object.fromEntries(Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
}

/**
 * Lists `path` once per chunk of `values` for an `_in` filter (values must not hold commas), PAGES_AT_ONCE at a time. A
 * chunk holds at most a page's worth (values that each match one record then cost one page) and keeps the URL
 * under MAX_URL_LENGTH, with the other parameters and a page number of 4 digits. `exporter` may read a chunk
 * through an export instead, where the cost model finds that cheaper.
 */
async function listIn(api: ClApi, path: string, filter: string, values: readonly string[], query: Query, exporter?: Exporter): Promise<Resource[]> {
  const key = `filter[q][${filter}]`;
  const base = `${api.baseUrl}${path}?${new URLSearchParams({ ...stringsOf(query), 'page[size]': String(PAGE_SIZE), 'page[number]': '9999', [key]: '' })}`;
  const lists = await mapPool(chunkForUrl(values, base, { maxCount: PAGE_SIZE }), PAGES_AT_ONCE, (chunk) => {
    const instead = exporter && ((size: ListSize) => (exportCheaper(size) ? exporter({ [filter]: chunk }) : Promise.resolve(undefined)));
    return api.list(path, { ...query, [key]: chunk.join(',') }, instead);
  });
  return lists.length === 1 ? lists[0]! : lists.flat();
}

/** Reads the customers Ransack `filters` select through an export. */
export type Exporter = (filters: Record<string, string[]>) => Promise<Resource[]>;

async function readGroups(api: ClApi, scope: ReadScope): Promise<LiveGroup[]> {
  const path = '/api/customer_groups';
  const resources = scope.allGroups
    ? await api.list(path, GROUP_QUERY)
    : (
        await Promise.all([
          // A pinned id decides identity, so a pinned group is not looked up by its code too.
          listIn(
            api,
            path,
            'code_in',
            scope.groups.flatMap((g) => (g.pinnedId ? [] : [g.key])),
            GROUP_QUERY,
          ),
          listIn(
            api,
            path,
            'id_in',
            scope.groups.flatMap((g) => (g.pinnedId ? [g.pinnedId] : [])),
            GROUP_QUERY,
          ),
        ])
      ).flat();
  return [...new Map(resources.map((r) => [r.id, toLiveGroup(r)])).values()];
}

function toCustomers(provider: string, resources: Resource[], withTimes: boolean): LiveCustomer[] {
  const byId = new Map<string, LiveCustomer>();
  for (const resource of resources) {
    const customer = toLiveCustomer(resource, withTimes);
    if (!customer) {
      throw new GroupformError('api-unexpected', `${provider}: customer ${resource.id} came back without its e-mail or customer_group; cannot tell its group`);
    }
    byId.set(customer.id, customer);
  }
  return [...byId.values()];
}

/** `exporter`: how large groups' members may be read (exports), unless the scope turns bulk reads off. */
export async function readLive(api: ClApi, provider: string, scope: ReadScope, exporter?: Exporter): Promise<LiveState> {
  const groups = await readGroups(api, scope);
  const path = '/api/customers';
  const exports = scope.bulk === false ? undefined : exporter;
  const withTimes = scope.customerTimes ?? false;
  const members = toCustomers(
    provider,
    await listIn(
      api,
      path,
      'customer_group_id_in',
      groups.map((g) => g.id),
      CUSTOMER_QUERY,
      exports,
    ),
    withTimes,
  );
  const declared = await listIn(api, path, 'email_in', declaredNotAmong(members, scope.emails), CUSTOMER_QUERY);
  return { provider, groups, customers: withFound(members, toCustomers(provider, declared, withTimes)) };
}
