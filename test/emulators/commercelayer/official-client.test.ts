// Fidelity: Commerce Layer's official clients, @commercelayer/js-auth and @commercelayer/sdk, used as their READMEs
// show, against the emulator over real HTTP on 127.0.0.1, through every operation groupform performs (client
// credentials, lists by code / id / group / e-mail with include and sparse fieldsets, pages, create, update, set and
// clear a customer's group, delete, 404, 422) plus what the clients themselves rely on: the token's claims,
// jwtVerify against the issuer's published keys, filters, nested includes, relationship links, and revoke.
//
// The clients only know the platform's hosts (https://auth.commercelayer.io, https://{slug}.commercelayer.io), so
// the global fetch they call is swapped for one that sends those two hosts to the emulator and refuses any other.
import { authenticate, getCoreApiBaseEndpoint, InvalidTokenError, jwtDecode, jwtIsIntegration, jwtVerify, revoke } from '@commercelayer/js-auth';
import { CommerceLayerStatic } from '@commercelayer/sdk';
import { CommerceLayer } from '@commercelayer/sdk/bundle';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  startCommerceLayerEmulator,
  SANDBOX_CL_CLIENT_ID,
  SANDBOX_CL_CLIENT_SECRET,
  type CommerceLayerEmulator,
} from '../../../src/emulators/commercelayer/index.js';
import { customer, group, seedState } from './harness.js';

const clientId = SANDBOX_CL_CLIENT_ID;
const clientSecret = SANDBOX_CL_CLIENT_SECRET;

let emulator: CommerceLayerEmulator;
let accessToken: string;
let cl: ReturnType<typeof CommerceLayer>;
const realFetch = globalThis.fetch;

/** The platform's two hosts go to the emulator; anything else is refused (tests only talk to loopback). */
function loopbackFetch(target: string): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'https:' || !['auth.commercelayer.io', 'acme.commercelayer.io'].includes(url.host)) {
      throw new Error(`the fidelity test refuses to leave loopback: ${url.origin}`);
    }
    const routed = `${target}${url.pathname}${url.search}`;
    return input instanceof Request ? realFetch(new Request(routed, input), init) : realFetch(routed, init);
  };
}

/** The SDK's error for a refused call: status and the platform's error objects (README, "Handling validation errors"). */
async function apiError(promise: Promise<unknown>): Promise<{ status?: number; errors: { code: string; source?: unknown }[] }> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!CommerceLayerStatic.isApiError(error)) throw new Error(`expected the SDK's ApiError, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  const state = seedState();
  state.customer_groups.push(group('GrpManyAaa', 'Many', 'many'));
  for (let i = 0; i < 30; i++) state.customers.push(customer(`CusMany${String(i).padStart(3, '0')}`, `many${i}@example.com`, 'GrpManyAaa'));
  // The documented test-mode rate limits stay on: the clients must live with them as they would on the platform.
  emulator = await startCommerceLayerEmulator({ state, host: '127.0.0.1' });
  vi.stubGlobal('fetch', loopbackFetch(emulator.url));

  // js-auth README, "Client credentials" for an integration.
  const auth = await authenticate('client_credentials', { clientId, clientSecret });
  accessToken = auth.accessToken;
  // SDK README, "Bundled client import": the organization and domain come from the token.
  cl = CommerceLayer({ accessToken });
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await emulator?.close();
});

describe('@commercelayer/js-auth against the emulator', () => {
  it('authenticates with client credentials and gets a token shaped as documented', async () => {
    const auth = await authenticate('client_credentials', { clientId, clientSecret });
    expect(auth).toMatchObject({ tokenType: 'bearer', expiresIn: 7200, scope: 'market:all' });
    expect(auth.expires).toBeInstanceOf(Date);
    const { header, payload } = jwtDecode(auth.accessToken);
    expect(header).toMatchObject({ alg: 'RS512', kid: expect.any(String) });
    expect(jwtIsIntegration(payload)).toBe(true);
    expect(payload).toMatchObject({ organization: { slug: 'acme', id: 'OrgAcmeXyz' }, test: true, iss: 'https://auth.commercelayer.io' });
    expect(getCoreApiBaseEndpoint(auth.accessToken)).toBe('https://acme.commercelayer.io');
  });

  it('reports wrong credentials as errors, as the README shows', async () => {
    const auth = await authenticate('client_credentials', { clientId, clientSecret: 'wrong' });
    expect(auth.errors?.[0]).toMatchObject({ code: 'UNAUTHORIZED', status: '401' });
    expect(auth.accessToken).toBeUndefined();
  });

  it('verifies the token with jwtVerify against the keys the emulator publishes, and rejects a tampered one', async () => {
    const decoded = await jwtVerify(accessToken);
    expect(jwtIsIntegration(decoded.payload) && decoded.payload.organization.slug).toBe('acme');

    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { organization: { slug: string } };
    claims.organization.slug = 'someone-else';
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    await expect(jwtVerify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
  });
});

describe('@commercelayer/sdk through what groupform does', () => {
  it('lists groups by code and by id with a sparse fieldset, and filters by date as documented', async () => {
    const list = (filters: Record<string, string>) =>
      cl.customer_groups.list({
        filters,
        fields: { customer_groups: ['name', 'code', 'reference', 'reference_origin', 'metadata', 'updated_at'] },
        pageSize: 25,
      });
    const byCode = await list({ code_in: 'vip,gold' });
    expect(Array.from(byCode, (g) => g.code).sort()).toEqual(['Gold', 'vip']);
    expect(byCode.first()).not.toHaveProperty('created_at');
    expect(Array.from(await list({ id_in: 'GrpNoCodeA' }), (g) => g.name)).toEqual(['No code']);
    expect(await cl.customer_groups.list({ filters: { created_at_gt: '2099-01-01' } })).toHaveLength(0);
    expect(Array.from(await cl.customer_groups.list({ filters: { name_or_code_eq: 'vip' } }), (g) => g.id)).toEqual(['GrpVipAaaa']);
  });

  it('lists customers by group and by e-mail with their group included, page by page', async () => {
    // groupform's reading query (src/providers/commercelayer/read.ts), as SDK parameters.
    const list = (filters: Record<string, string>, pageNumber = 1) =>
      cl.customers.list({
        filters,
        include: ['customer_group'],
        fields: { customers: ['email', 'updated_at', 'customer_group'], customer_groups: ['code'] },
        pageSize: 25,
        pageNumber,
      });
    const members = await list({ customer_group_id_in: 'GrpVipAaaa,GrpGoldAaa' });
    expect(Array.from(members, (c) => [c.email, c.customer_group?.code])).toEqual([
      ['john@example.com', 'vip'],
      ['jane@example.com', 'vip'],
      ['bob@example.com', 'Gold'],
    ]);
    const declared = await list({ email_in: 'eve@example.com,john@example.com' });
    expect(Array.from(declared, (c) => [c.email, c.customer_group?.id ?? null])).toEqual([
      ['john@example.com', 'GrpVipAaaa'],
      ['eve@example.com', null],
    ]);

    const first = await list({ customer_group_id_eq: 'GrpManyAaa' });
    expect([first.length, first.recordCount, first.pageCount, first.hasNextPage()]).toEqual([25, 30, 2, true]);
    const second = await list({ customer_group_id_eq: 'GrpManyAaa' }, 2);
    expect([second.length, second.hasNextPage(), second.hasPrevPage()]).toEqual([5, false, true]);
  });

  it('creates, updates, fills, empties and deletes a group; then 404', async () => {
    const created = await cl.customer_groups.create({ name: 'Wholesale', code: 'wholesale', reference: 'groupform', metadata: { tier: 'b2b' } });
    expect(created).toMatchObject({ type: 'customer_groups', name: 'Wholesale', code: 'wholesale', metadata: { tier: 'b2b' } });
    const updated = await cl.customer_groups.update({ id: created.id, name: 'Wholesale EU', metadata: { tier: 'b2b', region: 'eu' } });
    expect(updated).toMatchObject({ name: 'Wholesale EU', code: 'wholesale', metadata: { region: 'eu' } });

    const joined = await cl.customers.update(
      { id: 'CusEveAaaa', customer_group: cl.customer_groups.relationship(created.id) },
      { fields: { customers: ['email'] } },
    );
    expect(joined.email).toBe('eve@example.com');
    expect(Array.from(await cl.customer_groups.customers(created.id), (c) => c.email)).toEqual(['eve@example.com']);
    await cl.customers.update({ id: 'CusEveAaaa', customer_group: cl.customer_groups.relationship(null) });
    expect(emulator.state().customers.find((c) => c.id === 'CusEveAaaa')?.customer_group_id).toBeNull();

    await cl.customer_groups.delete(created.id);
    const missing = await apiError(cl.customer_groups.retrieve(created.id));
    expect(missing.status).toBe(404);
    expect(missing.errors[0]).toMatchObject({ code: 'RECORD_NOT_FOUND' });
  });

  it("gets the platform's 422 for a code already taken, pointing at the attribute", async () => {
    const taken = await apiError(cl.customer_groups.create({ name: 'VIP again', code: 'VIP' }));
    expect(taken.status).toBe(422);
    expect(taken.errors[0]).toMatchObject({ code: 'VALIDATION_ERROR', source: { pointer: '/data/attributes/code' } });
  });

  it('follows nested includes into linked resources', async () => {
    const john = await cl.customers.retrieve('CusJohnAaa', { include: ['customer_group.customers'] });
    expect(john.customer_group?.code).toBe('vip');
    // John himself is the primary resource: linked by identifier, not repeated in `included` (JSON:API).
    expect(john.customer_group?.customers?.map((c) => [c.id, c.email])).toEqual([
      ['CusJohnAaa', undefined],
      ['CusJaneAaa', 'jane@example.com'],
    ]);
  });

  it('refuses a filter the emulator does not know with the 400 the SDK surfaces, instead of a silent full list', async () => {
    const refused = await apiError(cl.customer_groups.list({ filters: { shoe_size_eq: '42' } }));
    expect(refused.status).toBe(400);
    expect(refused.errors[0]).toMatchObject({ code: 'FILTER_NOT_ALLOWED' });
  });
});

// Last: it revokes the token the other tests share.
describe('revoke (js-auth README, "Revoking a token")', () => {
  it('revokes the access token; the API refuses it afterwards', async () => {
    expect(await revoke({ clientId, clientSecret, token: accessToken })).toEqual({});
    const refused = await apiError(cl.customer_groups.list());
    expect(refused.status).toBe(401);
    expect(refused.errors[0]).toMatchObject({ code: 'INVALID_TOKEN' });
  });
});
