// Commerce Layer's limits per environment: the environment as declared or as the token says, the limiter's
// rules for it, and writes paced to them against the emulator in both modes (one virtual clock on both sides).
import { afterEach, describe, expect, it } from 'vitest';
import {
  startCommerceLayerEmulator,
  SANDBOX_CL_CLIENT_ID,
  SANDBOX_CL_CLIENT_SECRET,
  type CommerceLayerEmulator,
  type CommerceLayerState,
} from '../../../src/emulators/commercelayer/index.js';
import { createCommerceLayer } from '../../../src/providers/commercelayer/index.js';
import { endpointOf, environmentOfToken, RATE_RULES } from '../../../src/providers/commercelayer/limits.js';
import { GroupformError } from '../../../src/errors.js';
import { Secret, type MembershipChange, type ProviderInstance } from '../../../src/model.js';
import type { HttpLogEntry } from '../../../src/http/log.js';
import { fakeClock } from '../../http/helpers.js';

let emulator: CommerceLayerEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const jwt = (claims: object): string => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('the environment a token is for', () => {
  it('is its `test` claim, and unknown when the token has none or is no JWT', () => {
    expect(environmentOfToken(jwt({ test: true }))).toBe('test');
    expect(environmentOfToken(jwt({ test: false }))).toBe('live');
    expect(environmentOfToken(jwt({ test: 'false' }))).toBeUndefined();
    expect(environmentOfToken(jwt({}))).toBeUndefined();
    expect(environmentOfToken('opaque-token')).toBeUndefined();
    expect(environmentOfToken('a.!!!.c')).toBeUndefined();
  });
});

describe('the endpoint a call counts against', () => {
  it('is its method and route, ids replaced', () => {
    expect(endpointOf('PATCH', '/api/customers/CusAbc')).toBe('PATCH /api/customers/:id');
    expect(endpointOf('GET', '/api/customer_groups/GrpA/customers')).toBe('GET /api/customer_groups/:id/customers');
    expect(endpointOf('GET', '/api/customers')).toBe('GET /api/customers');
  });
});

const at = '2024-06-01T10:00:00.000Z';
const CUSTOMERS = 60;
const seed = (): CommerceLayerState => ({
  organization: { slug: 'acme', id: 'OrgAcmeXyz' },
  customer_groups: [{ id: 'GrpVipAaaa', name: 'VIP', code: 'vip', reference: null, reference_origin: null, metadata: {}, created_at: at, updated_at: at }],
  customers: Array.from({ length: CUSTOMERS }, (_, i) => ({
    id: `Cus${String(i).padStart(7, '0')}`,
    email: `c${i}@example.com`,
    customer_group_id: null,
    status: 'prospect' as const,
    reference: null,
    reference_origin: null,
    metadata: {},
    created_at: at,
    updated_at: at,
  })),
});

async function setup(mode: 'test' | 'live', environment?: 'test' | 'live') {
  const clock = fakeClock();
  emulator = await startCommerceLayerEmulator({ state: seed(), now: () => clock.now(), seed: 7, mode });
  const instance: ProviderInstance = {
    name: 'cl',
    type: 'commercelayer',
    settings: { base_url: emulator.url, auth_url: emulator.url, client_id: SANDBOX_CL_CLIENT_ID, ...(environment ? { environment } : {}) },
    secrets: { client_secret: new Secret(SANDBOX_CL_CLIENT_SECRET) },
    prune: false,
    ignore: [],
    safety: { maxGroupChangeShare: 1, maxMemberRemoveShare: 1, minObjects: 10 },
  };
  /** When each PATCH started. */
  const patches: number[] = [];
  const log = (entry: HttpLogEntry): void => void (entry.method === 'PATCH' && patches.push(clock.now() - entry.ms));
  const provider = createCommerceLayer(instance, { log }, { clock });
  return { provider, emulator, clock, patches };
}

/** Every customer joins VIP, all at once, as the apply engine sends them; the start time of each PATCH. */
async function joinAll(setupResult: Awaited<ReturnType<typeof setup>>): Promise<number[]> {
  const { provider, patches, clock } = setupResult;
  const start = clock.now();
  const changes = seed().customers.map(({ id, email }): MembershipChange => ({
    kind: 'membership',
    action: 'create',
    address: `cl/members/${email}`,
    provider: 'cl',
    customerId: id,
    email,
    before: null,
    after: null,
  }));
  const results = (await Promise.all(changes.map((change) => provider.applyMemberships([{ change, groupId: 'GrpVipAaaa' }])))).flat();
  expect(results.filter((r) => r.error)).toEqual([]);
  return patches.map((t) => t - start);
}

describe("Commerce Layer writes at each environment's limits", () => {
  it('test credentials: 25 PATCHes per 10 s, no 429, and the estimate counts test figures', async () => {
    const env = await setup('test');
    const starts = await joinAll(env);
    expect(env.emulator.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(starts.filter((t) => t < 10_000)).toHaveLength(25);
    expect(env.provider.capabilities.cost.rateLimits).toEqual(RATE_RULES.test);
  });

  it('live credentials, environment unset: the token says live, so 50 PATCHes per 10 s, no 429', async () => {
    const env = await setup('live');
    const starts = await joinAll(env);
    expect(env.emulator.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(starts.filter((t) => t < 10_000)).toHaveLength(50);
    expect(env.provider.capabilities.cost.rateLimits).toEqual(RATE_RULES.live);
  });

  it('`environment: live` with test credentials: refused before any API call, naming both', async () => {
    const env = await setup('test', 'live');
    const error = await env.provider.read({ groups: [], emails: ['c1@example.com'], allGroups: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GroupformError);
    expect((error as GroupformError).code).toBe('environment-mismatch');
    expect((error as Error).message).toBe(
      'cl: the access token is for the test environment, but the config says `environment: live`; check client_id and client_secret, or the setting',
    );
    expect(env.emulator.requests.filter((r) => r.path.startsWith('/api/'))).toEqual([]);
  });

  it('`environment: test` with test credentials keeps the test figures', async () => {
    const env = await setup('test', 'test');
    const starts = await joinAll(env);
    expect(starts.filter((t) => t < 10_000)).toHaveLength(25);
  });
});
