// The Commerce Layer adapter: customer groups keyed by their `code`, membership through each customer's
// `customer_group` relationship. Settings: base_url (https://<slug>.commercelayer.io), auth_url (default
// https://auth.commercelayer.io), client_id, optional scope; secret: client_secret.
import { ConfigError } from '../../errors.js';
import { NAME_RULES, type Finding, type ProviderInstance, type Secret } from '../../model.js';
import { createHttpClient, systemClock, type Clock, type RateWindow } from '../../http/index.js';
import type { Capabilities, Provider, ProviderContext, ProviderFactory } from '../provider.js';
import { readLimits } from '../limits.js';
import { createClApi, MEDIA_TYPE, PAGE_SIZE } from './api.js';
import { clAuthErrorDetail, clErrorDetail } from './errors.js';
import { FIELDS, normalize } from './mapping.js';
import { readLive } from './read.js';
import { TokenSource } from './token.js';
import { applyGroup, applyMemberships } from './write.js';

export const DEFAULT_AUTH_URL = 'https://auth.commercelayer.io';

// customers and customer_groups are "uncacheable" endpoints. Documented limits (test / live): 100 / 200 calls
// a minute per class, 25 / 50 per endpoint in a 10 s burst; writes the same. We start at the test figures,
// which hold for both, and take the minute window from the X-Ratelimit-* headers once the API answers.
const CONCURRENCY = 5;
const API_WINDOWS: RateWindow[] = [
  { limit: 25, windowMs: 10_000 },
  { limit: 100, windowMs: 60_000 },
];
const AUTH_WINDOWS: RateWindow[] = [{ limit: 30, windowMs: 60_000 }];

export const capabilities: Capabilities = {
  identity: 'code',
  // Codes "must be unique within the environment", not case-sensitive; names are not documented as unique, so
  // no rename here ever goes through a temporary name.
  unique: NAME_RULES.commercelayer.unique,
  maxNameLength: NAME_RULES.commercelayer.maxNameLength,
  delete: true,
  // Undocumented on Commerce Layer (a delete may even be refused with 423), so the planner moves members out first.
  deleteUnassignsMembers: false,
  batchMembership: 1,
  fields: FIELDS,
  concurrency: CONCURRENCY,
  // No batch write: one PATCH per customer. Reads: a token, then `in` filters a page's worth at a time (read.ts).
  cost: {
    groupCalls: { create: 1, update: 1, delete: 1 },
    batchCalls: 1,
    rateLimits: API_WINDOWS,
    read: {
      fixedCalls: 1,
      groups: { by: 'filter', perCall: PAGE_SIZE },
      customers: { by: 'filter', pageSize: PAGE_SIZE, groupIdsPerList: PAGE_SIZE, emailsPerList: PAGE_SIZE },
    },
  },
};

export interface CommerceLayerOptions {
  /** For tests: time and jitter. */
  clock?: Clock;
}

function settingsOf(instance: ProviderInstance): { baseUrl: string; authUrl: string; clientId: string; clientSecret: Secret; scope?: string } {
  const { settings, secrets } = instance;
  const missing = ['base_url', 'client_id'].filter((key) => !settings[key]);
  if (!secrets.client_secret) missing.push('client_secret');
  if (missing.length) {
    const findings: Finding[] = missing.map((key) => ({
      severity: 'error',
      code: 'missing-setting',
      message: `provider '${instance.name}' (commercelayer) needs ${key}`,
      provider: instance.name,
      ...(instance.pos ? { pos: instance.pos } : {}),
    }));
    throw new ConfigError(findings);
  }
  return {
    baseUrl: settings.base_url!,
    authUrl: settings.auth_url || DEFAULT_AUTH_URL,
    clientId: settings.client_id!,
    clientSecret: secrets.client_secret!,
    ...(settings.scope ? { scope: settings.scope } : {}),
  };
}

export function createCommerceLayer(instance: ProviderInstance, context: ProviderContext, options: CommerceLayerOptions = {}): Provider {
  const { baseUrl, authUrl, clientId, clientSecret, scope } = settingsOf(instance);
  const clock = options.clock ?? systemClock;
  const provider = instance.name;
  const { maxResponseBytes, maxPages } = readLimits(instance);
  const common = { provider, clock, log: context.log, onWait: context.onWait, secrets: () => token.secrets(), maxResponseBytes };
  const authHttp = createHttpClient({
    ...common,
    baseUrl: authUrl,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    errorDetail: clAuthErrorDetail,
    limits: { concurrency: 1, windows: AUTH_WINDOWS },
  });
  const token: TokenSource = new TokenSource(authHttp, { clientId, clientSecret, scope }, clock);
  const api = createClApi(
    createHttpClient({
      ...common,
      baseUrl,
      headers: { Accept: MEDIA_TYPE },
      auth: token,
      errorDetail: clErrorDetail,
      limits: { concurrency: CONCURRENCY, windows: API_WINDOWS },
    }),
    provider,
    maxPages,
    baseUrl,
  );
  return {
    name: provider,
    type: 'commercelayer',
    capabilities,
    normalize,
    read: (scope) => readLive(api, provider, scope),
    applyGroup: (change) => applyGroup(api, change),
    applyMemberships: (batch) => applyMemberships(api, batch),
  };
}

export const commercelayer: ProviderFactory = (instance, context) => createCommerceLayer(instance, context);
