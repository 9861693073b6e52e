// The real CLI against the Commerce Layer emulator in its test and live modes: the environment comes from the
// token unless groups.yaml declares it, the plan's estimate uses that environment's limits, apply keeps them
// (no 429), and credentials for the other environment than declared are refused before any API call.
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_BLOCK, membersByCode, setupCommerceLayer, shopWithCustomers, type ClSetup } from './commercelayer-fixture.js';

let setup: ClSetup | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

/** 30 customers, one more than a test-mode burst allows at once (25 per endpoint in 10 s), fewer than live's 50. */
const EMAILS = Array.from({ length: 30 }, (_, i) => `c${i}@example.com`);
const config = (environment?: 'test' | 'live'): string =>
  `${environment ? PROVIDER_BLOCK.replace('    client_secret:', `    environment: ${environment}\n    client_secret:`) : PROVIDER_BLOCK}groups:
  vip:
    name: VIP
    members: [${EMAILS.join(', ')}]
`;

describe('Commerce Layer test and live environments', () => {
  it('test credentials: the estimate waits for the test-mode burst window', async () => {
    setup = await setupCommerceLayer(config(), { mode: 'test', state: shopWithCustomers(...EMAILS) });
    // --no-bulk: the per-customer PATCHes are what the limits pace (an import would carry all 30 joins).
    const plan = await setup.run(['plan', '--no-bulk']);
    expect(plan.code).toBe(0);
    // 1 create + 30 PATCHes: 25 at once, the rest a 10 s window later.
    expect(plan.stdout).toContain('  cl: 31 API calls, at least 10 s at the documented rate limit');
  });

  it('live credentials: the token says live, so the estimate and the run use live limits, with no 429', async () => {
    setup = await setupCommerceLayer(config(), { mode: 'live', state: shopWithCustomers(...EMAILS) });
    const plan = await setup.run(['plan', '--no-bulk']);
    expect(plan.stdout).toContain('  cl: 31 API calls, no wait at the documented rate limit');
    const apply = await setup.run(['apply', '--auto-approve', '--no-bulk']);
    expect(apply.code).toBe(0);
    expect(membersByCode(setup.emulator.state()).vip).toEqual([...EMAILS].sort());
    expect(setup.calls().filter((call) => call.status === 429)).toEqual([]);
  });

  it('`environment: live` with test credentials: a clear error, exit 1, no API call', async () => {
    setup = await setupCommerceLayer(config('live'), { mode: 'test', state: shopWithCustomers(...EMAILS) });
    const plan = await setup.run(['plan', '--format', 'json']);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toBe('');
    expect(plan.stderr).toContain('cl: the access token is for the test environment, but the config says `environment: live`');
    expect(setup.calls().filter((call) => call.path.startsWith('/api/'))).toEqual([]);
  });

  it('`environment: test` is accepted with test credentials, and an unknown environment is a config error at its place', async () => {
    setup = await setupCommerceLayer(config('test'), { mode: 'test', state: shopWithCustomers(...EMAILS) });
    expect((await setup.run(['plan'])).code).toBe(0);
    await setup.project.write('groups.yaml', config('test').replace('environment: test', 'environment: staging'));
    const invalid = await setup.run(['validate']);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain("groups.yaml:8:18: error: 'environment' of provider 'cl' must be test or live, not 'staging'.");
  });
});
