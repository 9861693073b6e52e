// The Commerce Layer adapter: customer groups keyed by their `code`, membership through each customer's
// `customer_group` relationship. Settings: base_url (https://<slug>.commercelayer.io), auth_url (default
// https://auth.commercelayer.io), client_id, optional scope and environment (test | live: the rate limits);
// secret: client_secret.
import { ConfigError, GroupformError } from '../../errors.js';
import { NAME_RULES, type Capabilities, type ClEnvironment, type Finding, type ProviderInstance, type Secret } from '../../model.js';
import { createHttpClient, downloadGzip, systemClock, type Clock } from '../../http/index.js';
import type { Provider, ProviderContext, ProviderFactory } from '../provider.js';
import { readLimits } from '../limits.js';
import { createClApi, MEDIA_TYPE, PAGE_SIZE } from './api.js';
import { clAuthErrorDetail, clErrorDetail } from './errors.js';
import { AUTH_RULES, endpointOf, environmentOfToken, RATE_RULES } from './limits.js';
import { FIELDS, normalize } from './mapping.js';
import { readLive } from './read.js';
import { TokenSource } from './token.js';
import { applyGroup, applyMemberships } from './write.js';
import { IMPORT_MAX_ROWS, importMemberships } from './imports.js';
import { EXPORT_COST, exportCustomers, oneAtATime } from './exports.js';

const DEFAULT_AUTH_URL = 'https://auth.commercelayer.io';

const CONCURRENCY = 5;

/** What the platform can do; only the rate limits differ between the environments. */
function capabilitiesFor(environment: ClEnvironment): Capabilities {
  return { ...capabilities, cost: { ...capabilities.cost, rateLimits: RATE_RULES[environment] } };
}

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
  // No batch write: one PATCH per customer, or imports for joins and moves: 10,000 rows each, in a create and
  // about five polls (the pause between polls grows from 2 s to 15 s). Reads: a token, then `in` filters a
  // page's worth at a time (read.ts).
  cost: {
    groupCalls: { create: 1, update: 1, delete: 1 },
    batchCalls: 1,
    rateLimits: RATE_RULES.test,
    bulk: { maxItems: IMPORT_MAX_ROWS, calls: 6 },
    read: {
      fixedCalls: 1,
      groups: { by: 'filter', perCall: PAGE_SIZE },
      customers: { by: 'filter', pageSize: PAGE_SIZE, groupIdsPerList: PAGE_SIZE, emailsPerList: PAGE_SIZE, viaExport: EXPORT_COST },
    },
  },
};

export interface CommerceLayerOptions {
  /** For tests: time and jitter. */
  clock?: Clock;
}

interface Settings {
  baseUrl: string;
  authUrl: string;
  clientId: string;
  clientSecret: Secret;
  scope?: string;
  /** As the config declares it; undefined: as the token says. */
  environment?: ClEnvironment;
}

function settingsOf(instance: ProviderInstance): Settings {
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
    ...(settings.environment === 'test' || settings.environment === 'live' ? { environment: settings.environment } : {}),
  };
}

export function createCommerceLayer(instance: ProviderInstance, context: ProviderContext, options: CommerceLayerOptions = {}): Provider {
  const { baseUrl, authUrl, clientId, clientSecret, scope, environment: declared } = settingsOf(instance);
  const clock = options.clock ?? systemClock;
  const provider = instance.name;
  const { maxResponseBytes, maxPages } = readLimits(instance);
  const common = { provider, clock, log: context.log, onWait: context.onWait, secrets: () => token.secrets(), maxResponseBytes };
  const authHttp = createHttpClient({
    ...common,
    baseUrl: authUrl,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    errorDetail: clAuthErrorDetail,
    limits: { concurrency: 1, rules: AUTH_RULES },
  });
  // The environment sets the limits: as declared, else as the first token's `test` claim says, else test (the
  // lower figures, which hold in both). A token for the other environment than declared is refused before use.
  let environment: ClEnvironment = declared ?? 'test';
  const onIssued = (value: string): void => {
    const claimed = environmentOfToken(value);
    if (claimed === undefined || claimed === environment) return;
    if (declared) {
      throw new GroupformError(
        'environment-mismatch',
        `${provider}: the access token is for the ${claimed} environment, but the config says \`environment: ${declared}\`; check client_id and client_secret, or the setting`,
      );
    }
    environment = claimed;
    http.setRateRules(RATE_RULES[environment]);
  };
  const token: TokenSource = new TokenSource(authHttp, { clientId, clientSecret, ...(scope ? { scope } : {}), onIssued }, clock);
  const http = createHttpClient({
    ...common,
    baseUrl,
    headers: { Accept: MEDIA_TYPE },
    auth: token,
    errorDetail: clErrorDetail,
    limits: { concurrency: CONCURRENCY, rules: RATE_RULES[environment], endpoint: endpointOf },
    // The token call is one in two hours: progress is the API's.
    ...(context.onActivity ? { onActivity: context.onActivity } : {}),
  });
  const api = createClApi(http, provider, maxPages, baseUrl);
  // An export's result lives on external storage: fetched with no credential, within the same size bound.
  const download = (url: string) => downloadGzip(url, { provider, maxBytes: maxResponseBytes, clock, log: context.log });
  const exporter = oneAtATime((filters: Record<string, string[]>) => exportCustomers({ api, clock, provider, download }, filters));
  return {
    name: provider,
    type: 'commercelayer',
    // Read when the plan's estimate is made, after the token told the environment.
    get capabilities() {
      return capabilitiesFor(environment);
    },
    normalize,
    read: (scope) => readLive(api, provider, scope, exporter),
    applyGroup: (change) => applyGroup(api, change),
    applyMemberships: (batch) => applyMemberships(api, batch),
    applyMembershipsBulk: (changes) => importMemberships({ api, clock, provider }, changes),
  };
}

export const commercelayer: ProviderFactory = (instance, context) => createCommerceLayer(instance, context);
