// A scenario on one platform: its emulator on 127.0.0.1 (an ephemeral port) seeded from the scenario, the
// provider instance that reaches it, the matching DesiredState, and adapters on the case's clock.
//
// Adapters come from each platform's own factory rather than createProvider: only those take a clock, and
// the cases need one (see clocks.ts).
import { startBigCommerceEmulator, type BigCommerceState } from '../../src/emulators/bigcommerce/index.js';
import { SANDBOX_CL_CLIENT_ID, SANDBOX_CL_CLIENT_SECRET, startCommerceLayerEmulator, type CommerceLayerState } from '../../src/emulators/commercelayer/index.js';
import type { RecordedRequest } from '../../src/emulators/common/types.js';
import { SANDBOX_XTRAKIT_API_KEY, startXtrakitEmulator } from '../../src/emulators/xtrakit/index.js';
import type { Clock } from '../../src/http/index.js';
import { Secret, type DesiredState, type LiveState, type Plan, type ProviderInstance, type ProviderType } from '../../src/model.js';
import { plan } from '../../src/plan/index.js';
import { createBigCommerceProvider } from '../../src/providers/bigcommerce/index.js';
import { createCommerceLayer } from '../../src/providers/commercelayer/index.js';
import type { Provider } from '../../src/providers/provider.js';
import { createXtrakit } from '../../src/providers/xtrakit/index.js';
import { groupName, type Scenario } from './scenario.js';

export interface EmulateOptions {
  clock: Clock;
  /** The emulator enforces the platform's documented rate limits; default off. */
  rateLimits?: boolean;
}

export interface EmulatedPlatform {
  desired: DesiredState;
  /** A new adapter, with its own HTTP client, token and rate limiter, on the case's clock. */
  provider(): Provider;
  /** Every API call the emulator answered, oldest first. */
  requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

interface Started {
  settings: Record<string, string>;
  secrets: Record<string, Secret>;
  factory: (instance: ProviderInstance) => Provider;
  requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

const BC_STORE = { storeHash: 'bench1', accessToken: 'bench-bc-token' };
const BC_DATE = '2024-01-02 03:04:05';
const ISO_DATE = '2024-01-02T03:04:05Z';

/** A Commerce Layer-like id: ten letters. */
function letters(prefix: string, n: number): string {
  let text = '';
  for (let i = 0; i < 10 - prefix.length; i++, n = Math.floor(n / 26)) text = String.fromCharCode(97 + (n % 26)) + text;
  return prefix + text;
}

async function startCommerceLayer(scenario: Scenario, options: EmulateOptions): Promise<Started> {
  const state: CommerceLayerState = {
    organization: { slug: 'bench', id: 'OrgBenchAa' },
    customer_groups: scenario.groups.map((key, g) => ({ ...blankCl, id: letters('Grp', g), name: groupName(key), code: key })),
    customers: scenario.customers.map((c, i) => ({
      ...blankCl, id: letters('Cus', i), email: c.email, customer_group_id: c.group === null ? null : letters('Grp', c.group), status: 'prospect',
    })),
  };
  const emulator = await startCommerceLayerEmulator({ state, seed: 1, now: () => options.clock.now(), ...(options.rateLimits ? {} : { rateLimits: false }) });
  return {
    settings: { base_url: emulator.url, auth_url: emulator.url, client_id: SANDBOX_CL_CLIENT_ID },
    secrets: { client_secret: new Secret(SANDBOX_CL_CLIENT_SECRET) },
    factory: (instance) => createCommerceLayer(instance, {}, { clock: options.clock }),
    requests: emulator.requests,
    close: emulator.close,
  };
}
const blankCl = { reference: null, reference_origin: null, metadata: {}, created_at: ISO_DATE, updated_at: ISO_DATE };

async function startBigCommerce(scenario: Scenario, options: EmulateOptions): Promise<Started> {
  const state: BigCommerceState = {
    stores: {
      [BC_STORE.storeHash]: {
        customer_groups: scenario.groups.map((key, g) => ({
          id: g + 1, name: groupName(key), is_default: false, is_group_for_guests: false, category_access: { type: 'all' },
          discount_rules: [], date_created: BC_DATE, date_modified: BC_DATE,
        })),
        customers: scenario.customers.map((c, i) => ({
          id: i + 1, email: c.email, first_name: 'Bench', last_name: String(i), customer_group_id: c.group === null ? 0 : c.group + 1,
          date_created: ISO_DATE, date_modified: ISO_DATE,
        })),
      },
    },
  };
  const emulator = await startBigCommerceEmulator({
    state, stores: [BC_STORE], now: () => options.clock.now(), ...(options.rateLimits ? {} : { quota: Number.MAX_SAFE_INTEGER }),
  });
  return {
    settings: { store_hash: BC_STORE.storeHash, base_url: emulator.url },
    secrets: { access_token: new Secret(BC_STORE.accessToken) },
    factory: (instance) => createBigCommerceProvider(instance, {}, { clock: options.clock }),
    requests: emulator.requests,
    close: emulator.close,
  };
}

async function startXtrakit(scenario: Scenario, options: EmulateOptions): Promise<Started> {
  const state = {
    customer_groups: scenario.groups.map((key, g) => ({ id: g + 1, group_name: groupName(key) })),
    // The fields the edit-customer page requires are filled, as a real customer's would be.
    customers: scenario.customers.map((c, i) => ({
      id: i + 1, customer_email: c.email, customer_group_id: c.group === null ? null : c.group + 1, customer_name: `Bench ${i}`,
      customer_phone: '+44 7700 900000', customer_country: 'GB', customer_city: 'Leeds', customer_state: 'West Yorkshire', address1: '1 High Street',
    })),
  };
  const emulator = await startXtrakitEmulator({ state, seed: 1, now: () => options.clock.now(), ...(options.rateLimits ? {} : { rateLimits: false }) });
  return {
    settings: { base_url: emulator.url },
    secrets: { api_key: new Secret(SANDBOX_XTRAKIT_API_KEY) },
    factory: (instance) => createXtrakit(instance, {}, { clock: options.clock }),
    requests: emulator.requests,
    close: emulator.close,
  };
}

const starters: Record<ProviderType, (scenario: Scenario, options: EmulateOptions) => Promise<Started>> = {
  commercelayer: startCommerceLayer,
  bigcommerce: startBigCommerce,
  xtrakit: startXtrakit,
};

export async function emulate(type: ProviderType, scenario: Scenario, options: EmulateOptions): Promise<EmulatedPlatform> {
  const started = await starters[type](scenario, options);
  const instance: ProviderInstance = {
    name: type,
    type,
    settings: started.settings,
    secrets: started.secrets,
    prune: false,
    ignore: [],
    // Generous limits: the checks run but refuse nothing, so every plan carries all its changes.
    safety: { maxGroupChangeShare: 1, maxMemberRemoveShare: 1, minObjects: 0 },
  };
  const { normalize } = started.factory(instance);
  const desired: DesiredState = {
    configFile: 'groups.yaml',
    configHash: 'bench',
    providers: [instance],
    // As the workspace does: desired values normalised as the platform echoes them.
    groups: scenario.groups.map((key, g) => ({
      key, provider: type, attributes: normalize({ name: groupName(key) }), members: scenario.members[g]!, membership: 'authoritative', protect: false,
    })),
  };
  return { desired, provider: () => started.factory(instance), requests: started.requests, close: started.close };
}

/** Reads what the declared groups need, as `plan` does, and plans it: the read-and-diff half of every command. */
export async function readAndPlan(platform: EmulatedPlatform, provider: Provider): Promise<{ live: LiveState; plan: Plan }> {
  const { desired } = platform;
  const live = await provider.read({ groups: desired.groups, emails: [...new Set(desired.groups.flatMap((g) => g.members))], allGroups: false });
  return { live, plan: plan(desired, [live], { capabilities: { [provider.name]: provider.capabilities } }) };
}

/** API calls answered since `from` (an earlier length of `requests`), and how many of them were 429s. */
export function callsSince(platform: EmulatedPlatform, from: number): { calls: number; refused: number } {
  const calls = platform.requests.slice(from);
  return { calls: calls.length, refused: calls.filter((call) => call.status === 429).length };
}
