// The sandbox: all three platform emulators on loopback, seeded from examples/sandbox/state.json and
// persisted to one state file, so `apply` then `plan` converges across runs. Used by `--sandbox`, by
// `groupform sandbox`, and by the benchmarks.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GroupformError } from '../errors.js';
import { createStatePersister, loadStateFile, StateValidationError } from './common/state-file.js';
import type { EmulatorKnobs } from './common/harness.js';
import {
  startCommerceLayerEmulator,
  parseCommerceLayerState,
  SANDBOX_CL_CLIENT_ID,
  SANDBOX_CL_CLIENT_SECRET,
  type CommerceLayerEmulator,
  type CommerceLayerState,
  type GroupDeletionPolicy,
} from './commercelayer/index.js';
import { startBigCommerceEmulator, parseBigCommerceState, SANDBOX_STORES, type BigCommerceEmulator, type BigCommerceState } from './bigcommerce/index.js';
import { startXtrakitEmulator, SANDBOX_XTRAKIT_API_KEY, type XtrakitEmulator, type XtrakitState } from './xtrakit/index.js';

const SEED_FILE = fileURLToPath(new URL('../../examples/sandbox/state.json', import.meta.url));

interface SandboxState {
  commercelayer?: CommerceLayerState;
  bigcommerce?: BigCommerceState;
  xtrakit?: XtrakitState;
}

export interface SandboxOptions extends EmulatorKnobs {
  /** Where the state persists between runs; none: in memory only. */
  stateFile?: string;
  /** The state to start from when there is no state file yet, or on reset. Default: the bundled seed. */
  seedFile?: string;
  /** Start from the seed even when the state file exists. */
  reset?: boolean;
  host?: string;
  /** First port; the three emulators take port, port+1 and port+2. Default: any free ports. */
  port?: number;
  /** The platforms' documented rate limits (default on). */
  rateLimits?: boolean;
  /** What deleting a Commerce Layer group that still has customers does (undocumented): see GroupDeletionPolicy. */
  clGroupDeletion?: GroupDeletionPolicy;
}

/** How to reach each emulator and the credentials it accepts (fixed sandbox values, not secrets). */
export interface SandboxEndpoints {
  commercelayer: { baseUrl: string; authUrl: string; clientId: string; clientSecret: string };
  bigcommerce: { baseUrl: string; stores: { storeHash: string; accessToken: string }[] };
  xtrakit: { baseUrl: string; apiKey: string };
}

export interface Sandbox {
  endpoints: SandboxEndpoints;
  /** The environment variables the example configs read, pointing at this sandbox. */
  env: Record<string, string>;
  /** Stops the servers and writes the last state. */
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const initial = await initialState(options);
  if (options.stateFile) await mkdir(path.dirname(options.stateFile), { recursive: true });
  const persister = options.stateFile ? createStatePersister(options.stateFile) : undefined;
  let cl: CommerceLayerEmulator | undefined;
  let bc: BigCommerceEmulator | undefined;
  let xk: XtrakitEmulator | undefined;
  const persist = (): void => persister?.save({ commercelayer: cl?.state(), bigcommerce: bc?.state(), xtrakit: xk?.state() });
  const knobs: EmulatorKnobs = { latencyMs: options.latencyMs, faultRate: options.faultRate, faults: options.faults, seed: options.seed };
  const port = (offset: number): number | undefined => (options.port ? options.port + offset : undefined);
  const noLimits = options.rateLimits === false;
  try {
    cl = await startCommerceLayerEmulator({
      ...knobs,
      host: options.host,
      port: port(0),
      state: initial.commercelayer,
      onChange: persist,
      groupDeletion: options.clGroupDeletion,
      ...(noLimits ? { rateLimits: false } : {}),
    });
    bc = await startBigCommerceEmulator({
      ...knobs,
      host: options.host,
      port: port(1),
      state: initial.bigcommerce,
      stores: [...SANDBOX_STORES],
      onChange: persist,
      ...(noLimits ? { quota: Number.MAX_SAFE_INTEGER } : {}),
    });
    xk = await startXtrakitEmulator({
      ...knobs,
      host: options.host,
      port: port(2),
      state: initial.xtrakit,
      onChange: persist,
      ...(noLimits ? { rateLimits: false } : {}),
    });
  } catch (error) {
    await Promise.all([cl?.close(), bc?.close(), xk?.close()]);
    throw error;
  }
  persist();
  const endpoints: SandboxEndpoints = {
    commercelayer: { baseUrl: cl.url, authUrl: cl.url, clientId: SANDBOX_CL_CLIENT_ID, clientSecret: SANDBOX_CL_CLIENT_SECRET },
    bigcommerce: { baseUrl: bc.url, stores: SANDBOX_STORES.map((s) => ({ ...s })) },
    xtrakit: { baseUrl: xk.url, apiKey: SANDBOX_XTRAKIT_API_KEY },
  };
  const servers = [cl, bc, xk];
  return {
    endpoints,
    env: sandboxEnv(endpoints),
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
      await persister?.flush();
    },
  };
}

/** The variables groups.yaml and examples/ read; `groupform sandbox --env` prints them. */
export function sandboxEnv(endpoints: SandboxEndpoints): Record<string, string> {
  const [store1, store2] = endpoints.bigcommerce.stores;
  return {
    CL_BASE_URL: endpoints.commercelayer.baseUrl,
    CL_AUTH_URL: endpoints.commercelayer.authUrl,
    CL_CLIENT_ID: endpoints.commercelayer.clientId,
    CL_CLIENT_SECRET: endpoints.commercelayer.clientSecret,
    BC_BASE_URL: endpoints.bigcommerce.baseUrl,
    BC_STORE_HASH: store1!.storeHash,
    BC_ACCESS_TOKEN: store1!.accessToken,
    BC_EU_STORE_HASH: store2!.storeHash,
    BC_EU_ACCESS_TOKEN: store2!.accessToken,
    XTRAKIT_BASE_URL: endpoints.xtrakit.baseUrl,
    XTRAKIT_API_KEY: endpoints.xtrakit.apiKey,
  };
}

async function initialState(options: SandboxOptions): Promise<SandboxState> {
  const useSaved = !options.reset && options.stateFile !== undefined && existsSync(options.stateFile);
  if (!useSaved) return loadStateFile(options.seedFile ?? SEED_FILE, parseSandboxState);
  try {
    return await loadStateFile(options.stateFile!, parseSandboxState);
  } catch (error) {
    // A saved state from an older groupform, or edited by hand: say how to start over.
    if (!(error instanceof StateValidationError)) throw error;
    throw new GroupformError('sandbox-state-invalid', `${error.message}. Start again from the seed with --sandbox-reset (groupform sandbox: --reset).`, {
      cause: error,
    });
  }
}

function parseSandboxState(raw: unknown): SandboxState {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new StateValidationError(['the sandbox state must be an object']);
  const doc = raw as Record<string, unknown>;
  const unknown = Object.keys(doc).filter((k) => !['commercelayer', 'bigcommerce', 'xtrakit', '$comment'].includes(k));
  if (unknown.length) throw new StateValidationError(unknown.map((k) => `unknown platform "${k}"`));
  return {
    commercelayer: doc.commercelayer === undefined ? undefined : parseCommerceLayerState(doc.commercelayer),
    bigcommerce: doc.bigcommerce === undefined ? undefined : parseBigCommerceState(doc.bigcommerce),
    // The Xtrakit emulator validates and fills its own seed documents when it starts.
    xtrakit: doc.xtrakit as XtrakitState | undefined,
  };
}
