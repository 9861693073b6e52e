// The adapter end to end against the Commerce Layer emulator, over real HTTP on loopback. The emulator and
// the client share one virtual clock, so token lifetimes and rate windows pass without real waiting.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startCommerceLayerEmulator,
  SANDBOX_CL_CLIENT_ID,
  SANDBOX_CL_CLIENT_SECRET,
  type CommerceLayerEmulator,
  type CommerceLayerEmulatorOptions,
  type CommerceLayerState,
} from '../../../src/emulators/commercelayer/index.js';
import { createCommerceLayer } from '../../../src/providers/commercelayer/index.js';
import { ApiError } from '../../../src/errors.js';
import { Secret, type DesiredGroup, type GroupChange, type MembershipChange, type ProviderInstance } from '../../../src/model.js';
import type { HttpLogEntry } from '../../../src/http/log.js';
import { fakeClock } from '../../http/helpers.js';

let emulator: CommerceLayerEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const at = '2024-06-01T10:00:00.000Z';
const group = (id: string, name: string, code: string | null, metadata = {}) => ({
  id,
  name,
  code,
  reference: null,
  reference_origin: null,
  metadata,
  created_at: at,
  updated_at: at,
});
const customer = (id: string, email: string, groupId: string | null) => ({
  id,
  email,
  customer_group_id: groupId,
  status: 'prospect' as const,
  reference: null,
  reference_origin: null,
  metadata: {},
  created_at: at,
  updated_at: at,
});

const seed = (): CommerceLayerState => ({
  organization: { slug: 'acme', id: 'OrgAcmeXyz' },
  customer_groups: [
    group('GrpVipAaaa', 'VIP', 'vip', { tier: 'gold', since: 2020 }),
    group('GrpGoldAaa', 'Gold', 'Gold'),
    group('GrpNoCodeA', 'No code', null),
  ],
  customers: [
    customer('CusJohnAaa', 'john@example.com', 'GrpVipAaaa'),
    customer('CusJaneAaa', 'jane@example.com', 'GrpVipAaaa'),
    customer('CusBobAaaa', 'bob@example.com', 'GrpGoldAaa'),
    customer('CusEveAaaa', 'eve@example.com', null),
    customer('CusOtherAa', 'other@example.com', 'GrpNoCodeA'),
  ],
});

/** An emulator (test-mode rate limits on, unless options say otherwise) and an adapter pointed at it. */
async function setup(options: CommerceLayerEmulatorOptions = {}, secret = SANDBOX_CL_CLIENT_SECRET) {
  const clock = fakeClock();
  let skewMs = 0;
  emulator = await startCommerceLayerEmulator({ state: seed(), now: () => clock.now() + skewMs, seed: 7, ...options });
  const instance: ProviderInstance = {
    name: 'cl',
    type: 'commercelayer',
    settings: { base_url: emulator.url, auth_url: emulator.url, client_id: SANDBOX_CL_CLIENT_ID },
    secrets: { client_secret: new Secret(secret) },
    prune: false,
    ignore: [],
    safety: { maxGroupChangeShare: 1, maxMemberRemoveShare: 1, minObjects: 10 },
  };
  const log: HttpLogEntry[] = [];
  const waits: string[] = [];
  const provider = createCommerceLayer(instance, { log: (e) => log.push(e), onWait: (m) => waits.push(m) }, { clock });
  return { provider, emulator, clock, log, waits, skew: (ms: number) => void (skewMs = ms) };
}

const declared = (key: string, pinnedId?: string): DesiredGroup => ({
  key,
  provider: 'cl',
  attributes: { name: key },
  members: [],
  membership: 'authoritative',
  protect: false,
  ...(pinnedId ? { pinnedId } : {}),
});

const groupChange = (
  action: GroupChange['action'],
  key: string | null,
  id: string | null,
  before: GroupChange['before'],
  after: GroupChange['after'],
): GroupChange => ({ kind: 'group', action, address: `cl/${key ?? `#${id}`}`, provider: 'cl', key, id, before, after });

const membership = (customerId: string, email: string): MembershipChange => ({
  kind: 'membership',
  action: 'update',
  address: `cl/members/${email}`,
  provider: 'cl',
  customerId,
  email,
  before: null,
  after: null,
});

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('Commerce Layer adapter against the emulator', () => {
  it('reads the declared groups (code case-insensitive, pinned ids), their members and the declared customers', async () => {
    const { provider, emulator } = await setup();
    const live = await provider.read({
      groups: [declared('vip'), declared('gold'), declared('renamed', 'GrpNoCodeA')],
      emails: ['eve@example.com', 'john@example.com', 'nobody@example.com'],
      allGroups: false,
    });
    expect(live.groups.map((g) => [g.id, g.code]).sort()).toEqual([
      ['GrpGoldAaa', 'Gold'],
      ['GrpNoCodeA', null],
      ['GrpVipAaaa', 'vip'],
    ]);
    const vip = live.groups.find((g) => g.id === 'GrpVipAaaa')!;
    expect(vip.attributes).toEqual(provider.normalize({ name: 'VIP', reference: null, reference_origin: null, metadata: { since: 2020, tier: 'gold' } }));
    expect(live.customers.map((c) => [c.email, c.groupId]).sort()).toEqual([
      ['bob@example.com', 'GrpGoldAaa'],
      ['eve@example.com', null],
      ['jane@example.com', 'GrpVipAaaa'],
      ['john@example.com', 'GrpVipAaaa'],
      ['other@example.com', 'GrpNoCodeA'],
    ]);
    // Every customer list was filtered: the adapter never lists all customers.
    const lists = emulator.requests.filter((r) => r.method === 'GET' && r.path === '/api/customers');
    expect(lists.length).toBeGreaterThan(0);
    for (const r of lists) expect(Object.keys(r.query).some((k) => k.startsWith('filter[q]'))).toBe(true);
    // The members' pages come first; then only the declared e-mails they did not bring are looked up.
    expect(lists.map((r) => r.query['filter[q][email_in]']).filter(Boolean)).toEqual(['eve@example.com,nobody@example.com']);
  });

  it('looks up e-mails a page at a time (25), each URL under 2,000 characters', async () => {
    const state = seed();
    // 100-character addresses: the URL, not the page size, decides how many go in one look-up.
    const emails = Array.from({ length: 60 }, (_, i) => `customer.${String(i).padStart(2, '0')}.${'x'.repeat(76)}@example.com`);
    state.customers.push(...emails.map((email, i) => customer(`CusMany${String(i).padStart(3, '0')}`, email, null)));
    const { provider, emulator } = await setup({ state, rateLimits: false });
    const live = await provider.read({ groups: [], emails, allGroups: false });
    expect(live.customers).toHaveLength(60);
    const lookups = emulator.requests.filter((r) => r.query['filter[q][email_in]'] !== undefined);
    expect(lookups.flatMap((r) => r.query['filter[q][email_in]']!.split(',')).sort()).toEqual([...emails].sort());
    for (const r of lookups) expect(r.query['filter[q][email_in]']!.split(',').length).toBeLessThanOrEqual(25);
    expect(lookups.length).toBeGreaterThan(60 / 25);
    for (const r of lookups) expect(`${emulator.url}/api/customers?${new URLSearchParams(r.query)}`.length).toBeLessThanOrEqual(2000);
  });

  it('reads every group when asked, over several pages', async () => {
    const state = seed();
    state.customer_groups.push(...Array.from({ length: 60 }, (_, i) => group(`GrpExtra${String(i).padStart(2, '0')}`, `Extra ${i}`, `extra-${i}`)));
    const { provider } = await setup({ state });
    const live = await provider.read({ groups: [], emails: [], allGroups: true });
    expect(live.groups).toHaveLength(63);
    expect(live.customers.map((c) => c.email).sort()).toEqual(['bob@example.com', 'jane@example.com', 'john@example.com', 'other@example.com']);
  });

  it('creates, updates and deletes groups', async () => {
    const { provider, emulator } = await setup();
    const { id } = await provider.applyGroup(groupChange('create', 'wholesale', null, null, { name: 'Wholesale', metadata: { b: 1, a: 2 } }));
    expect(emulator.state().customer_groups.find((g) => g.id === id)).toMatchObject({ name: 'Wholesale', code: 'wholesale', metadata: { a: 2, b: 1 } });

    const before = { name: 'VIP', reference: null, metadata: { tier: 'gold', since: 2020 } };
    await provider.applyGroup(groupChange('update', 'vip', 'GrpVipAaaa', before, { name: 'VIP', reference: 'crm-7', metadata: { since: 2020, tier: 'gold' } }));
    const patch = emulator.requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ data: { type: 'customer_groups', id: 'GrpVipAaaa', attributes: { reference: 'crm-7' } } });
    expect(emulator.state().customer_groups.find((g) => g.id === 'GrpVipAaaa')).toMatchObject({ reference: 'crm-7', name: 'VIP' });

    await provider.applyGroup(groupChange('delete', 'gold', 'GrpGoldAaa', { name: 'Gold' }, null));
    expect(emulator.state().customer_groups.map((g) => g.id)).not.toContain('GrpGoldAaa');

    // What was written reads back equal to what was desired: the next plan is empty.
    const live = await provider.read({ groups: [declared('wholesale')], emails: [], allGroups: false });
    expect(live.groups[0]!.attributes).toMatchObject(provider.normalize({ name: 'Wholesale', metadata: { a: 2, b: 1 } }));
  });

  it('sets and clears memberships, one PATCH per customer', async () => {
    const { provider, emulator } = await setup();
    const results = await provider.applyMemberships([{ change: membership('CusEveAaaa', 'eve@example.com'), groupId: 'GrpVipAaaa' }]);
    expect(results[0]!.error).toBeUndefined();
    const cleared = await provider.applyMemberships([{ change: membership('CusJohnAaa', 'john@example.com'), groupId: null }]);
    expect(cleared[0]!.error).toBeUndefined();
    const byId = new Map(emulator.state().customers.map((c) => [c.id, c.customer_group_id]));
    expect(byId.get('CusEveAaaa')).toBe('GrpVipAaaa');
    expect(byId.get('CusJohnAaa')).toBeNull();
  });

  it('returns a refused membership change as data, with provider, method, path and the platform detail', async () => {
    const { provider } = await setup();
    const [result] = await provider.applyMemberships([{ change: membership('CusMissing', 'x@example.com'), groupId: 'GrpVipAaaa' }]);
    expect(result!.error).toBeInstanceOf(ApiError);
    expect(result!.error).toMatchObject({ provider: 'cl', method: 'PATCH', path: '/api/customers/CusMissing', status: 404 });
    expect(result!.error!.message).toBe(
      'cl: PATCH /api/customers/CusMissing failed (HTTP 404): The requested resource was not found. Please double-check the resource id.',
    );
  });

  it('maps a validation error (a code already taken) to an ApiError in the platform words', async () => {
    const { provider } = await setup();
    const error = await apiError(provider.applyGroup(groupChange('create', 'GOLD', null, null, { name: 'Gold again' })));
    expect(error).toMatchObject({ provider: 'cl', method: 'POST', path: '/api/customer_groups', status: 422 });
    expect(error.detail).toContain('has already been taken');
  });

  it('reports a delete the platform refuses (423 Locked)', async () => {
    const { provider } = await setup({ groupDeletion: 'lock' });
    const error = await apiError(provider.applyGroup(groupChange('delete', 'vip', 'GrpVipAaaa', { name: 'VIP' }, null)));
    expect(error.status).toBe(423);
  });

  it('renews the token before it expires, and recovers once from INVALID_TOKEN mid-run', async () => {
    const { provider, emulator, clock, skew } = await setup({ tokenTtlSeconds: 600 });
    const scope = { groups: [declared('vip')], emails: [], allGroups: false };
    const tokens = () => emulator.requests.filter((r) => r.path === '/oauth/token').length;
    await provider.read(scope);
    expect(tokens()).toBe(1);
    await clock.sleep(545_000); // past 600 s less the renewal margin (a tenth of the lifetime)
    await provider.read(scope);
    expect(tokens()).toBe(2);
    // The platform's clock runs ahead: it expires the token while the adapter still trusts it.
    skew(700_000);
    await provider.read(scope);
    expect(tokens()).toBe(3);
    expect(emulator.requests.filter((r) => r.status === 401)).toHaveLength(1);
  });

  it('answers 429s by waiting, and keeps them rare', async () => {
    const { provider, emulator, waits } = await setup({
      rateLimits: { uncacheable: { average: { limit: 4, intervalSeconds: 60 }, burst: { limit: 25, intervalSeconds: 10 } } },
    });
    const emails = Array.from({ length: 200 }, (_, i) => `nobody${i}@example.com`);
    const live = await provider.read({ groups: [declared('vip')], emails, allGroups: false });
    expect(live.customers.map((c) => c.email).sort()).toEqual(['jane@example.com', 'john@example.com']);
    const reads = emulator.requests.filter((r) => r.path.startsWith('/api/'));
    const refused = reads.filter((r) => r.status === 429).length;
    expect(reads.length - refused).toBe(1 + 1 + 8); // groups, members, 200 e-mails in eights of 25
    expect(refused).toBeLessThanOrEqual(4); // at most the first wave, before the limiter learnt the real limit
    expect(waits.length).toBeGreaterThan(0);
  });

  it('rides out injected 500s and connection resets on reads and membership PATCHes', async () => {
    const { provider, emulator } = await setup({ rateLimits: false, faultRate: 0.3, seed: 11 });
    const live = await provider.read({ groups: [declared('vip'), declared('gold')], emails: ['eve@example.com'], allGroups: false });
    expect(live.customers.map((c) => c.email).sort()).toEqual(['bob@example.com', 'eve@example.com', 'jane@example.com', 'john@example.com']);
    const moves = ['CusEveAaaa', 'CusBobAaaa', 'CusJaneAaa'].map((id) => ({ change: membership(id, `${id}@example.com`), groupId: null }));
    expect((await provider.applyMemberships(moves)).map((r) => r.error)).toEqual([undefined, undefined, undefined]);
    expect(emulator.requests.some((r) => r.status === 0 || r.status === 500)).toBe(true);
  });

  it('never shows a refused client secret', async () => {
    const wrong = 'not-the-secret-123';
    const { provider } = await setup({}, wrong);
    const error = await apiError(provider.read({ groups: [declared('vip')], emails: [], allGroups: false }));
    expect(error).toMatchObject({ provider: 'cl', method: 'POST', path: '/oauth/token', status: 401 });
    expect(error.message).not.toContain(wrong);
    expect(error.detail).toContain('Client authentication failed');
  });

  it('never shows the access token in logs or waits', async () => {
    const ok = await setup();
    await ok.provider.read({ groups: [declared('vip')], emails: ['john@example.com'], allGroups: false });
    const shown = JSON.stringify([ok.log, ok.waits]);
    expect(shown).not.toContain(SANDBOX_CL_CLIENT_SECRET);
    expect(shown).not.toMatch(/eyJ/); // no JWT
    expect(ok.log.length).toBeGreaterThan(1);
  });
});
