// The plan's API cost estimate against the calls a run then makes, on each platform: the real CLI, `plan
// --format json` for the estimate, then `apply` (its read and its writes) counted at the emulator. One
// merchant's situation on all three: two live groups of 10, a new group, moves, joins, leaves and unknown
// customers, 30 customers in all. Small enough that no run waits on the client's own rate limiter (Xtrakit 60
// calls a minute, Commerce Layer 25 in 10 s): the e-mail chunking and paging at scale are in the adapters' tests
// and `npm run bench`.
import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator } from '../../src/emulators/bigcommerce/index.js';
import { SANDBOX_CL_CLIENT_ID, SANDBOX_CL_CLIENT_SECRET, startCommerceLayerEmulator } from '../../src/emulators/commercelayer/index.js';
import { SANDBOX_XTRAKIT_API_KEY, startXtrakitEmulator } from '../../src/emulators/xtrakit/index.js';
import type { Plan } from '../../src/model.js';
import { createProject, type Project } from '../helpers/e2e.js';
import { customer as bcCustomer, group as bcGroup, providerBlock, state as bcState, STORE, storeEnv } from './bigcommerce-helpers.js';
import { customer as clCustomer, group as clGroup, PROVIDER_BLOCK } from './commercelayer-fixture.js';
import { address } from './xtrakit-setup.js';

const email = (n: number): string => `customer.${n}@example.com`;
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
const CUSTOMERS = 30;
/** Live: 0–9 in gold, 10–19 in silver, 20–29 in no group. */
const liveGroupOf = (n: number): 'gold' | 'silver' | null => (n < 10 ? 'gold' : n < 20 ? 'silver' : null);
/** Declared: gold keeps 0–7 and takes 10–11 from silver (8–9 leave); silver keeps 12–19 and gets 20–23; bronze is new. */
const MEMBERS: Record<string, string[]> = {
  gold: [...range(0, 8), ...range(10, 12)].map(email),
  silver: [...range(12, 24)].map(email),
  bronze: [...range(24, 28).map(email), 'nobody.1@example.com', 'nobody.2@example.com', 'nobody.3@example.com'],
};
/** Bronze's create; 2 moves, 2 leaves, 4 joins into silver, 4 into bronze. */
const CHANGES = 1 + 2 + 2 + 4 + 4;

const groupsYaml = (head: string): string => `${head}
groups:
${Object.keys(MEMBERS)
  .map((key) => `  ${key}:\n    name: ${key[0]!.toUpperCase()}${key.slice(1)}\n    members_file: members/${key}.txt`)
  .join('\n')}
`;
const memberFiles = Object.fromEntries(Object.entries(MEMBERS).map(([key, emails]) => [`members/${key}.txt`, `${emails.join('\n')}\n`]));

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
});

async function project(head: string): Promise<Project> {
  const made = await createProject({ 'groups.yaml': groupsYaml(head), ...memberFiles });
  opened.push({ close: () => made.remove() });
  return made;
}

/** The estimate `plan` prints, and the calls `apply` then makes, as the emulator counts them. */
async function estimateAndRun(
  run: (args: string[]) => ReturnType<Project['run']>,
  served: () => number,
  flags: string[] = [],
): Promise<{ plan: Plan; made: number }> {
  const planned = await run(['plan', '--format', 'json', ...flags]);
  expect(planned.code).toBe(0);
  const plan = JSON.parse(planned.stdout) as Plan;
  expect(plan.changes).toHaveLength(CHANGES);
  const before = served();
  const applied = await run(['apply', '--auto-approve', ...flags]);
  expect(applied.code).toBe(0);
  const made = served() - before;
  expect((await run(['plan', '--detailed-exitcode'])).code).toBe(0);
  return { plan, made };
}

function expectWithinTenPercent(plan: Plan, made: number): void {
  const [estimate] = plan.estimate!;
  expect(estimate!.calls).toBe(estimate!.reads! + estimate!.writes!);
  expect(estimate!.reads).toBeGreaterThan(0);
  expect(Math.abs(made - estimate!.calls)).toBeLessThanOrEqual(0.1 * estimate!.calls);
}

describe('the estimate against the calls the run makes', () => {
  it('Commerce Layer: the token, the look-ups and the pages, one PATCH per customer', async () => {
    const ids = { gold: 'GrpGold000', silver: 'GrpSilver0' } as const;
    const emulator = await startCommerceLayerEmulator({
      seed: 1,
      rateLimits: false,
      state: {
        organization: { slug: 'northwind', id: 'OrgNorthwd' },
        customer_groups: [clGroup(ids.gold, 'gold', 'Gold'), clGroup(ids.silver, 'silver', 'Silver')],
        customers: range(0, CUSTOMERS).map((n) => clCustomer(`Cus${String(n).padStart(7, '0')}`, email(n), liveGroupOf(n) && ids[liveGroupOf(n)!])),
      },
    });
    opened.push(emulator);
    const cl = await project(PROVIDER_BLOCK);
    const env = { CL_BASE_URL: emulator.url, CL_AUTH_URL: emulator.url, CL_CLIENT_ID: SANDBOX_CL_CLIENT_ID, CL_CLIENT_SECRET: SANDBOX_CL_CLIENT_SECRET };
    // --no-bulk: the per-customer PATCHes, whose count is exact; an import's polls depend on its progress.
    const { plan, made } = await estimateAndRun(
      (args) => cl.run(args, env),
      () => emulator.requests.length,
      ['--no-bulk'],
    );
    // A token, the codes, 20 members in a page, 11 e-mails the members did not bring in a look-up; a create and 12 PATCHes.
    expect(plan.estimate).toEqual([{ provider: 'cl', calls: 4 + 13, reads: 4, writes: 13, seconds: expect.any(Number) }]);
    expectWithinTenPercent(plan, made);
  });

  it('BigCommerce: a page of groups, the members, the look-ups, batches of 10', async () => {
    const ids = { gold: 5, silver: 6 } as const;
    const customers = range(0, CUSTOMERS).map((n) => bcCustomer(n + 1, email(n), liveGroupOf(n) ? ids[liveGroupOf(n)!] : 0));
    const bc = await startBigCommerceEmulator({
      port: 0,
      stores: [STORE],
      state: bcState({ [STORE.storeHash]: { groups: [bcGroup(5, 'Gold'), bcGroup(6, 'Silver')], customers } }),
    });
    opened.push(bc);
    const store = await project(`version: 1\nproviders:\n${providerBlock('bc', 'BC')}\ndefaults:\n  providers: [bc]`);
    const { plan, made } = await estimateAndRun(
      (args) => store.run(args, storeEnv(bc, STORE)),
      () => bc.requests.length,
    );
    // The groups' page, 20 members in a list, 11 e-mails in a look-up; a create and 12 changes in 2 batches.
    expect(plan.estimate).toEqual([{ provider: 'bc', calls: 3 + 3, reads: 3, writes: 3, seconds: expect.any(Number) }]);
    expectWithinTenPercent(plan, made);
  });

  it('Xtrakit: every group and customer listed, one PUT per customer from the record read', async () => {
    const ids = { gold: 1, silver: 2 } as const;
    const emulator = await startXtrakitEmulator({
      port: 0,
      rateLimits: false,
      state: {
        customer_groups: [
          { id: 1, group_name: 'Gold' },
          { id: 2, group_name: 'Silver' },
        ],
        customers: range(0, CUSTOMERS).map((n) => ({
          id: n + 1,
          customer_email: email(n),
          customer_name: `C ${n}`,
          ...address,
          customer_group_id: liveGroupOf(n) ? ids[liveGroupOf(n)!] : null,
        })),
      },
    });
    opened.push(emulator);
    const xk = await project(
      'version: 1\nproviders:\n  xk:\n    type: xtrakit\n    base_url: ${XTRAKIT_BASE_URL}\n    api_key: ${XTRAKIT_API_KEY}\ndefaults:\n  providers: [xk]',
    );
    const env = { XTRAKIT_BASE_URL: emulator.url, XTRAKIT_API_KEY: SANDBOX_XTRAKIT_API_KEY };
    const { plan, made } = await estimateAndRun(
      (args) => xk.run(args, env),
      () => emulator.requests.length,
    );
    // A page of groups and the empty page that ends that list, a page of customers; a create and 12 PUTs, no GET before them.
    expect(plan.estimate).toEqual([{ provider: 'xk', calls: 3 + 13, reads: 3, writes: 13, seconds: expect.any(Number) }]);
    expectWithinTenPercent(plan, made);
    expect(emulator.requests.filter((r) => r.method === 'GET' && /\/customers\/\d+$/.test(r.path))).toEqual([]);
  });
});
