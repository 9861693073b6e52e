import type { webcrypto } from 'node:crypto';
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
    // RS512 with a kid, and the claims js-auth's JWTIntegration type documents.
    expect(header).toEqual({ alg: 'RS512', typ: 'JWT', kid: expect.any(String) });
    expect(payload).toMatchObject({
      organization: { id: 'OrgAcmeXyz', slug: 'acme', enterprise: false, region: expect.any(String) },
      application: { kind: 'integration', public: false, confidential: true, client_id: sandboxCredentials.client_id },
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

// https://docs.commercelayer.io/core/authentication : tokens are RS512 JWTs that js-auth's jwtVerify checks
// (RSASSA-PKCS1-v1_5, SHA-512) against the key whose `kid` the token names, from `${iss}/.well-known/jwks.json`.
describe('GET /.well-known/jwks.json', () => {
  it('publishes the public key that verifies the tokens, under the kid they name', async () => {
    const emulator = await start();
    const token = (await requestToken(emulator.url, sandboxCredentials)).body.access_token as string;
    const response = await fetch(`${emulator.url}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: (webcrypto.JsonWebKey & { kid: string })[] };
    const jwk = keys.find((k) => k.kid === decode(token).header.kid);
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS512', use: 'sig' });
    expect(jwk).not.toHaveProperty('d'); // the public half only

    const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' };
    const key = await crypto.subtle.importKey('jwk', jwk!, algorithm, false, ['verify']);
    const [header, payload, signature] = token.split('.');
    const data = new TextEncoder().encode(`${header}.${payload}`);
    expect(await crypto.subtle.verify(algorithm, key, Buffer.from(signature!, 'base64url'), data)).toBe(true);
    const tampered = new TextEncoder().encode(`${header}.${payload}x`);
    expect(await crypto.subtle.verify(algorithm, key, Buffer.from(signature!, 'base64url'), tampered)).toBe(false);
  });
});

// https://docs.commercelayer.io/core/authentication/revoking-a-token
describe('POST /oauth/revoke', () => {
  const revoke = (url: string, body: Record<string, string>) =>
    fetch(`${url}/oauth/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });

  it('revokes an integration token before it expires: the API refuses it afterwards, other tokens still pass', async () => {
    const emulator = await start();
    const token = (await requestToken(emulator.url, sandboxCredentials)).body.access_token as string;
    const other = (await requestToken(emulator.url, sandboxCredentials)).body.access_token as string;
    expect((await listGroups(emulator.url, token)).status).toBe(200);

    const { client_id, client_secret } = sandboxCredentials;
    const response = await revoke(emulator.url, { client_id, client_secret, token });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    const refused = await listGroups(emulator.url, token);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as ErrorBody).errors[0]!.code).toBe('INVALID_TOKEN');
    expect((await listGroups(emulator.url, other)).status).toBe(200);
    // Revoking again is not an error (RFC 7009).
    expect((await revoke(emulator.url, { client_id, client_secret, token })).status).toBe(200);
  });

  it("needs the client secret of a confidential client, and only revokes that client's tokens", async () => {
    const emulator = await start({
      clients: [
        { clientId: 'a', clientSecret: 'sa' },
        { clientId: 'b', clientSecret: 'sb' },
      ],
    });
    const token = (await requestToken(emulator.url, { grant_type: 'client_credentials', client_id: 'a', client_secret: 'sa' })).body.access_token as string;
    const noSecret = await revoke(emulator.url, { client_id: 'a', token });
    expect(noSecret.status).toBe(401);
    expect(JSON.stringify(await noSecret.json())).not.toContain('sa"');
    expect((await revoke(emulator.url, { client_id: 'b', client_secret: 'sb', token })).status).toBe(403);
    expect((await revoke(emulator.url, { client_id: 'a', client_secret: 'sa' })).status).toBe(400);
    expect((await listGroups(emulator.url, token)).status).toBe(200);
  });
});
