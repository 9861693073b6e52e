// The adapter's HTTP side: one client per store (the store's quota is shared by every call, v2 and v3), with
// `X-Auth-Token` auth, BigCommerce's error bodies, and a cap of 3 customer batch updates in flight.
import { GroupformError } from '../../errors.js';
import { createHttpClient, type Clock, type HttpClient } from '../../http/index.js';
import type { ProviderInstance, RateRule } from '../../model.js';
import type { ProviderContext } from '../provider.js';
import { readLimits } from '../limits.js';
import { bigCommerceErrorDetail } from './errors.js';
import { Semaphore } from './semaphore.js';

const DEFAULT_BASE_URL = 'https://api.bigcommerce.com';

/**
 * Standard and Plus plans: 150 requests per 30 s, every call counted; the store's headers (X-Rate-Limit-Requests-Quota,
 * -Time-Window-Ms) then tell its real quota, which replaces this one, and -Requests-Left / -Time-Reset-Ms pace the rest.
 */
export const STORE_QUOTA: RateRule = { counts: 'all', perEndpoint: false, limit: 150, windowMs: 30_000 };
/** Calls in flight overall: v2 group endpoints allow 40, but the quota (5/s on average) is the real bound. */
const CONCURRENCY = 6;
/** "Limit of 3 concurrent requests" on `PUT /v3/customers`. */
export const CUSTOMER_UPDATE_CONCURRENCY = 3;

export interface StoreApi {
  /** The provider instance's name, for errors. */
  provider: string;
  http: HttpClient;
  /** Most pages read of one list (`max_pages`). */
  maxPages: number;
  /** `${base_url}/stores/{hash}`: the URL paths `/v2/…` and `/v3/…` extend, for URL-length budgets. */
  storeUrl: string;
  /** Held around every `PUT /v3/customers`. */
  customerUpdates: Semaphore;
}

function setting(instance: ProviderInstance, name: string): string {
  const value = instance.settings[name]?.trim();
  if (!value) throw new GroupformError('provider-settings', `${instance.name}: the BigCommerce setting '${name}' is missing`);
  return value;
}

export function createStoreApi(instance: ProviderInstance, context: ProviderContext, clock?: Clock): StoreApi {
  const hash = setting(instance, 'store_hash');
  const token = instance.secrets.access_token;
  if (!token) throw new GroupformError('provider-settings', `${instance.name}: the BigCommerce secret 'access_token' is missing`);
  const { maxResponseBytes, maxPages } = readLimits(instance);
  const storeUrl = `${(instance.settings.base_url?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '')}/stores/${encodeURIComponent(hash)}`;
  const http = createHttpClient({
    provider: instance.name,
    baseUrl: storeUrl,
    headers: { Accept: 'application/json' },
    auth: { headers: async () => ({ 'X-Auth-Token': token.reveal() }) },
    errorDetail: bigCommerceErrorDetail,
    limits: { concurrency: CONCURRENCY, rules: [STORE_QUOTA] },
    maxResponseBytes,
    ...(context.log ? { log: context.log } : {}),
    ...(context.onWait ? { onWait: context.onWait } : {}),
    ...(context.onActivity ? { onActivity: context.onActivity } : {}),
    ...(clock ? { clock } : {}),
  });
  return { provider: instance.name, http, maxPages, storeUrl, customerUpdates: new Semaphore(CUSTOMER_UPDATE_CONCURRENCY) };
}
