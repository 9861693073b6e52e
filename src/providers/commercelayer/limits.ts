// Commerce Layer's documented rate limits (shared/providers §1.6), per environment, and what tells the
// environment apart. customers and customer_groups are "uncacheable" endpoints; writes have the same figures.
// Each class (reads, writes) has an average over all its endpoints per minute and a burst per endpoint per
// 10 s, counted apart: a read never spends a write's budget.
import type { ClEnvironment, RateRule } from '../../model.js';
import type { Method } from '../../http/index.js';

const classRules = (counts: 'read' | 'write', average: number, burst: number): RateRule[] => [
  { counts, perEndpoint: true, limit: burst, windowMs: 10_000 },
  { counts, perEndpoint: false, limit: average, windowMs: 60_000 },
];

/** Uncacheable reads and writes: 100 a minute and 25 per endpoint in 10 s in test, twice that live. */
export const RATE_RULES: Readonly<Record<ClEnvironment, readonly RateRule[]>> = {
  test: [...classRules('read', 100, 25), ...classRules('write', 100, 25)],
  live: [...classRules('read', 200, 50), ...classRules('write', 200, 50)],
};

/** The token endpoint: 30 a minute, live and test. */
export const AUTH_RULES: readonly RateRule[] = [{ counts: 'all', perEndpoint: false, limit: 30, windowMs: 60_000 }];

/**
 * The endpoint a call counts against for the burst limit: its method and route, ids replaced
 * (`PATCH /api/customers/:id`). Paths are `/api/<resource>[/<id>[/<relationship>]]`. Counting every customer's
 * PATCH as one endpoint is the stricter reading of "per single endpoint", so a client that keeps it keeps either.
 */
export function endpointOf(method: Method, path: string): string {
  const segments = path.split('/');
  const api = segments.indexOf('api');
  const route = segments.map((segment, i) => (api >= 0 && i > api && (i - api) % 2 === 0 ? ':id' : segment));
  return `${method} ${route.join('/')}`;
}

/**
 * The environment an access token is for, from its `test` claim (Commerce Layer's JWTs carry `test: true|false`,
 * as the official mfe-my-account reads it in utils/getInfoFromJwt.ts); undefined when the token says nothing.
 * The signature is not checked: the claim only chooses how fast to call, and the platform enforces its limits.
 */
export function environmentOfToken(token: string): ClEnvironment | undefined {
  const payload = token.split('.')[1];
  if (!payload || payload.length > 64 * 1024) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const test = claims !== null && typeof claims === 'object' ? (claims as Record<string, unknown>).test : undefined;
    return test === true ? 'test' : test === false ? 'live' : undefined;
  } catch {
    return undefined;
  }
}
