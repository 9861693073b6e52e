// Issue 10, item 1: a server that redirects must not receive, or pass on, a credential. groupform follows no
// redirect: a 3xx is an error naming the provider, the call and both URLs, and the second host hears nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, expectRefused, hostile, json, NAME, planAgainst, withToken, type Handler, type Platform } from './hostile.js';

afterEach(closeAll);

/** A server that redirects every call to the same path on `target`. */
const redirectTo =
  (target: string, status = 302): Handler =>
  (_req, res, url) =>
    void res.writeHead(status, { location: `${target}${url.pathname}${url.search}` }).end();

const cases: { platform: Platform; status: number; call: string; path: string; handler?: (redirect: Handler) => Handler }[] = [
  // The reproduction: a BigCommerce base_url that answers 302 to another port.
  { platform: 'bigcommerce', status: 302, call: 'GET /stores/abc123/v2/customer_groups', path: '/stores/abc123/v2/customer_groups?page=1&limit=250' },
  { platform: 'xtrakit', status: 301, call: 'GET /api/v1/customer-groups', path: '/api/v1/customer-groups?page=1&per_page=100' },
  // Commerce Layer's token call: the client secret is in its body.
  { platform: 'commercelayer', status: 307, call: 'POST /oauth/token', path: '/oauth/token' },
  // Commerce Layer's API, once the token is issued: the bearer token is in its header.
  { platform: 'commercelayer', status: 308, call: 'GET /api/customer_groups', path: '/api/customer_groups?', handler: withToken },
];

describe('redirects', () => {
  for (const { platform, status, call, path, handler } of cases) {
    it(`${platform}: refuses a ${status} on ${call}, and the second host hears nothing`, async () => {
      const second = await hostile((_req, res) => json(res, 200, []));
      const redirect = redirectTo(second.url, status);
      const first = await hostile(handler ? handler(redirect) : redirect);
      const run = await planAgainst(platform, first.url);
      await expectRefused(
        run,
        {
          provider: NAME[platform],
          call,
          detail: new RegExp(
            `\\(HTTP ${status}\\): redirected from ${first.url}${escapeRegExp(path.split('?')[0]!)} to ${second.url}${escapeRegExp(path)}.*; groupform follows no redirect`,
          ),
        },
        [first, second],
      );
      expect(second.requests).toEqual([]);
    });
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
