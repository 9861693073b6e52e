// A scenario on one platform: its emulator in a child process on 127.0.0.1 (an ephemeral port), the provider
// instance that reaches it, the matching DesiredState, and adapters on the case's clock that log every call.
//
// Adapters come from each platform's own factory rather than createProvider: only those take a clock, and
// the cases need one (see clocks.ts).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { SANDBOX_CL_CLIENT_ID, SANDBOX_CL_CLIENT_SECRET } from '../../src/emulators/commercelayer/index.js';
import { SANDBOX_XTRAKIT_API_KEY } from '../../src/emulators/xtrakit/index.js';
import type { Clock, HttpLogEntry } from '../../src/http/index.js';
import { Secret, type DesiredState, type LiveState, type Plan, type ProviderInstance, type ProviderType } from '../../src/model.js';
import { plan } from '../../src/plan/index.js';
import { createBigCommerceProvider } from '../../src/providers/bigcommerce/index.js';
import { createCommerceLayer } from '../../src/providers/commercelayer/index.js';
import type { Provider, ProviderContext } from '../../src/providers/provider.js';
import { createXtrakit } from '../../src/providers/xtrakit/index.js';
import type { EmulatorReady, EmulatorSpec } from '../emulator.js';
import { groupName, type Scenario } from './scenario.js';
import { BC_STORE } from './seeds.js';

export interface EmulateOptions {
  /** The adapters' clock; with `shareClock`, also the emulator's (a scaledClock's start and factor). */
  clock: Clock;
  /** The emulator enforces the platform's documented rate limits; default off. */
  rateLimits?: boolean;
  shareClock?: { start: number; factor: number };
  /** Commerce Layer's environment (the emulator's limits and its tokens' `test` claim); default test. */
  mode?: 'test' | 'live';
}

export interface EmulatedPlatform {
  desired: DesiredState;
  /** A new adapter, with its own HTTP client, token and rate limiter, on the case's clock. */
  provider(): Provider;
  /** Every HTTP call the adapters made, attempts and token requests included, oldest first. */
  calls: HttpLogEntry[];
  close(): Promise<void>;
}

const script = fileURLToPath(new URL('../emulator.ts', import.meta.url));

/** Where an instance of each platform reaches the emulator at `url`, and its adapter. */
const platforms: Record<ProviderType, (url: string) => Pick<ProviderInstance, 'settings' | 'secrets'> & { factory: typeof createCommerceLayer }> = {
  commercelayer: (url) => ({
    settings: { base_url: url, auth_url: url, client_id: SANDBOX_CL_CLIENT_ID },
    secrets: { client_secret: new Secret(SANDBOX_CL_CLIENT_SECRET) },
    factory: createCommerceLayer,
  }),
  bigcommerce: (url) => ({
    settings: { store_hash: BC_STORE.storeHash, base_url: url },
    secrets: { access_token: new Secret(BC_STORE.accessToken) },
    factory: createBigCommerceProvider,
  }),
  xtrakit: (url) => ({ settings: { base_url: url }, secrets: { api_key: new Secret(SANDBOX_XTRAKIT_API_KEY) }, factory: createXtrakit }),
};

/** A platform's emulator in its own process, seeded with the scenario (or the scenario of a shape, built there). */
export async function startEmulated(
  type: ProviderType,
  scenario: EmulatorSpec['scenario'],
  options: Omit<EmulateOptions, 'clock'>,
): Promise<{ url: string; close(): Promise<void> }> {
  const child = fork(script, [], { execArgv: process.execArgv });
  const exited = once(child, 'exit');
  const spec: EmulatorSpec = {
    type,
    scenario,
    rateLimits: options.rateLimits ?? false,
    ...(options.shareClock ? { clock: options.shareClock } : {}),
    ...(options.mode ? { mode: options.mode } : {}),
  };
  child.send(spec);
  const ready = await Promise.race([
    once(child, 'message') as Promise<[EmulatorReady]>,
    exited.then(([code]) => Promise.reject(new Error(`the ${type} emulator exited with ${String(code)} before it was ready`))),
  ]);
  return {
    url: ready[0].url,
    close: async () => {
      child.disconnect();
      await exited;
    },
  };
}

/** The settings and secrets of an instance of `type` that reaches the emulator at `url`, and its adapter's factory. */
export function emulatedInstance(type: ProviderType, url: string): ReturnType<(typeof platforms)[ProviderType]> {
  return platforms[type](url);
}

export async function emulate(type: ProviderType, scenario: Scenario, options: EmulateOptions): Promise<EmulatedPlatform> {
  const emulator = await startEmulated(type, scenario, options);
  const { settings, secrets, factory } = platforms[type](emulator.url);
  const instance: ProviderInstance = {
    name: type,
    type,
    settings,
    secrets,
    prune: false,
    ignore: [],
    // Generous limits: the checks run but refuse nothing, so every plan carries all its changes.
    safety: { maxGroupChangeShare: 1, maxMemberRemoveShare: 1, minObjects: 0 },
  };
  const calls: HttpLogEntry[] = [];
  const context: ProviderContext = { log: (entry) => calls.push(entry) };
  const { normalize } = factory(instance, context);
  const desired: DesiredState = {
    configFile: 'groups.yaml',
    configHash: 'bench',
    providers: [instance],
    // As the workspace does: desired values normalised as the platform echoes them.
    groups: scenario.groups.map((key, g) => ({
      key,
      provider: type,
      attributes: normalize({ name: groupName(key) }),
      members: scenario.members[g]!,
      membership: 'authoritative',
      protect: false,
    })),
  };
  return {
    desired,
    provider: () => factory(instance, context, { clock: options.clock }),
    calls,
    close: emulator.close,
  };
}

/**
 * Reads what the declared groups need, as `plan` does, and plans it: the read-and-diff half of every command.
 * Pages only, no exports: an export's polls wait on the emulator's clock, which a virtual clock would outrun.
 */
export async function readAndPlan(platform: EmulatedPlatform, provider: Provider): Promise<{ live: LiveState; plan: Plan }> {
  const { desired } = platform;
  const emails = [...new Set(desired.groups.flatMap((g) => g.members ?? []))];
  const live = await provider.read({ groups: desired.groups, emails, allGroups: false, bulk: false });
  return { live, plan: plan(desired, [live], { capabilities: { [provider.name]: provider.capabilities } }) };
}

/** Calls made since `from` (an earlier length of `calls`), and how many of them were refused with 429. */
export function callsSince(platform: EmulatedPlatform, from: number): { calls: number; refused: number } {
  const calls = platform.calls.slice(from);
  return { calls: calls.length, refused: calls.filter((call) => call.status === 429).length };
}
