// The real CLI against a Commerce Layer emulator that misbehaves as the platform can: refused credentials,
// a token that expires mid-run, rate limits, and changes made behind groupform's back.
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_CL_CLIENT_SECRET } from '../../src/emulators/commercelayer/index.js';
import { PROVIDER_BLOCK, group, membersByCode, setupCommerceLayer, shopWithCustomers, type ClSetup } from './commercelayer-fixture.js';

let setup: ClSetup | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

const VIP = `${PROVIDER_BLOCK}
groups:
  vip:
    name: VIP
    members: [ava@example.com, liam@example.com, mia@example.com]
    commercelayer:
      metadata: { tier: gold }
`;
const customers = () => shopWithCustomers('ava@example.com', 'liam@example.com', 'mia@example.com');
const jwt = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

describe('groupform against a Commerce Layer that pushes back', () => {
  it('stops with a clear error and exit 1 on wrong credentials, never printing the secret', async () => {
    const wrong = 'wrong-secret-7f3a9c';
    setup = await setupCommerceLayer(VIP, { state: customers() }, { clientSecret: wrong });

    for (const args of [['plan'], ['apply', '--auto-approve'], ['plan', '--verbose', '--format', 'json']]) {
      const result = await setup.run(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Error: cl: POST /oauth/token failed (HTTP 401)');
      expect(result.stderr).toContain('Client authentication failed');
      expect(result.stdout + result.stderr).not.toContain(wrong);
    }
    // Nothing past the token endpoint was tried.
    expect(new Set(setup.calls().map((c) => `${c.method} ${c.path} ${c.status}`))).toEqual(new Set(['POST /oauth/token 401']));
  });

  it('gets a new token when the platform expires the current one mid-apply, and finishes', async () => {
    // The platform's clock jumps three hours (past the 2 h lifetime) once the first group exists: every
    // token issued before is then refused with 401 INVALID_TOKEN, while groupform still trusts it.
    const created = () => setup?.emulator.requests.some((r) => r.method === 'POST' && r.path === '/api/customer_groups') ?? false;
    setup = await setupCommerceLayer(VIP, { state: customers(), now: () => Date.now() + (created() ? 3 * 3600_000 : 0) });

    const apply = await setup.run(['apply', '--auto-approve']);
    expect(apply.stderr).not.toMatch(/error/i);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Apply complete: 4 done, 0 failed, 0 not attempted.');
    expect(membersByCode(setup.emulator.state())).toEqual({ vip: ['ava@example.com', 'liam@example.com', 'mia@example.com'] });

    const calls = setup.calls();
    expect(calls.filter((c) => c.path === '/oauth/token')).toEqual([
      { method: 'POST', path: '/oauth/token', status: 200 },
      { method: 'POST', path: '/oauth/token', status: 200 },
    ]);
    expect(calls.filter((c) => c.status === 401).length).toBeGreaterThan(0);
    expect(apply.stdout + apply.stderr).not.toMatch(jwt);
    expect(apply.stdout + apply.stderr).not.toContain(SANDBOX_CL_CLIENT_SECRET);
  });

  it('answers a 429 by waiting for the interval the platform names, not by failing', async () => {
    // A one-second burst window of 2 calls per endpoint: the concurrent customer reads (one for the group's
    // members, three for 60 declared e-mails in pages of 25) overrun it at once.
    const emails = Array.from({ length: 60 }, (_, i) => `customer${i}@example.com`);
    const state = shopWithCustomers(...emails);
    state.customer_groups = [group('GrpVipAaaa', 'vip', 'VIP')];
    setup = await setupCommerceLayer(`${PROVIDER_BLOCK}\ngroups:\n  vip:\n    name: VIP\n    members: [${emails.join(', ')}]\n`, {
      state,
      rateLimits: { uncacheable: { average: { limit: 100, intervalSeconds: 60 }, burst: { limit: 2, intervalSeconds: 1 } } },
    });

    const plan = await setup.run(['plan', '--detailed-exitcode']);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('+ 60 customers join cl/vip');
    const reads = setup.calls().filter((c) => c.path === '/api/customers');
    expect(reads.filter((c) => c.status === 429).length).toBeGreaterThan(0);
    expect(reads.filter((c) => c.status === 200)).toHaveLength(4);

    // --verbose says why the run paused.
    const verbose = await setup.run(['plan', '--verbose']);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(/^cl: HTTP 429 on GET \/api\/customers, retry 1 of 4 in 1\.0 s$/m);
  });

  it('rides out 429s on the membership writes of an apply', async () => {
    const emails = Array.from({ length: 12 }, (_, i) => `customer${i}@example.com`);
    setup = await setupCommerceLayer(`${PROVIDER_BLOCK}\ngroups:\n  vip:\n    name: VIP\n    members: [${emails.join(', ')}]\n`, {
      state: shopWithCustomers(...emails),
      rateLimits: { writes: { average: { limit: 100, intervalSeconds: 60 }, burst: { limit: 4, intervalSeconds: 1 } } },
    });

    // One PATCH per customer (not an import), so that the writes meet the burst limit.
    const apply = await setup.run(['apply', '--auto-approve', '--no-bulk']);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Apply complete: 13 done, 0 failed, 0 not attempted.');
    expect(membersByCode(setup.emulator.state()).vip).toEqual([...emails].sort());
    expect(setup.calls().filter((c) => c.method === 'PATCH' && c.status === 429).length).toBeGreaterThan(0);
  });

  it('shows a change made behind its back (through /_emulator/state) as drift, and repairs it', async () => {
    setup = await setupCommerceLayer(VIP, { state: customers() });
    expect((await setup.run(['apply', '--auto-approve'])).code).toBe(0);
    expect((await setup.run(['plan', '--detailed-exitcode'])).code).toBe(0);

    // Someone renames the group in the dashboard and takes mia out of it.
    const state = setup.emulator.state();
    state.customer_groups[0]!.name = 'VIP (old)';
    state.customer_groups[0]!.metadata = { tier: 'gold', note: 'edited by hand' };
    state.customers.find((c) => c.email === 'mia@example.com')!.customer_group_id = null;
    const put = await fetch(`${setup.emulator.url}/_emulator/state`, { method: 'PUT', body: JSON.stringify(state) });
    expect(put.status).toBe(200);

    const drift = await setup.run(['plan', '--detailed-exitcode']);
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain('~ update group cl/vip');
    expect(drift.stdout).toContain('name: "VIP (old)" -> "VIP"');
    expect(drift.stdout).toMatch(/-\s+"note": "edited by hand"/);
    expect(drift.stdout).toContain('+ 1 customer joins cl/vip');
    expect(drift.stdout).toContain('+ mia@example.com');

    expect((await setup.run(['apply', '--auto-approve'])).code).toBe(0);
    expect((await setup.run(['plan', '--detailed-exitcode'])).code).toBe(0);
    expect(setup.emulator.state().customer_groups[0]).toMatchObject({ name: 'VIP', metadata: { tier: 'gold' } });
  });
});
