// The BigCommerce emulator: v2 customer groups and v3 customers of one or more stores on one loopback server,
// faithful to customers.v2.yml / customers.v3.yml and shared/providers/README.md section 2.
//
//   const bc = await startBigCommerceEmulator({ stores: [{ storeHash: 'abc', accessToken: 't' }], quota: 150 });
//   // base_url for the adapter: bc.url  →  `${bc.url}/stores/abc/v2/customer_groups`, `${bc.url}/stores/abc/v3/customers`
//   bc.state(); bc.setState(s); bc.requests; await bc.close();
//
// `GET`/`PUT ${url}/_emulator/state` read and replace the state (no auth, no quota, no faults). An injected
// 500 carries the v2 error array whatever the path: the harness has one fault body per emulator.
import { startEmulator, type EmulatorKnobs } from '../common/harness.js';
import type { Clock, RecordedRequest } from '../common/types.js';
import { createBigCommerceApi, type StoreCredentials } from './api.js';
import { v2ErrorBody, type V2ErrorShape } from './errors.js';
import { parseBigCommerceState } from './state-schema.js';
import { emptyStore, type BigCommerceState } from './state.js';

export type { BigCommerceState, CustomerGroupRecord, CustomerRecord } from './state.js';
export type { StoreCredentials } from './api.js';
export { parseBigCommerceState } from './state-schema.js';

export const SANDBOX_STORE_HASH = 'sandbox1';
export const SANDBOX_ACCESS_TOKEN = 'sandbox-bc-token';
const SANDBOX_STORE_HASH_2 = 'sandbox2';
const SANDBOX_ACCESS_TOKEN_2 = 'sandbox-bc-token-2';

export const SANDBOX_STORES: readonly StoreCredentials[] = [
  { storeHash: SANDBOX_STORE_HASH, accessToken: SANDBOX_ACCESS_TOKEN },
  { storeHash: SANDBOX_STORE_HASH_2, accessToken: SANDBOX_ACCESS_TOKEN_2 },
];

export interface BigCommerceEmulatorOptions extends EmulatorKnobs {
  host?: string;
  port?: number;
  /** Initial state; stores without one start empty. Validated like `PUT /_emulator/state`. */
  state?: BigCommerceState;
  /** The stores served and their API tokens. Default SANDBOX_STORES. */
  stores?: readonly StoreCredentials[];
  /** Requests per window per store. Default 150 (Standard and Plus plans). */
  quota?: number;
  /** Default 30 000 ms. */
  windowMs?: number;
  /** v2 error body: the observed array (default) or the `{errors:[…]}` customers.v2.yml declares. */
  v2ErrorShape?: V2ErrorShape;
  /** Makes group writes that set an `all` rule answer 207, as when the sitewide discount update fails. */
  sitewideDiscountFails?: boolean;
  /** How long one `PUT /v3/customers` takes, holding one of its 3 concurrent slots. Default 0. */
  customerUpdateMs?: number;
  /** Time source for the quota window and record dates (ms since the epoch). Default Date.now. */
  now?: Clock;
  /** Called with the whole state after every write (for persistence). */
  onChange?: (state: BigCommerceState) => void;
}

export interface BigCommerceEmulator {
  url: string;
  /** A copy of the current state. */
  state(): BigCommerceState;
  /** Replaces the state (validated; throws StateValidationError). Unlike `PUT /_emulator/state`, does not call onChange. */
  setState(state: BigCommerceState): void;
  /** Every API request handled so far, oldest first. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startBigCommerceEmulator(options: BigCommerceEmulatorOptions = {}): Promise<BigCommerceEmulator> {
  const stores = [...(options.stores ?? SANDBOX_STORES)];
  let state = withStores(parseBigCommerceState(options.state ?? { stores: {} }), stores);
  const install = (raw: unknown): void => {
    state = withStores(parseBigCommerceState(raw), stores);
  };
  const handle = createBigCommerceApi({
    stores,
    quota: options.quota ?? 150,
    windowMs: options.windowMs ?? 30_000,
    v2ErrorShape: options.v2ErrorShape ?? 'observed',
    sitewideDiscountFails: options.sitewideDiscountFails ?? false,
    customerUpdateMs: options.customerUpdateMs ?? 0,
    clock: options.now ?? Date.now,
    getState: () => state,
    changed: () => options.onChange?.(structuredClone(state)),
  });
  const { host, port, latencyMs, faultRate, faults, seed } = options;
  const running = await startEmulator({
    host,
    port,
    latencyMs,
    faultRate,
    faults,
    seed,
    handle,
    state: {
      get: () => structuredClone(state),
      replace: (raw) => {
        install(raw);
        options.onChange?.(structuredClone(state));
        return structuredClone(state);
      },
    },
    faultResponse: { status: 500, body: v2ErrorBody({ status: 500, message: 'Internal Server Error' }, options.v2ErrorShape ?? 'observed') },
  });
  return {
    url: running.url,
    state: () => structuredClone(state),
    setState: install,
    requests: running.requests,
    close: running.close,
  };
}

/** Every served store has a record, so the state file lists them even before their first write. */
function withStores(state: BigCommerceState, stores: readonly StoreCredentials[]): BigCommerceState {
  for (const { storeHash } of stores) state.stores[storeHash] ??= emptyStore();
  return state;
}
