import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../src/http/index.js';
import { TokenSource } from '../../../src/providers/commercelayer/token.js';
import { clAuthErrorDetail } from '../../../src/providers/commercelayer/errors.js';
import { Secret } from '../../../src/model.js';
import { ApiError } from '../../../src/errors.js';
import { fakeClock, json, startServer, type Handler, type TestServer } from '../../http/helpers.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function source(handler: Handler, scope?: string) {
  server = await startServer(handler);
  const clock = fakeClock();
  const settings = { provider: 'cl', clientId: 'id-1', clientSecret: new Secret('shh-secret'), ...(scope ? { scope } : {}) };
  let tokens: TokenSource | undefined;
  const http = createHttpClient({
    provider: 'cl',
    baseUrl: server.url,
    clock,
    errorDetail: clAuthErrorDetail,
    secrets: () => tokens?.secrets() ?? [],
  });
  tokens = new TokenSource(http, settings, clock);
  return { tokens, clock, received: server.received };
}

let issued = 0;
const issue =
  (expiresIn = 7200): Handler =>
  (_q, res) =>
    json(res, 200, { access_token: `jwt-${++issued}`, token_type: 'bearer', expires_in: expiresIn, scope: 'market:all' });

describe('TokenSource', () => {
  it('asks once for calls made together, and sends the scope when given', async () => {
    const { tokens, received } = await source(issue(), 'market:code:europe');
    const values = await Promise.all([tokens.token(), tokens.token(), tokens.token()]);
    expect(new Set(values).size).toBe(1);
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body).scope).toBe('market:code:europe');
  });

  it('reuses the token until shortly before expires_in, then fetches a new one', async () => {
    const { tokens, clock } = await source(issue(100));
    const first = await tokens.token();
    await clock.sleep(89_000);
    expect(await tokens.token()).toBe(first);
    await clock.sleep(2_000); // 91 s: within the last tenth of its life
    expect(await tokens.token()).not.toBe(first);
  });

  it('drops the token a failed call carried, once, however many calls failed with it', async () => {
    const { tokens, received } = await source(issue());
    const sent = await tokens.headers();
    await Promise.all([tokens.refresh(sent), tokens.refresh(sent)]);
    const fresh = await tokens.headers();
    expect(fresh.Authorization).not.toBe(sent.Authorization);
    await tokens.refresh(sent); // a late failure with the old token does not discard the new one
    expect(await tokens.headers()).toEqual(fresh);
    expect(received).toHaveLength(2);
  });

  it('reports a refused credential in the platform words, without the secret', async () => {
    const { tokens } = await source((_q, res) => json(res, 401, { error: 'invalid_client', error_description: 'Unknown client id-1 with secret shh-secret' }));
    const error = await tokens.token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('cl: POST /oauth/token failed (HTTP 401): Unknown client id-1 with secret [redacted]');
  });

  it('refuses an answer without a token', async () => {
    const { tokens } = await source((_q, res) => json(res, 200, { token_type: 'bearer' }));
    await expect(tokens.token()).rejects.toThrow(
      "cl: POST /oauth/token failed (HTTP 200): unexpected answer: expected an access token answer (access_token, expires_in), got JSON that does not fit: the top level must have required property 'access_token'",
    );
  });
});
