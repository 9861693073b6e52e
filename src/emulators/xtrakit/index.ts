// The Xtrakit emulator, on the shared harness. What it does is what docs.xtrakit.com documents
// (shared/providers/README.md §3): bearer API key with the two documented 401 bodies, the
// `{status, message, data}` envelope, the customer-group and customer endpoints under `/api/v1`, JSON and
// form bodies. Where the documentation is silent, the platform is taken to be the Laravel app its field names,
// timestamps, integer ids and PHP samples suggest, and behaves as a stock Laravel app would:
// - Pagination: `GET /customers` takes `page` (from 1) and `per_page` (default 15, Laravel's; clamped to 100)
//   and answers `data.customers` (an array) with `data.pagination {total, per_page, current_page, last_page}`.
//   `GET /customer-groups` is not paginated (the documented sample counts every group: "Groups found: 20").
// - Errors: 404 `{status:404, message:"Group not found"|"Customer not found"|"Not Found", data:{}}`; validation
//   422 `{status:422, message:<Laravel's summary>, data:{errors:{field:[messages]}}}`; injected 500
//   `{status:500, message:"Server Error", data:{}}`. The documented 401s are `{status:401, error}`.
// - Inputs are trimmed and empty strings become null (Laravel's default middleware), so an empty form field
//   or `null` clears `customer_group_id`; an id that names no group is a 422.
// - Group names are unique within the business, ignoring case (a `unique` rule on MySQL's default collation).
// - An edit leaves out-of-body optional fields as they are; the documented required fields must be sent.
// - Deleting a group leaves its customers in no group (a nullable foreign key, `ON DELETE SET NULL`).
// - Rate limit: Laravel's default `throttle:api`, 60 calls a minute per key (see throttle.ts); a knob.
//
// Public API: startXtrakitEmulator(options?) → Promise<XtrakitEmulator>
//   options: host, port, state (a seed document, validated and filled), apiKeys (default [SANDBOX_XTRAKIT_API_KEY]),
//     rateLimits (false, or {limit, windowMs}), latencyMs, faultRate, faults {kinds, slowRate, slowMs}, seed,
//     now (clock, for tests), onChange(state) (a snapshot after every change, for createStatePersister).
//   returns: url (the API at `${url}/api/v1`), state(), setState(raw), requests, close().
//   GET/PUT `${url}/_emulator/state` read and replace the state over HTTP (no auth, limits or faults).
import { startEmulator, type EmulatorKnobs } from '../common/harness.js';
import { SlidingWindowLimiter } from '../common/rate-limit.js';
import type { Clock, EmulatorRequest, EmulatorResponse, RecordedRequest } from '../common/types.js';
import { decodeBody } from './input.js';
import { parseXtrakitState, timestamp, type XtrakitState } from './state.js';
import { XtrakitStore } from './store.js';
import { authenticate, resolve } from './routes.js';
import { fail } from './envelope.js';
import { DEFAULT_RATE_LIMIT, throttle, type RateLimit } from './throttle.js';

export type { XtrakitState, XtrakitGroup, XtrakitCustomer } from './state.js';
/** The API key the sandbox and tests use unless they give their own. */
export const SANDBOX_XTRAKIT_API_KEY = 'sandbox-xk-key';

export interface XtrakitEmulatorOptions extends EmulatorKnobs {
  host?: string;
  port?: number;
  /** A state document (seed); fields left out are filled, ids numbered. Default: an empty business. */
  state?: unknown;
  /** Keys accepted as bearer tokens. Default `[SANDBOX_XTRAKIT_API_KEY]`. */
  apiKeys?: string[];
  /** Calls a key may make per window; `false`: no limit and no X-RateLimit-* headers. Default 60 a minute. */
  rateLimits?: RateLimit | false;
  /** Milliseconds since the epoch, for timestamps and rate windows. */
  now?: Clock;
  /** Called with a snapshot after every change (a successful write, or a state PUT over HTTP): for persisting it. */
  onChange?: (state: XtrakitState) => void;
}

export interface XtrakitEmulator {
  /** `http://127.0.0.1:PORT`; the API lives under `${url}/api/v1`. */
  url: string;
  /** Every platform request handled, oldest first. */
  requests: RecordedRequest[];
  /** A copy of the current state. */
  state(): XtrakitState;
  /** Validates and installs a state document (throws StateValidationError listing every problem). Does not call onChange. */
  setState(raw: unknown): XtrakitState;
  close(): Promise<void>;
}

const WRITES = new Set(['POST', 'PUT', 'DELETE']);

export async function startXtrakitEmulator(options: XtrakitEmulatorOptions = {}): Promise<XtrakitEmulator> {
  const clock = options.now ?? Date.now;
  const apiKeys = options.apiKeys ?? [SANDBOX_XTRAKIT_API_KEY];
  const rateLimit = options.rateLimits ?? DEFAULT_RATE_LIMIT;
  const limiter = new SlidingWindowLimiter(clock);
  const store = new XtrakitStore(parseXtrakitState(options.state ?? {}, timestamp(clock())), clock);
  const changed = () => options.onChange?.(structuredClone(store.state));

  const setState = (raw: unknown): XtrakitState => {
    store.replace(parseXtrakitState(raw, timestamp(clock())));
    return structuredClone(store.state);
  };

  async function handle(request: EmulatorRequest): Promise<EmulatorResponse> {
    const resolved = resolve(request.method, request.path);
    if (!('endpoint' in resolved)) return resolved;
    const key = authenticate(request.headers.authorization, apiKeys);
    if (typeof key !== 'string') return key;
    const throttled = rateLimit ? throttle(limiter, rateLimit, key, clock) : { admitted: true as const, headers: {} };
    if (!throttled.admitted) return throttled.response;
    const input = await decodeBody(request.body, request.headers['content-type']);
    const response = resolved.endpoint(store, { query: request.query, input, id: resolved.id });
    if (WRITES.has(request.method.toUpperCase()) && response.status === 200) changed();
    // A copy, so that a write handled before this answer is sent cannot alter it.
    return { status: response.status, headers: { ...throttled.headers, ...response.headers }, body: structuredClone(response.body) };
  }

  const running = await startEmulator<XtrakitState>({
    host: options.host,
    port: options.port,
    latencyMs: options.latencyMs,
    faultRate: options.faultRate,
    faults: options.faults,
    seed: options.seed,
    handle,
    state: {
      get: () => structuredClone(store.state),
      replace: (raw) => {
        const state = setState(raw);
        changed();
        return state;
      },
    },
    faultResponse: fail(500, 'Server Error'),
  });

  return {
    url: running.url,
    requests: running.requests,
    state: () => structuredClone(store.state),
    setState,
    close: running.close,
  };
}
