// The Xtrakit adapter. Setting: base_url (default https://api.xtrakit.com; the API lives under /api/v1);
// secret: api_key, sent as a bearer token. Groups match by pinned id, else `group_name`; customers by
// `customer_email`; both ignoring case. `name` ↔ `group_name`, `description` ↔ `group_description`.
import { ConfigError } from '../../errors.js';
import { NAME_RULES, type Capabilities, type ProviderInstance, type RateRule } from '../../model.js';
import { createHttpClient, systemClock, type Clock } from '../../http/index.js';
import type { Provider, ProviderContext, ProviderFactory } from '../provider.js';
import { readLimits } from '../limits.js';
import { PAGE_SIZE, XtrakitApi } from './api.js';
import { errorDetail } from './errors.js';
import { normalize } from './mapping.js';
import { readLive } from './read.js';
import { applyGroup, applyMemberships, type Records } from './write.js';

/** The documented host; `base_url` replaces it (the sandbox, or the older `https://app.xtrakit.com`). */
const DEFAULT_BASE_URL = 'https://api.xtrakit.com';

// No limits are documented. The platform looks like a stock Laravel app, whose default API throttle is
// 60 calls a minute per user, every call counted: we keep to that, a few calls at a time, and take the figure
// from its X-RateLimit-Limit / -Remaining headers when it sends them.
const CONCURRENCY = 4;
const WINDOWS: RateRule[] = [{ counts: 'all', perEndpoint: false, limit: 60, windowMs: 60_000 }];

const capabilities: Capabilities = {
  // Group names are unique ignoring case (a Laravel `unique` rule on MySQL's case-insensitive collation): a
  // declared `VIP` and a live `vip` are one group, renamed in place, never a create that the platform refuses.
  identity: 'name-ignoring-case',
  unique: NAME_RULES.xtrakit.unique,
  maxNameLength: NAME_RULES.xtrakit.maxNameLength,
  delete: true,
  // Undocumented. The emulator unassigns (as a nullable foreign key would), but the real platform might
  // refuse the delete or leave dangling ids: moving members out first is right in every case.
  deleteUnassignsMembers: false,
  batchMembership: 1,
  fields: ['name', 'description'],
  concurrency: CONCURRENCY,
  // An edit re-sends the record as the read returned it (write.ts), so every change is one call.
  // Reads list every group and every customer (no e-mail filter), a page of PAGE_SIZE at a time. The groups
  // list announces no page count (the customers' does), so its read ends on a page that brings nothing: one more.
  cost: {
    groupCalls: { create: 1, update: 1, delete: 1 },
    batchCalls: 1,
    rateLimits: WINDOWS,
    read: { fixedCalls: 1, groups: { by: 'listing', perCall: PAGE_SIZE }, customers: { by: 'listing', pageSize: PAGE_SIZE } },
  },
};

export interface XtrakitOptions {
  /** For tests: time and jitter. */
  clock?: Clock;
}

export function createXtrakit(instance: ProviderInstance, context: ProviderContext, options: XtrakitOptions = {}): Provider {
  const apiKey = instance.secrets.api_key;
  if (!apiKey) {
    throw new ConfigError([
      {
        severity: 'error',
        code: 'missing-setting',
        message: `provider '${instance.name}' (xtrakit) needs api_key`,
        provider: instance.name,
        ...(instance.pos ? { pos: instance.pos } : {}),
      },
    ]);
  }
  const base = (instance.settings.base_url || DEFAULT_BASE_URL).replace(/\/+$/, '');
  const { maxResponseBytes, maxPages } = readLimits(instance);
  const http = createHttpClient({
    provider: instance.name,
    baseUrl: `${base}/api/v1`,
    headers: { Accept: 'application/json' },
    auth: { headers: async () => ({ Authorization: `Bearer ${apiKey.reveal()}` }) },
    secrets: () => [apiKey.reveal()],
    errorDetail: (_status, body) => errorDetail(body),
    limits: { concurrency: CONCURRENCY, rules: WINDOWS },
    clock: options.clock ?? systemClock,
    log: context.log,
    onWait: context.onWait,
    onActivity: context.onActivity,
    maxResponseBytes,
  });
  const api = new XtrakitApi(http, instance.name, maxPages);
  const records: Records = { groups: new Map(), customers: new Map() };
  return {
    name: instance.name,
    type: 'xtrakit',
    capabilities,
    normalize,
    async read(scope) {
      const { live, groupRows, customerRows } = await readLive(api, instance.name, scope);
      for (const [id, row] of groupRows) records.groups.set(id, row);
      for (const [id, row] of customerRows) records.customers.set(id, row);
      return live;
    },
    applyGroup: (change) => applyGroup(api, records, change),
    applyMemberships: (batch) => applyMemberships(api, records, batch),
  };
}

export const xtrakit: ProviderFactory = (instance, context) => createXtrakit(instance, context);
