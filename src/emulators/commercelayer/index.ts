// The Commerce Layer emulator: one loopback server for the auth endpoint and the API, faithful to
// shared/providers/README.md §1. Public API:
//
//   startCommerceLayerEmulator(options?) → Promise<CommerceLayerEmulator>
//     options: port, host, state (seed; validated), clients (default: the sandbox credentials below),
//       tokenTtlSeconds (default 7200), mode ('test' default | 'live'), rateLimits (false, or per-class
//       overrides of RATE_LIMITS[mode]), groupDeletion ('unassign' default | 'lock'), latencyMs, faultRate,
//       faults { kinds, slowRate, slowMs }, seed (faults and generated ids repeat), now (clock, for tests),
//       bulk { rowsPerSecond, startDelayMs } (how fast imports and exports run; see bulk.ts),
//       onChange(state) (a snapshot after every change, for persistence: see createStatePersister).
//     returns: url (auth at `${url}/oauth/token` and `/oauth/revoke`, its RS512 public keys at
//       `${url}/.well-known/jwks.json`, API at `${url}/api`), state(), setState(state),
//       requests (every platform call: method, path, query, status, body), close().
//   GET/PUT `${url}/_emulator/state` read and replace the state over HTTP (no auth, limits or faults).
//   GET `${url}/_files/…`: the gzipped results that imports' and exports' `attachment_url`s point at.
import { startEmulator, type EmulatorKnobs } from '../common/harness.js';
import { randomSeed, seededRandom } from '../common/random.js';
import type { Clock, RecordedRequest } from '../common/types.js';
import { createCommerceLayerHandler } from './app.js';
import { TokenAuthority, type ClientCredentials } from './auth.js';
import { signingKey } from './jwt.js';
import { errorResponse, fail } from './errors.js';
import { CommerceLayerLimiter, RATE_LIMITS, type CommerceLayerRateLimits } from './limits.js';
import { emptyCommerceLayerState, parseCommerceLayerState, type CommerceLayerState } from './state.js';
import { CommerceLayerStore, type GroupDeletionPolicy } from './store.js';
import { BulkJobs, type BulkKnobs } from './bulk.js';

export { parseCommerceLayerState, emptyCommerceLayerState } from './state.js';
export type { CommerceLayerState, CustomerGroupRecord, CustomerRecord } from './state.js';
export type { GroupDeletionPolicy } from './store.js';
/** Credentials the sandbox seeds and documents; not secret (they open a loopback emulator only). */
export const SANDBOX_CL_CLIENT_ID = 'sandbox-cl-client';
export const SANDBOX_CL_CLIENT_SECRET = 'sandbox-cl-secret';

export interface CommerceLayerEmulatorOptions extends EmulatorKnobs {
  host?: string;
  port?: number;
  state?: CommerceLayerState;
  clients?: ClientCredentials[];
  /** Integration tokens last 2 h by default (shared/providers §1.1). */
  tokenTtlSeconds?: number;
  mode?: 'test' | 'live';
  /** false: no limits and no X-Ratelimit-* headers. A class given here replaces that class's defaults. */
  rateLimits?: false | Partial<CommerceLayerRateLimits>;
  groupDeletion?: GroupDeletionPolicy;
  bulk?: BulkKnobs;
  now?: Clock;
  onChange?: (state: CommerceLayerState) => void;
}

export interface CommerceLayerEmulator {
  url: string;
  state(): CommerceLayerState;
  /** Replaces the state (validated: throws StateValidationError). Does not call onChange. */
  setState(state: CommerceLayerState): void;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startCommerceLayerEmulator(options: CommerceLayerEmulatorOptions = {}): Promise<CommerceLayerEmulator> {
  const clock = options.now ?? Date.now;
  const mode = options.mode ?? 'test';
  const stamp = () => new Date(clock()).toISOString();
  // Ids and token `rand` claims draw from their own stream, so they do not shift the fault sequence.
  const seed = options.seed ?? randomSeed();
  const random = seededRandom(seed ^ 0x5bd1e995);

  const store = new CommerceLayerStore(parseCommerceLayerState(options.state ?? emptyCommerceLayerState(), stamp()), {
    clock,
    random,
    onChange: options.onChange,
  });
  const auth = new TokenAuthority({
    key: await signingKey(),
    clients: options.clients ?? [{ clientId: SANDBOX_CL_CLIENT_ID, clientSecret: SANDBOX_CL_CLIENT_SECRET }],
    ttlSeconds: options.tokenTtlSeconds ?? 7200,
    mode,
    organization: () => store.organization,
    clock,
    random,
  });
  const limiter = options.rateLimits === false ? undefined : new CommerceLayerLimiter({ ...RATE_LIMITS[mode], ...options.rateLimits }, clock);

  const running = await startEmulator({
    host: options.host,
    port: options.port,
    latencyMs: options.latencyMs,
    faultRate: options.faultRate,
    faults: options.faults,
    seed,
    handle: createCommerceLayerHandler({
      context: { store, mode, groupDeletion: options.groupDeletion ?? 'unassign', bulk: new BulkJobs(store, { clock, random, knobs: options.bulk }) },
      auth,
      limiter,
    }),
    faultResponse: errorResponse(fail.internal()),
    state: {
      get: () => store.snapshot(),
      replace: (raw) => {
        store.replace(parseCommerceLayerState(raw, stamp()), true);
        return store.snapshot();
      },
    },
  });

  return {
    url: running.url,
    state: () => store.snapshot(),
    setState: (state) => store.replace(parseCommerceLayerState(state, stamp()), false),
    requests: running.requests,
    close: running.close,
  };
}
