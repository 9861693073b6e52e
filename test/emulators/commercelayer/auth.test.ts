import { afterEach, describe, expect, it } from 'vitest';
import { startCommerceLayerEmulator, type CommerceLayerEmulator } from '../../../src/emulators/commercelayer/index.js';
import { fakeClock, JSONAPI, requestToken, sandboxCredentials, seedState } from './harness.js';

const open: CommerceLayerEmulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

async function start(options: Parameters<typeof startCommerceLayerEmulator>[0] = {}) {
  const emulator = await startCommerceLayerEmulator({ state: seedState(), ...options });
  open.push(emulator);
  return emulator;
}

type ErrorBody = { errors: { code: string }[] };

function decode(token: string) {
  const [header, payload] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header!, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(payload!, 'base64url').toString()),
  };
}

function listGroups(url: string, token?: string) {
  return fetch(`${url}/api/customer_groups`, {
    headers: { Accept: JSONAPI, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
}

describe('POST /oauth/token', () => {
  it('issues a bearer JWT shaped like Commerce Layer tokens', async () => {
    const clock = fakeClock();
    const emulator = await start({ now: clock.now, tokenTtlSeconds: 600 });
    const reply = await requestToken(emulator.url, sandboxCredentials);

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 600,
      scope: 'market:all',
      created_at: clock.now() / 1000,
    });
    const { header, payload } = decode(reply.body.access_token);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({
      organization: { id: 'OrgAcmeXyz', slug: 'acme', enterprise: false },
      application: { kind: 'integration', public: false },
      scope: 'market:all',
      test: true,
      iss: 'https://auth.commercelayer.io',
      iat: clock.now() / 1000,
      exp: clock.now() / 1000 + 600,
    });
    expect(payload.application.id).toMatch(/^[A-Za-z]{10}$/);
    expect(payload.rand).toBeLessThan(1);
  });

  it('echoes a requested scope and marks live-mode tokens', async () => {
    const emulator = await start({ mode: 'live' });
    const reply = await requestToken(emulator.url, { ...sandboxCredentials, scope: 'market:code:europe' });
    expect(reply.body.scope).toBe('market:code:europe');
    expect(decode(reply.body.access_token).payload).toMatchObject({ scope: 'market:code:europe', test: false });
  });

  it('accepts a form-encoded request too', async () => {
    const emulator = await start();
    const response = await fetch(`${emulator.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(sandboxCredentials).toString(),
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ['a wrong secret', { ...sandboxCredentials, client_secret: 'nope' }],
    ['an unknown client', { ...sandboxCredentials, client_id: 'someone-else' }],
    ['no secret', { grant_type: 'client_credentials', client_id: sandboxCredentials.client_id }],
  ])('answers 401 with a JSON error for %s, never echoing the secret', async (_case, body) => {
    const emulator = await start();
    const reply = await requestToken(emulator.url, body);
    expect(reply.status).toBe(401);
    expect(reply.body.errors).toEqual([
      { title: 'invalid_client', detail: expect.stringContaining('Client authentication failed'), code: 'UNAUTHORIZED', status: '401' },
    ]);
    expect(JSON.stringify(reply.body)).not.toContain('nope');
  });

  it('uses configured clients instead of the sandbox ones', async () => {
    const emulator = await start({ clients: [{ clientId: 'ci', clientSecret: 'cs' }] });
    expect((await requestToken(emulator.url, sandboxCredentials)).status).toBe(401);
    expect((await requestToken(emulator.url, { grant_type: 'client_credentials', client_id: 'ci', client_secret: 'cs' })).status).toBe(200);
  });

  it('answers 400 for a missing or unsupported grant type', async () => {
    const emulator = await start();
    const { grant_type: _omit, ...noGrant } = sandboxCredentials;
    const missing = await requestToken(emulator.url, noGrant);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ title: 'invalid_request', status: '400' });
    const password = await requestToken(emulator.url, { ...sandboxCredentials, grant_type: 'password' });
    expect(password.status).toBe(400);
    expect(password.body.errors[0]).toMatchObject({ title: 'unsupported_grant_type' });
  });

  it('limits token requests to 30 a minute', async () => {
    const clock = fakeClock();
    const emulator = await start({ now: clock.now });
    for (let i = 0; i < 30; i++) expect((await requestToken(emulator.url, sandboxCredentials)).status).toBe(200);
    const refused = await requestToken(emulator.url, sandboxCredentials);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-limit')).toBe('30');
    expect(refused.headers.get('x-ratelimit-interval')).toBe('60');
    expect(refused.body.errors[0]).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: '429' });
    clock.advance(60_000);
    expect((await requestToken(emulator.url, sandboxCredentials)).status).toBe(200);
  });
});

describe('the API token check', () => {
  it('admits a fresh token and refuses it once expires_in has passed', async () => {
    const clock = fakeClock();
    const emulator = await start({ now: clock.now, tokenTtlSeconds: 1 });
    const token = (await requestToken(emulator.url, sandboxCredentials)).body.access_token;
    expect((await listGroups(emulator.url, token)).status).toBe(200);

    clock.advance(1000);
    const expired = await listGroups(emulator.url, token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({
      errors: [{ title: 'Invalid token', detail: 'The access token you provided is invalid.', code: 'INVALID_TOKEN', status: '401' }],
    });
  });

  it('refuses a token it did not issue', async () => {
    const emulator = await start();
    const other = await start();
    const foreign = (await requestToken(other.url, sandboxCredentials)).body.access_token as string;
    const [header, payload] = foreign.split('.');

    for (const token of [foreign, 'garbage', `${header}.${payload}.`]) {
      const response = await listGroups(emulator.url, token);
      expect(response.status).toBe(401);
      expect(((await response.json()) as ErrorBody).errors[0]!.code).toBe('INVALID_TOKEN');
    }
  });

  it('answers 401 UNAUTHORIZED without an Authorization header', async () => {
    const emulator = await start();
    const response = await listGroups(emulator.url);
    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorBody).errors[0]).toMatchObject({ code: 'UNAUTHORIZED', status: '401' });
  });
});
