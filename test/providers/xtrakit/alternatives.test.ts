// The adapter against a server that answers the way Xtrakit's documentation also allows, but the emulator
// does not: groups as an object keyed by id, a fixed page size with no paging numbers and string ids,
// `0` for "no group", a 204 delete, errors with `error` instead of `message`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/errors.js';
import { declared, groupChange, provider } from './helpers.js';

const customers = [
  { id: '21', customer_email: 'A@EXAMPLE.COM', customer_group_id: '5' },
  { id: '22', customer_email: 'b@example.com', customer_group_id: 0 },
  { id: '23', customer_email: 'c@example.com', customer_group_id: '5' },
  { id: '24', customer_email: null, customer_group_id: '5' },
  { id: '25', customer_email: 'e@example.com', customer_group_id: '6' },
];

let server: Server | undefined;
const seen: string[] = [];
afterEach(async () => {
  const closing = server;
  server = undefined;
  if (closing) {
    closing.closeAllConnections();
    await new Promise((resolve) => closing.close(resolve));
  }
  seen.length = 0;
});

async function start(): Promise<string> {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (url.pathname === '/api/v1/customer-groups') {
      return send(200, { status: 200, message: 'ok', data: { groups: { 5: { id: 5, group_name: 'VIP' }, 6: { id: 6, group_name: 'Other' } } } });
    }
    if (url.pathname === '/api/v1/customers') {
      const page = Number(url.searchParams.get('page') ?? 1);
      return send(200, { status: 200, message: 'ok', data: { customers: customers.slice((page - 1) * 2, page * 2) } });
    }
    if (req.method === 'DELETE' && url.pathname === '/api/v1/customer-groups/5') return send(204);
    return send(404, { status: 404, error: 'No such thing' });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('Xtrakit adapter: tolerated alternatives', () => {
  it('reads groups keyed by id and pages customers until a short page, with no paging numbers', async () => {
    const { xk } = provider(await start());
    const live = await xk.read({ groups: [declared('vip', 'VIP')], emails: ['b@example.com'], allGroups: false });
    expect(live.groups.map((g) => [g.id, g.name])).toEqual([['5', 'VIP']]);
    expect(live.customers.map((c) => [c.id, c.email, c.groupId])).toEqual([
      ['21', 'a@example.com', '5'],
      ['22', 'b@example.com', null],
      ['23', 'c@example.com', '5'],
      ['24', '', '5'],
    ]);
    expect(seen.filter((s) => s.startsWith('GET /api/v1/customers'))).toEqual([
      'GET /api/v1/customers?page=1&per_page=100',
      'GET /api/v1/customers?page=2&per_page=100',
      'GET /api/v1/customers?page=3&per_page=100',
    ]);
  });

  it('takes a 204 delete as done, and an `error` body as the detail', async () => {
    const { xk } = provider(await start());
    expect(await xk.applyGroup(groupChange('delete', '5', { name: 'VIP' }, null))).toEqual({ id: '5' });
    const error = await xk.applyGroup(groupChange('update', '9', { name: 'X' }, { name: 'Y' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, method: 'GET', path: '/api/v1/customer-groups/9', detail: 'No such thing' });
  });
});
