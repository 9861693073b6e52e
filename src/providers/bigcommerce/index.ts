// The BigCommerce adapter: customer groups on the v2 API, memberships as the v3 customers' `customer_group_id`.
// Settings: `store_hash`, optional `base_url` (default https://api.bigcommerce.com; an emulator's URL in tests
// and the sandbox); secret: `access_token`.
import type { Clock } from '../../http/index.js';
import { NAME_RULES, type Capabilities, type ProviderInstance } from '../../model.js';
import type { Provider, ProviderContext, ProviderFactory } from '../provider.js';
import { CUSTOMER_UPDATE_CONCURRENCY, STORE_QUOTA, createStoreApi } from './api.js';
import { MANAGED_FIELDS, normalizeAttributes } from './mapping.js';
import { EMAILS_PER_LIST, GROUP_IDS_PER_LIST, PAGE_LIMIT, readStore } from './read.js';
import { applyGroupChange, applyMembershipBatch, CUSTOMERS_PER_UPDATE } from './write.js';

const bigCommerceCapabilities: Capabilities = {
  identity: 'name',
  // Unique exactly: the control panel refuses an exact duplicate (409) and accepts one differing in case.
  // "The field 'name' cannot be longer than 255 characters."
  unique: NAME_RULES.bigcommerce.unique,
  maxNameLength: NAME_RULES.bigcommerce.maxNameLength,
  delete: true,
  // "All existing customers are unassigned from the group when it is deleted."
  deleteUnassignsMembers: true,
  batchMembership: CUSTOMERS_PER_UPDATE,
  fields: MANAGED_FIELDS,
  // Membership batches are the bulk of the calls, and the platform runs at most 3 at once.
  concurrency: CUSTOMER_UPDATE_CONCURRENCY,
  // One PUT carries a batch of 10 customers; the store's quota covers every call. Reads: one page of groups
  // (the first 250), then `in` filters (read.ts).
  cost: {
    groupCalls: { create: 1, update: 1, delete: 1 },
    batchCalls: 1,
    rateLimits: [STORE_QUOTA],
    read: {
      fixedCalls: 0,
      groups: { by: 'listing', perCall: PAGE_LIMIT, firstPageOnly: true },
      customers: { by: 'filter', pageSize: PAGE_LIMIT, groupIdsPerList: GROUP_IDS_PER_LIST, emailsPerList: EMAILS_PER_LIST },
    },
  },
};

export interface BigCommerceProviderOptions {
  /** Time source for the HTTP client's waits (tests pass a fake one). Default: the system clock. */
  clock?: Clock;
}

export function createBigCommerceProvider(instance: ProviderInstance, context: ProviderContext, options: BigCommerceProviderOptions = {}): Provider {
  const api = createStoreApi(instance, context, options.clock);
  return {
    name: instance.name,
    type: 'bigcommerce',
    // Read when the plan's estimate is made: by then the store's headers told its real quota (Pro: 450 per 30 s).
    get capabilities() {
      return { ...bigCommerceCapabilities, cost: { ...bigCommerceCapabilities.cost, rateLimits: api.http.rateRules() } };
    },
    normalize: normalizeAttributes,
    read: (scope) => readStore(api, instance.name, scope),
    applyGroup: (change) => applyGroupChange(api, instance.name, change),
    applyMemberships: (batch) => applyMembershipBatch(api, batch),
  };
}

export const bigcommerce: ProviderFactory = (instance, context) => createBigCommerceProvider(instance, context);
