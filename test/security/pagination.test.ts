// Issue 10, item 4 (pages): a page count a server announces is trusted only up to `max_pages` (5000 by
// default), a list that announces none stops at that bound, and counted pages that repeat each other are
// refused. Each case is an error naming the provider and the list, not gigabytes of memory or forever.
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, expectRefused, hostile, json, planAgainst, withToken } from './hostile.js';

afterEach(closeAll);

const calls = (server: { requests: { path: string }[] }, prefix: string) => server.requests.filter((r) => r.path.startsWith(prefix)).length;

describe('pagination', () => {
  it('commercelayer: refuses meta.page_count 1e9 after the first page', async () => {
    const server = await hostile(withToken((_req, res) => json(res, 200, { data: [], meta: { record_count: 25e9, page_count: 1e9 } })));
    const run = await planAgainst('commercelayer', server.url);
    await expectRefused(
      run,
      {
        provider: 'cl',
        call: 'GET /api/customer_groups',
        detail: 'failed (HTTP 200): the answer says the list has 1000000000 pages; groupform reads at most 5000 pages of one list (max_pages)',
      },
      [server],
    );
    expect(calls(server, '/api/customer_groups')).toBe(1);
  });

  it('commercelayer: refuses counted pages that repeat the first one', async () => {
    const group = { id: 'gk', type: 'customer_groups', attributes: { name: 'VIP', code: 'vip' } };
    const server = await hostile(withToken((_req, res) => json(res, 200, { data: [group], meta: { record_count: 3, page_count: 3 } })));
    const run = await planAgainst('commercelayer', server.url);
    await expectRefused(run, { provider: 'cl', call: 'GET /api/customer_groups', detail: /page [23] of 3 repeats items of earlier pages/ }, [server]);
  });

  it('xtrakit: refuses last_page 1e8 after the first page', async () => {
    const server = await hostile((_req, res, url) => {
      const key = url.pathname.endsWith('/customers') ? 'customers' : 'groups';
      json(res, 200, { status: 200, message: 'ok', data: { [key]: [], pagination: { total: 1e10, per_page: 100, current_page: 1, last_page: 1e8 } } });
    });
    const run = await planAgainst('xtrakit', server.url);
    await expectRefused(
      run,
      { provider: 'xk', call: 'GET /api/v1/', detail: /the answer says the list has 100000000 pages; groupform reads at most 5000 pages/ },
      [server],
    );
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });

  it('xtrakit: stops a list whose pages never end at max_pages', async () => {
    // Every page is full of customers (or groups) never seen before, and nothing says where the list ends.
    const server = await hostile((_req, res, url) => {
      const page = Number(url.searchParams.get('page'));
      const rows = Array.from({ length: 100 }, (_, i) => ({
        id: page * 100 + i,
        group_name: `G${page * 100 + i}`,
        customer_email: `c${page * 100 + i}@example.com`,
      }));
      json(res, 200, { status: 200, message: 'ok', data: { customers: rows, groups: rows } });
    });
    const run = await planAgainst('xtrakit', server.url, ', max_pages: 20');
    await expectRefused(run, { provider: 'xk', call: 'GET /api/v1/', detail: /failed \(HTTP 200\): the list did not end within 20 pages \(max_pages\)/ }, [
      server,
    ]);
    expect(calls(server, '/api/v1/customers')).toBeLessThanOrEqual(20);
    expect(calls(server, '/api/v1/customer-groups')).toBeLessThanOrEqual(20);
  });

  it('bigcommerce: refuses a v3 meta.pagination.total_pages of 1e9', async () => {
    const server = await hostile((_req, res, url) => {
      if (url.pathname.endsWith('/v2/customer_groups')) return json(res, 200, [{ id: 1, name: 'VIP' }]);
      return json(res, 200, { data: [], meta: { pagination: { total: 250e9, count: 0, per_page: 250, current_page: 1, total_pages: 1e9 } } });
    });
    const run = await planAgainst('bigcommerce', server.url);
    await expectRefused(
      run,
      { provider: 'bc', call: 'GET /stores/abc123/v3/customers', detail: /the answer says the list has 1000000000 pages; groupform reads at most 5000 pages/ },
      [server],
    );
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });

  it('bigcommerce: refuses a v2 group count that means more pages than max_pages', async () => {
    // v2 lists carry no page numbers: a full first page makes a full read (prune) ask for the count.
    const server = await hostile((_req, res, url) => {
      if (url.pathname.endsWith('/count')) return json(res, 200, { count: 1e12 });
      const page = Number(url.searchParams.get('page'));
      return json(
        res,
        200,
        Array.from({ length: 250 }, (_, i) => ({ id: page * 1000 + i, name: `Group ${page * 1000 + i}` })),
      );
    });
    const run = await planAgainst('bigcommerce', server.url, ', prune: true');
    await expectRefused(
      run,
      {
        provider: 'bc',
        call: 'GET /stores/abc123/v2/customer_groups',
        detail: /the answer says the list has 4000000000 pages; groupform reads at most 5000 pages/,
      },
      [server],
    );
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });
});
