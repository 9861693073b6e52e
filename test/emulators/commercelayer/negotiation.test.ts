import { afterEach, describe, expect, it } from 'vitest';
import { JSONAPI, openSession, type Session } from './harness.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.emulator.close();
  session = undefined;
});

async function start() {
  session = await openSession();
  return session;
}

describe('media types', () => {
  it.each([
    ['application/json', 'application/json'],
    ['a wildcard', '*/*'],
    ['a media type parameter', `${JSONAPI}; ext=bulk`],
  ])('answers 406 for Accept: %s', async (_case, accept) => {
    const { call } = await start();
    const reply = await call('GET', '/api/customers', undefined, { Accept: accept });
    expect(reply.status).toBe(406);
    expect(reply.body.errors[0]).toMatchObject({ title: 'Not acceptable', code: 'NOT_ACCEPTABLE', status: '406' });
  });

  it('accepts the JSON:API type among others and with a q weight', async () => {
    const { call } = await start();
    expect((await call('GET', '/api/customers', undefined, { Accept: `application/json, ${JSONAPI};q=0.9` })).status).toBe(200);
  });

  it('answers 415 for a write that is not application/vnd.api+json', async () => {
    const { call } = await start();
    const body = { data: { type: 'customer_groups', attributes: { name: 'x' } } };
    const reply = await call('POST', '/api/customer_groups', body, { 'Content-Type': 'application/json' });
    expect(reply.status).toBe(415);
    expect(reply.body.errors[0]).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: '415' });
    expect((await call('POST', '/api/customer_groups', body, { 'Content-Type': `${JSONAPI}; charset=utf-8` })).status).toBe(201);
  });

  it('does not ask for a Content-Type on DELETE', async () => {
    const { call } = await start();
    expect((await call('DELETE', '/api/customer_groups/GrpNoCodeA')).status).toBe(204);
  });
});

describe('routing', () => {
  it('answers 404 in the JSON:API error format for an unknown path', async () => {
    const { call } = await start();
    const reply = await call('GET', '/api/skus');
    expect(reply.status).toBe(404);
    expect(reply.body.errors[0]).toMatchObject({ code: 'NOT_FOUND', status: '404' });
  });

  it('answers 405 with Allow for a method the path does not take', async () => {
    const { call } = await start();
    const reply = await call('PUT', '/api/customer_groups/GrpVipAaaa', { data: {} });
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('GET, PATCH, DELETE');
  });
});
