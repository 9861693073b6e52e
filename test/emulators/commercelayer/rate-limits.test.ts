import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock, openSession, type Reply, type Session } from './harness.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.emulator.close();
  session = undefined;
});

async function start(options: Parameters<typeof openSession>[0]) {
  session = await openSession(options);
  return session;
}

const limitHeaders = (reply: Reply) => ({
  limit: reply.headers.get('x-ratelimit-limit'),
  interval: reply.headers.get('x-ratelimit-interval'),
  remaining: reply.headers.get('x-ratelimit-remaining'),
});

describe('rate limits', () => {
  it('sends the test-mode average limit on every API response, errors included', async () => {
    const { call } = await start({ rateLimits: undefined });
    expect(limitHeaders(await call('GET', '/api/customers'))).toEqual({ limit: '100', interval: '60', remaining: '99' });
    expect(limitHeaders(await call('GET', '/api/customers/NoSuchCust'))).toEqual({ limit: '100', interval: '60', remaining: '98' });
    const write = await call('PATCH', '/api/customer_groups/GrpVipAaaa', { data: { type: 'customer_groups', id: 'GrpVipAaaa', attributes: {} } });
    expect(limitHeaders(write)).toEqual({ limit: '100', interval: '60', remaining: '99' });
  });

  // https://docs.commercelayer.io/core/rate-limits : the headers come with every answer the limiter counts.
  it('sends them on 404s for unknown paths and on 405s too, counting those requests', async () => {
    const { call } = await start({ rateLimits: undefined });
    const unknown = await call('GET', '/api/skus');
    expect(unknown.status).toBe(404);
    expect(limitHeaders(unknown)).toEqual({ limit: '100', interval: '60', remaining: '99' });
    const wrongMethod = await call('PUT', '/api/customer_groups/GrpVipAaaa', { data: {} });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, PATCH, DELETE');
    expect(limitHeaders(wrongMethod)).toEqual({ limit: '100', interval: '60', remaining: '99' });
    expect(limitHeaders(await call('GET', '/api/customers'))).toEqual({ limit: '100', interval: '60', remaining: '98' });
  });

  it('uses the live-mode numbers in live mode', async () => {
    const { call } = await start({ rateLimits: undefined, mode: 'live' });
    expect(limitHeaders(await call('GET', '/api/customers')).limit).toBe('200');
  });

  for (const [mode, burst] of [
    ['test', 25],
    ['live', 50],
  ] as const) {
    it(`${mode} mode: ${burst} reads and ${burst} writes per endpoint in 10 s, counted apart, then 429 with the burst's headers`, async () => {
      const clock = fakeClock();
      const { call } = await start({ now: clock.now, rateLimits: undefined, mode });
      const patch = { data: { type: 'customer_groups', id: 'GrpVipAaaa', attributes: {} } };
      for (let i = 0; i < burst; i++) {
        expect((await call('GET', '/api/customers/CusJohnAaa')).status).toBe(200);
        expect((await call('PATCH', '/api/customer_groups/GrpVipAaaa', patch)).status).toBe(200);
      }
      const read = await call('GET', '/api/customers/CusJaneAaa');
      const write = await call('PATCH', '/api/customer_groups/GrpVipAaaa', patch);
      for (const refused of [read, write]) {
        expect(refused.status).toBe(429);
        expect(limitHeaders(refused)).toEqual({ limit: String(burst), interval: '10', remaining: '0' });
      }
    });
  }

  it('refuses the request past an endpoint burst with 429, and admits it again once the window slides', async () => {
    const clock = fakeClock();
    const { call } = await start({
      now: clock.now,
      rateLimits: { uncacheable: { average: { limit: 10, intervalSeconds: 60 }, burst: { limit: 3, intervalSeconds: 10 } } },
    });
    for (let i = 0; i < 3; i++) expect((await call('GET', `/api/customers/CusJohnAaa`)).status).toBe(200);
    // Another id is the same endpoint (method + route template) and shares its burst.
    const refused = await call('GET', '/api/customers/CusJaneAaa');
    expect(refused.status).toBe(429);
    expect(limitHeaders(refused)).toEqual({ limit: '3', interval: '10', remaining: '0' });
    expect(refused.body).toEqual({
      errors: [
        {
          title: 'Too many requests',
          detail: 'You have exceeded the rate limit of 3 requests per 10 seconds. Please retry later.',
          code: 'TOO_MANY_REQUESTS',
          status: '429',
        },
      ],
    });
    // Another endpoint of the class still has its own burst budget.
    expect((await call('GET', '/api/customers')).status).toBe(200);

    clock.advance(10_000);
    expect((await call('GET', '/api/customers/CusJaneAaa')).status).toBe(200);
  });

  it('refuses past the class average across endpoints, and keeps writes apart from reads', async () => {
    const clock = fakeClock();
    const { call } = await start({
      now: clock.now,
      rateLimits: {
        uncacheable: { average: { limit: 4, intervalSeconds: 60 }, burst: { limit: 25, intervalSeconds: 10 } },
        writes: { average: { limit: 2, intervalSeconds: 60 } },
      },
    });
    const paths = ['/api/customers', '/api/customer_groups', '/api/customers/CusJohnAaa', '/api/customer_groups/GrpVipAaaa'];
    for (const path of paths) expect((await call('GET', path)).status).toBe(200);
    const refused = await call('GET', '/api/customers/CusJohnAaa/customer_group');
    expect(refused.status).toBe(429);
    expect(limitHeaders(refused)).toEqual({ limit: '4', interval: '60', remaining: '0' });

    expect((await call('DELETE', '/api/customer_groups/GrpNoCodeA')).status).toBe(204);
    expect((await call('DELETE', '/api/customer_groups/NoSuchGrpx')).status).toBe(404);
    expect((await call('DELETE', '/api/customer_groups/GrpGoldAaa')).status).toBe(429);

    clock.advance(59_999);
    expect((await call('GET', '/api/customers')).status).toBe(429);
    clock.advance(1);
    expect((await call('GET', '/api/customers')).status).toBe(200);
  });

  it('sends no limit headers and never 429 when limits are off', async () => {
    const { call } = await start({ rateLimits: false });
    for (let i = 0; i < 30; i++) {
      const reply = await call('GET', '/api/customers');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('x-ratelimit-limit')).toBeNull();
    }
  });
});
