// Issue 10, item 7: a 200 that is not the documented shape (an HTML page, an empty body, JSON of another
// shape, `data` missing) is an error naming the provider, the call and what was wrong. It is never read as
// "no groups", which would plan creating groups that exist, and never crashes on a property of undefined.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, expectRefused, hostile, json, NAME, planAgainst, withToken, type Platform } from './hostile.js';

afterEach(closeAll);

const HTML = '<!DOCTYPE html><html><head><title>Maintenance</title></head><body>Back soon</body></html>';
const html = (res: ServerResponse) => void res.writeHead(200, { 'content-type': 'text/html' }).end(HTML);
const empty = (res: ServerResponse) => void res.writeHead(200, { 'content-type': 'application/json' }).end();

interface Case {
  platform: Platform;
  what: string;
  answer: (res: ServerResponse, url: URL) => void;
  call: string;
  detail: RegExp;
}

const NOT_JSON = /got a body that is not JSON: "<!DOCTYPE html><html><head><title>Maintenance<\/title><\/head>…"/;

const cases: Case[] = [
  // Xtrakit: each of these was read as "no groups".
  { platform: 'xtrakit', what: 'an HTML page', answer: html, call: 'GET /api/v1/', detail: NOT_JSON },
  {
    platform: 'xtrakit',
    what: 'an empty body',
    answer: empty,
    call: 'GET /api/v1/',
    detail: /failed \(HTTP 200\): unexpected answer: expected \{data: \{(groups|customers): \[\.\.\.\]\}\}, got an empty body/,
  },
  {
    platform: 'xtrakit',
    what: 'a list under another key',
    answer: (res) => json(res, 200, { status: 200, message: 'ok', data: { items: [] } }),
    call: 'GET /api/v1/',
    detail: /got JSON that does not fit: \/data must have required property '(groups|customers)'/,
  },
  {
    platform: 'xtrakit',
    what: 'no data at all',
    answer: (res) => json(res, 200, { status: 200, message: 'Groups found: 0' }),
    call: 'GET /api/v1/',
    detail: /got JSON that does not fit: the top level must have required property 'data'/,
  },
  {
    platform: 'xtrakit',
    what: 'rows without an id',
    answer: (res, url) =>
      json(res, 200, { status: 200, message: 'ok', data: { [url.pathname.endsWith('/customers') ? 'customers' : 'groups']: [{ group_name: 'VIP' }] } }),
    call: 'GET /api/v1/',
    detail: /got JSON that does not fit: \/data\/(groups|customers) must match a schema in anyOf/,
  },
  // BigCommerce: an empty 200 was read as "no groups" (a 204 still means an empty list).
  {
    platform: 'bigcommerce',
    what: 'an empty body',
    answer: empty,
    call: 'GET /stores/abc123/v2/customer_groups',
    detail: /failed \(HTTP 200\): unexpected answer: expected a list of customer groups \(a JSON array\), got an empty body/,
  },
  { platform: 'bigcommerce', what: 'an HTML page', answer: html, call: 'GET /stores/abc123/v2/customer_groups', detail: NOT_JSON },
  {
    platform: 'bigcommerce',
    what: 'an object where the list should be',
    answer: (res) => json(res, 200, { data: [] }),
    call: 'GET /stores/abc123/v2/customer_groups',
    detail: /got JSON that does not fit: the top level must be array/,
  },
  {
    platform: 'bigcommerce',
    what: 'customers without their pagination',
    answer: (res, url) => (url.pathname.endsWith('/v2/customer_groups') ? json(res, 200, [{ id: 1, name: 'VIP' }]) : json(res, 200, { data: [] })),
    call: 'GET /stores/abc123/v3/customers',
    detail: /expected a page of customers \(data, meta.pagination\), got JSON that does not fit: the top level must have required property 'meta'/,
  },
  // Commerce Layer: these crashed with "Cannot read properties of undefined (reading 'id')".
  {
    platform: 'commercelayer',
    what: 'a list without data',
    answer: (res) => json(res, 200, { meta: { record_count: 0, page_count: 1 } }),
    call: 'GET /api/customer_groups',
    detail:
      /expected a JSON:API list document \(data: an array, meta.page_count\), got JSON that does not fit: the top level must have required property 'data'/,
  },
  {
    platform: 'commercelayer',
    what: 'resources without an id',
    answer: (res) =>
      json(res, 200, { data: [{ type: 'customer_groups', attributes: { name: 'VIP', code: 'vip' } }], meta: { record_count: 1, page_count: 1 } }),
    call: 'GET /api/customer_groups',
    detail: /got JSON that does not fit: \/data\/0 must have required property 'id'/,
  },
  { platform: 'commercelayer', what: 'an HTML page', answer: html, call: 'GET /api/customer_groups', detail: NOT_JSON },
];

describe('response shape', () => {
  for (const { platform, what, answer, call, detail } of cases) {
    it(`${platform}: refuses ${what} on ${call}`, async () => {
      const handler = (_req: unknown, res: ServerResponse, url: URL) => answer(res, url);
      const server = await hostile(platform === 'commercelayer' ? withToken(handler) : handler);
      const run = await planAgainst(platform, server.url);
      await expectRefused(run, { provider: NAME[platform], call, detail }, [server]);
    });
  }

  it('commercelayer: refuses a token answer that is not one, and sends the API nothing', async () => {
    const server = await hostile((req, res) => (req.method === 'POST' ? html(res) : json(res, 200, { data: [], meta: { page_count: 1 } })));
    const run = await planAgainst('commercelayer', server.url);
    await expectRefused(run, { provider: 'cl', call: 'POST /oauth/token', detail: NOT_JSON }, [server]);
    expect(server.requests.map((r) => r.path)).toEqual(['/oauth/token']);
  });
});
