import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClientOptions } from '../../src/http/client.js';
import type { HttpLogEntry } from '../../src/http/log.js';
import { ApiError } from '../../src/errors.js';
import { anyAnswer, shape } from '../../src/http/shape.js';
import { all, closedPortUrl, fakeClock, json, startServer, type Handler, type TestServer } from './helpers.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server answering from a script, one entry per request (the last one repeats). */
async function scripted(...steps: Handler[]): Promise<TestServer> {
  let i = 0;
  server = await startServer((req, res) => steps[Math.min(i++, steps.length - 1)]!(req, res));
  return server;
}

function client(url: string, extra: Partial<HttpClientOptions> = {}) {
  const clock = fakeClock();
  const log: HttpLogEntry[] = [];
  const waits: string[] = [];
  const http = createHttpClient({
    provider: 'test',
    baseUrl: url,
    clock,
    log: (entry) => log.push(entry),
    onWait: (message) => waits.push(message),
    ...extra,
  });
  return { http, clock, log, waits };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const ok: Handler = (_req, res) => json(res, 200, { ok: true });

describe('retries', () => {
  it('retries a GET after a 500 and returns the later success, logging each attempt', async () => {
    const { url } = await scripted((_q, res) => json(res, 500, { message: 'boom' }), ok);
    const { http, clock, log, waits } = client(url);
    await expect(http.request('/things', { shape: anyAnswer, query: { 'page[size]': 25 } })).resolves.toEqual({ ok: true });
    expect(log.map((e) => [e.method, e.path, e.status, e.attempt])).toEqual([
      ['GET', '/things?page[size]=25', 500, 1],
      ['GET', '/things?page[size]=25', 200, 2],
    ]);
    // Full jitter: random 0.5 of the first cap (500 ms).
    expect(clock.sleeps).toEqual([250]);
    expect(waits).toEqual(['test: HTTP 500 on GET /things, retry 1 of 4 in 0.3 s']);
  });

  it('gives up after the configured number of attempts', async () => {
    const { url, received } = await scripted((_q, res) => json(res, 503, {}));
    const { http } = client(url, { attempts: 3 });
    const error = await failure(http.request('/things', { shape: anyAnswer }));
    expect(error.status).toBe(503);
    expect(received).toHaveLength(3);
  });

  it('does not retry a POST after a 500: the create may have happened', async () => {
    const { url, received } = await scripted((_q, res) => json(res, 500, {}));
    const { http, clock } = client(url);
    const error = await failure(http.request('/things', { shape: anyAnswer, method: 'POST', body: { a: 1 } }));
    expect(error.status).toBe(500);
    expect(received).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries a POST after a 429', async () => {
    const { url, received } = await scripted((_q, res) => json(res, 429, {}, { 'retry-after': '1' }), ok);
    const { http } = client(url);
    await expect(http.request('/things', { shape: anyAnswer, method: 'POST', body: { a: 1 } })).resolves.toEqual({ ok: true });
    expect(received.map((r) => r.body)).toEqual(['{"a":1}', '{"a":1}']);
  });

  it('retries a POST whose connection was refused, as it never reached the platform', async () => {
    const { http, log } = client(await closedPortUrl(), { attempts: 3 });
    const error = await failure(http.request('/things', { shape: anyAnswer, method: 'POST', body: {} }));
    expect(error.status).toBe(0);
    expect(error.detail).toContain('ECONNREFUSED');
    expect(log.map((e) => [e.status, e.attempt])).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
  });

  it('times out each attempt; retries a GET but never a POST after a timeout', async () => {
    const { url, received } = await scripted(() => undefined); // never answers
    const { http } = client(url, { timeoutMs: 50, attempts: 2 });
    const post = await failure(http.request('/things', { shape: anyAnswer, method: 'POST', body: {} }));
    expect(post.detail).toBe('no response within 0.05 s');
    expect(received).toHaveLength(1);
    const get = await failure(http.request('/things', { shape: anyAnswer }));
    expect(get.status).toBe(0);
    expect(received).toHaveLength(3);
  });
});

describe('waits a 429 asks for', () => {
  const cases: [string, Record<string, string>, number][] = [
    ['Retry-After in seconds', { 'retry-after': '3' }, 3000],
    ['Retry-After as an HTTP date', { 'retry-after': 'Wed, 01 Jan 2025 00:00:07 GMT' }, 7000],
    ['BigCommerce X-Rate-Limit-Time-Reset-Ms', { 'x-rate-limit-time-reset-ms': '4500' }, 4500],
    ['the longer of X-Retry-After and X-Rate-Limit-Time-Reset-Ms', { 'x-retry-after': '6', 'x-rate-limit-time-reset-ms': '2000' }, 6000],
    ['Commerce Layer X-Ratelimit-Interval', { 'x-ratelimit-interval': '10', 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0' }, 10_000],
  ];
  for (const [name, headers, ms] of cases) {
    it(`honours ${name}`, async () => {
      const { url } = await scripted((_q, res) => json(res, 429, { errors: [] }, headers), ok);
      const { http, clock } = client(url);
      await http.request('/things', { shape: anyAnswer });
      expect(clock.sleeps).toEqual([ms]);
    });
  }

  it('backs off with jitter when a 429 names no wait, and caps what a header may impose', async () => {
    const { url } = await scripted(
      (_q, res) => json(res, 429, {}),
      (_q, res) => json(res, 429, {}, { 'retry-after': '3600' }),
      ok,
    );
    const { http, clock } = client(url, { maxWaitMs: 60_000 });
    await http.request('/things', { shape: anyAnswer });
    expect(clock.sleeps).toEqual([250, 60_000]);
  });
});

describe('auth', () => {
  const expired: Handler = (_q, res) => json(res, 401, { errors: [{ code: 'INVALID_TOKEN', detail: 'expired' }] });
  function tokenAuth() {
    let n = 1;
    const refreshes: Record<string, string>[] = [];
    return {
      refreshes,
      auth: {
        headers: async () => ({ authorization: `Bearer token-${n}` }),
        isExpired: (_s: number, body: unknown) => JSON.stringify(body).includes('INVALID_TOKEN'),
        refresh: async (sent: Record<string, string>) => {
          refreshes.push(sent);
          n++;
        },
      },
    };
  }

  it('refreshes once on a recognised 401 and retries with the new credential', async () => {
    const { url, received } = await scripted(expired, ok);
    const { auth, refreshes } = tokenAuth();
    const { http } = client(url, { auth });
    await expect(http.request('/things', { shape: anyAnswer })).resolves.toEqual({ ok: true });
    expect(refreshes).toEqual([{ authorization: 'Bearer token-1' }]);
    expect(received.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('gives up when the 401 persists after one refresh', async () => {
    const { url, received } = await scripted(expired);
    const { auth, refreshes } = tokenAuth();
    const { http } = client(url, { auth, errorDetail: () => 'expired' });
    const error = await failure(http.request('/things', { shape: anyAnswer }));
    expect(error.status).toBe(401);
    expect(refreshes).toHaveLength(1);
    expect(received).toHaveLength(2);
  });

  it('does not refresh on a 401 the adapter does not recognise', async () => {
    const { url, received } = await scripted((_q, res) => json(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }));
    const { auth, refreshes } = tokenAuth();
    const { http } = client(url, { auth });
    expect((await failure(http.request('/things', { shape: anyAnswer }))).status).toBe(401);
    expect(refreshes).toHaveLength(0);
    expect(received).toHaveLength(1);
  });
});

describe('errors', () => {
  it('carries provider, method, path, status and the platform message from errorDetail', async () => {
    const { url } = await scripted((_q, res) => json(res, 422, { errors: [{ detail: 'name - is too long' }] }));
    const { http } = client(url, {
      errorDetail: (_s, body) => (body as { errors: { detail: string }[] }).errors[0]?.detail,
    });
    const error = await failure(http.request('/groups/7', { shape: anyAnswer, method: 'PATCH', body: {}, query: { include: 'x' } }));
    expect(error).toMatchObject({ provider: 'test', method: 'PATCH', path: '/groups/7', status: 422, detail: 'name - is too long' });
    expect(error.message).toBe('test: PATCH /groups/7 failed (HTTP 422): name - is too long');
  });

  it('falls back to the text body, then to the status text', async () => {
    const { url } = await scripted(
      (_q, res) => void res.writeHead(404, { 'content-type': 'text/plain' }).end('no such thing'),
      (_q, res) => void res.writeHead(403).end(),
    );
    const { http } = client(url);
    expect((await failure(http.request('/a', { shape: anyAnswer }))).detail).toBe('no such thing');
    expect((await failure(http.request('/b', { shape: anyAnswer }))).detail).toBe('Forbidden');
  });

  it('never lets a secret out, even when the platform echoes it', async () => {
    const { url } = await scripted((q, res) => json(res, 400, { message: `bad key ${q.headers['x-api-key']} and token ${q.headers.authorization}` }));
    const { http, log } = client(url, {
      headers: { 'x-api-key': 'k3y-s3cret' },
      secrets: () => ['k3y-s3cret'],
      auth: { headers: async () => ({ authorization: 'Bearer tok-abc' }) },
      errorDetail: (_s, body) => (body as { message: string }).message,
    });
    const error = await failure(http.request('/things', { shape: anyAnswer, query: { key: 'k3y-s3cret' } }));
    expect(error.message).toBe('test: GET /things failed (HTTP 400): bad key [redacted] and token [redacted]');
    expect(log[0]!.path).toBe('/things?key=[redacted]');
  });
});

describe('trust', () => {
  it('shortens a long error body after redacting it, so that no part of a secret shows', async () => {
    const { url } = await scripted(
      (_q, res) => void res.writeHead(400, { 'content-type': 'text/plain' }).end(`${'x'.repeat(495)}k3y-s3cret${'y'.repeat(10_000)}`),
    );
    const { http } = client(url, { secrets: () => ['k3y-s3cret'] });
    const error = await failure(http.request('/things', { shape: anyAnswer }));
    expect(error.detail).toBe(`${'x'.repeat(495)}[reda…`);
  });

  it('follows no redirect: the error names both URLs and the second host gets no credential', async () => {
    const second = await startServer((_q, res) => json(res, 200, {}));
    try {
      const { url } = await scripted((_q, res) => void res.writeHead(302, { location: `${second.url}/elsewhere` }).end());
      const { http, log } = client(url, { auth: { headers: async () => ({ authorization: 'Bearer tok-abc' }) } });
      const error = await failure(http.request('/things', { shape: anyAnswer, query: { a: 1 } }));
      expect(error.code).toBe('api-redirect');
      expect(error.message).toBe(
        `test: GET /things failed (HTTP 302): redirected from ${url}/things to ${second.url}/elsewhere; groupform follows no redirect (check the provider's address settings)`,
      );
      expect(second.received).toEqual([]);
      expect(log.map((e) => e.status)).toEqual([302]);
    } finally {
      await second.close();
    }
  });

  it('reads no more than maxResponseBytes of a body, and logs the call with its status', async () => {
    const { url } = await scripted((_q, res) => json(res, 200, { text: 'x'.repeat(100) }));
    const { http, log } = client(url, { maxResponseBytes: 50 });
    const error = await failure(http.request('/big', { shape: anyAnswer }));
    expect(error.code).toBe('api-too-large');
    expect(error.detail).toBe('the answer is larger than 50 bytes, the most groupform reads from one call (max_response_mb)');
    expect(log.map((e) => e.status)).toEqual([200]);
  });

  it('hands over only a body of the documented shape', async () => {
    const { url } = await scripted(
      (_q, res) => json(res, 200, { data: {} }),
      (_q, res) => json(res, 200, [1, 2]),
    );
    const { http } = client(url);
    const list = shape<number[]>('a list of numbers', { type: 'array', items: { type: 'number' } });
    const error = await failure(http.request('/list', { shape: list }));
    expect(error.code).toBe('api-unexpected');
    expect(error.message).toBe(
      'test: GET /list failed (HTTP 200): unexpected answer: expected a list of numbers, got JSON that does not fit: the top level must be array',
    );
    await expect(http.request('/list', { shape: list })).resolves.toEqual([1, 2]);
  });
});

describe('client-side limits', () => {
  it('frees the slot of a call whose body never finishes', async () => {
    const { url } = await scripted((_q, res) => void res.writeHead(200, { 'content-type': 'application/json' }).write('{"partial":'), ok);
    // Long enough for the next call to answer in time on a loaded machine (with coverage on, 50 ms was not).
    const { http, log } = client(url, { timeoutMs: 500, attempts: 1, limits: { concurrency: 1, rules: [] } });
    expect((await failure(http.request('/stalls', { shape: anyAnswer }))).detail).toBe('no response within 0.5 s');
    await expect(http.request('/next', { shape: anyAnswer })).resolves.toEqual({ ok: true });
    expect(log.map((e) => [e.path, e.status])).toEqual([
      ['/stalls', 0],
      ['/next', 200],
    ]);
  });

  it('never has more calls in flight than its concurrency', async () => {
    let inFlight = 0;
    let most = 0;
    server = await startServer((_q, res) => {
      most = Math.max(most, ++inFlight);
      setTimeout(() => {
        inFlight--;
        json(res, 200, {});
      }, 5);
    });
    const http = createHttpClient({ provider: 't', baseUrl: server.url, limits: { concurrency: 3, rules: [] } });
    await Promise.all(Array.from({ length: 12 }, (_, i) => http.request(`/n/${i}`, { shape: anyAnswer })));
    expect(most).toBe(3);
  });

  it('starts no more calls in a window than its rate allows', async () => {
    const { url } = await scripted(ok);
    const starts: number[] = [];
    const { http, clock } = client(url, {
      limits: { concurrency: 10, rules: [all(4, 1000)] },
      log: (entry) => starts.push(clock.now() - entry.ms),
    });
    await Promise.all(Array.from({ length: 10 }, () => http.request('/x', { shape: anyAnswer })));
    expect(starts).toHaveLength(10);
    for (const t of starts) expect(starts.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(4);
    // Ten calls at four a second need at least two full windows of waiting.
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2000);
  });
});

describe('limiter waits', () => {
  it('reports only the waits a person would notice', async () => {
    const { url } = await scripted(ok);
    const { http, waits } = client(url, { limits: { concurrency: 1, rules: [all(1, 500), all(2, 5000)] } });
    for (let i = 0; i < 3; i++) await http.request('/things', { shape: anyAnswer });
    // The second call waits 0.5 s for the short window (not reported); the third, at 0.5 s, waits until the
    // first leaves the long window at 5 s.
    expect(waits).toEqual(['test: client rate limit (calls: 2 per 5 s), waiting 4.5 s']);
  });
});
