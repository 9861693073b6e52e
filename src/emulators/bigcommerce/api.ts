// The BigCommerce API in front of the state: `/stores/{hash}/v2|v3/...` routing, `X-Auth-Token` auth per
// store, the store quota and its headers, the 3-concurrent limit of `PUT /v3/customers`, and error bodies
// shaped for the API version. Knows nothing of sockets: the common harness serves it.
import { setTimeout as sleep } from 'node:timers/promises';
import { matchRoute, type Route } from '../common/router.js';
import type { Clock, EmulatorRequest, EmulatorResponse } from '../common/types.js';
import { listCustomers, updateCustomers } from './customers.js';
import { EmulatorHttpError, fail, v2ErrorBody, v3ErrorBody, type V2ErrorShape } from './errors.js';
import { countGroups, createGroup, deleteGroup, getGroup, listGroups, updateGroup, type Answer, type GroupOptions } from './groups.js';
import { StoreQuota } from './quota.js';
import { emptyStore, nextId, type BigCommerceState, type StoreState } from './state.js';

export interface StoreCredentials {
  storeHash: string;
  accessToken: string;
}

export interface ApiOptions {
  stores: StoreCredentials[];
  quota: number;
  windowMs: number;
  v2ErrorShape: V2ErrorShape;
  sitewideDiscountFails: boolean;
  /** How long a `PUT /v3/customers` is in progress on the platform, counting against its 3-concurrent limit. */
  customerUpdateMs: number;
  clock: Clock;
  getState(): BigCommerceState;
  /** Called after every write, with the whole state. */
  changed(): void;
}

/** "Limit of 3 concurrent requests" on `PUT /v3/customers`, per store. */
const MAX_CONCURRENT_CUSTOMER_UPDATES = 3;

interface Context {
  store: StoreState;
  hash: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

type Operation = (ctx: Context) => Answer | Promise<Answer>;

export function createBigCommerceApi(options: ApiOptions): (request: EmulatorRequest) => Promise<EmulatorResponse> {
  const quotas = new Map<string, StoreQuota>();
  const updatesInFlight = new Map<string, number>();
  const groupOptions: GroupOptions = { sitewideDiscountFails: options.sitewideDiscountFails, now: () => new Date(options.clock()) };
  // Group ids, per store, as a SQL auto-increment hands them out: never again, even after the highest group is
  // deleted. Every request first moves the counter past the ids its store holds and the counter its state
  // carries (a state installed since may hold higher ones); nothing moves it back. Every write records it in
  // the state, so a persisted sandbox keeps it across runs.
  const nextGroupIds = new Map<string, number>();
  function takeGroupId(ctx: Context): number {
    const id = nextGroupIds.get(ctx.hash)!;
    nextGroupIds.set(ctx.hash, id + 1);
    return id;
  }

  async function updateCustomersLimited(ctx: Context): Promise<Answer> {
    const inFlight = updatesInFlight.get(ctx.hash) ?? 0;
    // Undocumented how the platform refuses the 4th concurrent update: a 429 is the plausible answer.
    if (inFlight >= MAX_CONCURRENT_CUSTOMER_UPDATES) fail(429, 'Too many concurrent requests: at most 3 customer updates may run at once.');
    updatesInFlight.set(ctx.hash, inFlight + 1);
    try {
      if (options.customerUpdateMs > 0) await sleep(options.customerUpdateMs);
      return updateCustomers(ctx.store, ctx.body, groupOptions.now);
    } finally {
      updatesInFlight.set(ctx.hash, (updatesInFlight.get(ctx.hash) ?? 1) - 1);
    }
  }

  const prefix = '/stores/:store';
  const routes: Route<{ op: Operation; write: boolean }>[] = [
    { method: 'GET', template: `${prefix}/v2/customer_groups/count`, target: { op: (c) => countGroups(c.store), write: false } },
    { method: 'GET', template: `${prefix}/v2/customer_groups`, target: { op: (c) => listGroups(c.store, c.query), write: false } },
    {
      method: 'POST',
      template: `${prefix}/v2/customer_groups`,
      target: { op: (c) => createGroup(c.store, c.body, { ...groupOptions, id: () => takeGroupId(c) }), write: true },
    },
    { method: 'GET', template: `${prefix}/v2/customer_groups/:id`, target: { op: (c) => getGroup(c.store, c.params.id!), write: false } },
    {
      method: 'PUT',
      template: `${prefix}/v2/customer_groups/:id`,
      target: { op: (c) => updateGroup(c.store, c.params.id!, c.body, groupOptions), write: true },
    },
    {
      method: 'DELETE',
      template: `${prefix}/v2/customer_groups/:id`,
      target: { op: (c) => deleteGroup(c.store, c.params.id!, groupOptions.now), write: true },
    },
    { method: 'GET', template: `${prefix}/v3/customers`, target: { op: (c) => listCustomers(c.store, c.query), write: false } },
    { method: 'PUT', template: `${prefix}/v3/customers`, target: { op: updateCustomersLimited, write: true } },
  ];

  function quotaFor(hash: string): StoreQuota {
    let quota = quotas.get(hash);
    if (!quota) quotas.set(hash, (quota = new StoreQuota(options.quota, options.windowMs, options.clock)));
    return quota;
  }

  return async (request) => {
    const version = /^\/stores\/[^/]+\/(v2|v3)\//.exec(request.path)?.[1] === 'v3' ? 'v3' : 'v2';
    let headers: Record<string, string> = {};
    try {
      const hash = authenticate(request, options.stores);
      const decision = quotaFor(hash).take();
      headers = decision.headers;
      if (!decision.allowed) fail(429, 'You have exceeded the rate limit of this store. Wait for the quota to refresh.');
      const match = matchRoute(routes, request.method, request.path);
      if (match.kind === 'not-found') fail(404, 'The requested resource was not found.');
      if (match.kind === 'method-not-allowed') {
        headers.Allow = match.allow.join(', ');
        fail(405, `The method ${request.method} is not allowed on this resource.`);
      }
      const state = options.getState();
      const store = (state.stores[hash] ??= emptyStore());
      nextGroupIds.set(hash, Math.max(nextGroupIds.get(hash) ?? 1, store.next_customer_group_id ?? 1, nextId(store.customer_groups)));
      const body = parseBody(request);
      const answer = await match.route.target.op({ store, hash, params: match.params, query: request.query, body });
      if (match.route.target.write) {
        store.next_customer_group_id = nextGroupIds.get(hash)!;
        options.changed();
      }
      return { status: answer.status, headers, ...(answer.body === undefined ? {} : { body: answer.body }) };
    } catch (error) {
      if (!(error instanceof EmulatorHttpError)) throw error;
      const body = version === 'v3' ? v3ErrorBody(error.error) : v2ErrorBody(error.error, options.v2ErrorShape);
      return { status: error.error.status, headers, body };
    }
  };
}

/**
 * The store hash of an authorised request: an unknown store or a wrong token is a 401. Such calls never reach
 * the store, so they do not count against its quota and carry no rate-limit headers.
 */
function authenticate(request: EmulatorRequest, stores: readonly StoreCredentials[]): string {
  const hash = /^\/stores\/([^/]+)\//.exec(request.path)?.[1];
  const token = request.headers['x-auth-token'];
  const store = stores.find((s) => s.storeHash === hash);
  if (!store || typeof token !== 'string' || token !== store.accessToken) {
    fail(401, 'You are not authorised: the X-Auth-Token is missing or not valid for this store.');
  }
  return store.storeHash;
}

function parseBody(request: EmulatorRequest): unknown {
  if (!request.body.length) return undefined;
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) fail(415, 'The Content-Type must be application/json.');
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    return fail(400, 'The request body is not valid JSON.');
  }
}
