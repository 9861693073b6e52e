// End to end on BigCommerce when the platform pushes back: a wrong access token, a 207 partial success on a
// group create, injected 500s on reads, and a store whose rate-limit quota is used up (429).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBigCommerceEmulator, type BigCommerceEmulator, type BigCommerceEmulatorOptions } from '../../src/emulators/bigcommerce/index.js';
import { createProject, type Project } from '../helpers/e2e.js';
import { schemaErrors, schemaValidator } from '../helpers/schemas.js';
import { calls, crowd, customer, group, membership, providerBlock, state, STORE, storeEnv } from './bigcommerce-helpers.js';

const config = `version: 1
providers:
${providerBlock('bc', 'BC')}
defaults:
  providers: [bc]
groups:
  vip:
    name: VIP
    members: [ava.jones@example.com, liam.smith@example.com]
  gold:
    name: Gold
    members: [mia.davies@example.com]
    bigcommerce:
      discount_rules: [{ type: all, method: percent, amount: 7.5 }]
`;

const seed = () =>
  state({
    [STORE.storeHash]: {
      groups: [group(3, 'VIP')],
      customers: [
        customer(1, 'ava.jones@example.com', 3),
        customer(2, 'liam.smith@example.com'),
        customer(3, 'mia.davies@example.com'),
        customer(4, 'noah.wilson@example.com', 3),
      ],
    },
  });

describe('groupform on BigCommerce, when the platform pushes back', () => {
  let bc: BigCommerceEmulator | undefined;
  let project: Project | undefined;

  async function start(options: BigCommerceEmulatorOptions = {}): Promise<{ bc: BigCommerceEmulator; project: Project }> {
    bc = await startBigCommerceEmulator({ port: 0, stores: [STORE], state: seed(), ...options });
    project = await createProject({ 'groups.yaml': config });
    return { bc, project };
  }

  afterEach(async () => {
    await bc?.close();
    await project?.remove();
    bc = project = undefined;
  });

  it('stops on a wrong access token with an error naming the provider, and never prints the token', async () => {
    const { bc, project } = await start();
    const wrong = 'wrong-token-5be0c2d917';
    const env = { ...storeEnv(bc, STORE), BC_ACCESS_TOKEN: wrong };
    const run = await project.run(['plan', '--verbose', '--log-file', 'calls.log'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: bc: GET \/stores\/e2estore1\/v2\/customer_groups failed \(HTTP 401\): You are not authorised/m);
    const log = await readFile(path.join(project.dir, 'calls.log'), 'utf8');
    expect(JSON.parse(log.split('\n')[0]!)).toMatchObject({ provider: 'bc', method: 'GET', status: 401 });
    for (const text of [run.stdout, run.stderr, log]) expect(text).not.toContain(wrong);
    // A 401 is not retried: the token will not get better.
    expect(bc.requests).toHaveLength(1);
  });

  it('shows a 207 on create as a warning in the apply summary, and the next plan shows what is missing', async () => {
    const { bc, project } = await start({ sitewideDiscountFails: true });
    const env = storeEnv(bc, STORE);
    const apply = await project.run(['apply', '--auto-approve'], env);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Apply complete: 4 done, 0 failed, 0 not attempted.');
    expect(apply.stdout).toMatch(
      /Warnings:\n {2}bc\/gold: The customer group was created, but the sitewide discount update failed\. You may retry the request\./,
    );
    // The group exists (its id found by name, as a 207 body carries none) and its member moved in.
    const gold = bc.state().stores[STORE.storeHash]!.customer_groups.find((g) => g.name === 'Gold')!;
    expect(gold.discount_rules).toEqual([]);
    expect(membership(bc)['mia.davies@example.com']).toBe(gold.id);

    const plan = await project.run(['plan', '--detailed-exitcode'], env);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('Plan: 0 groups to add, 1 to change, 0 to delete; 0 customers to move.');
  });

  it('carries on past a failed create, reports the result as JSON, and plans exactly the remainder', async () => {
    const { bc, project } = await start();
    bc.setState(
      state({
        [STORE.storeHash]: {
          groups: [group(3, 'VIP'), group(4, 'Guests', { is_group_for_guests: true })],
          customers: seed().stores[STORE.storeHash]!.customers,
        },
      }),
    );
    // Only one group may be the guests' group: the platform refuses a second one (409).
    await project.write(
      'groups.yaml',
      `version: 1
providers:
${providerBlock('bc', 'BC')}
defaults:
  providers: [bc]
groups:
  vip:
    name: VIP
    members: [ava.jones@example.com, liam.smith@example.com]
  gold:
    name: Gold
    members: [mia.davies@example.com]
    bigcommerce: { is_group_for_guests: true }
`,
    );
    const env = storeEnv(bc, STORE);
    const apply = await project.run(['apply', '--auto-approve', '--format', 'json'], env);
    expect(apply.code).toBe(1);
    // stdout is the result alone.
    const result = JSON.parse(apply.stdout) as {
      done: number;
      failed: number;
      notAttempted: number;
      items: { change: { address: string }; status: string; error?: { message: string } }[];
    };
    expect(schemaErrors(schemaValidator('apply-result.schema.json'), result)).toEqual([]);
    expect(result).toMatchObject({ done: 2, failed: 1, notAttempted: 1 });
    expect(result.items.filter((i) => i.status !== 'done').map((i) => [i.change.address, i.status, i.error?.message])).toEqual([
      ['bc/gold', 'failed', 'bc: POST /stores/e2estore1/v2/customer_groups failed (HTTP 409): There can only be one customer group for guests at a time.'],
      ['bc/members/mia.davies@example.com', 'not-attempted', 'group bc/gold was not created (its create failed)'],
    ]);

    const remainder = await project.run(['plan', '--format', 'json'], env);
    const changes = (JSON.parse(remainder.stdout) as { changes: { address: string }[] }).changes;
    expect(changes.map((c) => c.address)).toEqual(['bc/gold', 'bc/members/mia.davies@example.com']);
  });

  it('retries reads that fail with injected 500s and plans as if nothing had happened', async () => {
    const { bc, project } = await start({ faultRate: 0.5, faults: { kinds: ['error'] }, seed: 9 });
    const run = await project.run(['plan', '--detailed-exitcode', '--format', 'json'], storeEnv(bc, STORE));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(2);
    const plan = JSON.parse(run.stdout) as { summary: unknown };
    expect(plan.summary).toEqual({ groupsToCreate: 1, groupsToUpdate: 0, groupsToDelete: 0, customersToMove: 3 });
    const failed = bc.requests.filter((r) => r.status === 500);
    // This seed fails the first call, and one of the customer lists twice.
    expect(failed.length).toBe(3);
    expect(new Set(failed.map((r) => r.path.split('/')[3]))).toEqual(new Set(['v2', 'v3']));
    // Every call that failed was made again and answered.
    for (const f of failed) {
      expect(bc.requests.some((r) => r.status === 200 && r.path === f.path && JSON.stringify(r.query) === JSON.stringify(f.query))).toBe(true);
    }
  });

  it('waits out a used-up store quota (429) and carries on', async () => {
    // Another app of the store has used this window's quota. The emulator's clock stands still until it has
    // refused a call, then moves one window on, so the refusal is certain and the wait is one short window.
    const windowMs = 1000;
    const t0 = Date.now();
    let served: BigCommerceEmulator | undefined;
    const now = () => t0 + (served?.requests.some((r) => r.status === 429) ? windowMs : 0);
    const { bc, project } = await start({ quota: 20, windowMs, now });
    served = bc;
    const headers = { 'X-Auth-Token': STORE.accessToken };
    for (let i = 0; i < 20; i++) await fetch(`${bc.url}/stores/${STORE.storeHash}/v2/customer_groups/count`, { headers });
    const before = bc.requests.length;

    const env = storeEnv(bc, STORE);
    const apply = await project.run(['apply', '--auto-approve'], env);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Apply complete: 4 done, 0 failed, 0 not attempted.');
    const cli = bc.requests.slice(before);
    const refused = cli.filter((r) => r.status === 429);
    expect(refused).toHaveLength(1);
    // The refused call is the first one, made again once the quota refreshed.
    expect(cli[0]).toMatchObject({ status: 429, path: `/stores/${STORE.storeHash}/v2/customer_groups` });
    expect(cli[1]).toMatchObject({ status: 200, path: cli[0]!.path, query: cli[0]!.query });
    expect(calls(bc, 'POST', '/v2/customer_groups')).toHaveLength(1);
  });

  it('learns a small store quota from the headers and keeps under it: 50 batch updates, no 429', async () => {
    const { bc, project } = await start({
      quota: 20,
      windowMs: 1000,
      customerUpdateMs: 10,
      state: state({ [STORE.storeHash]: { groups: [group(3, 'VIP')], customers: crowd(500, 1) } }),
    });
    await project.write(
      'members.txt',
      crowd(500, 1)
        .map((c) => c.email)
        .join('\n') + '\n',
    );
    await project.write(
      'groups.yaml',
      `version: 1
providers:
${providerBlock('bc', 'BC')}
defaults:
  providers: [bc]
groups:
  vip:
    name: VIP
    members_file: members.txt
`,
    );
    const apply = await project.run(['apply', '--auto-approve'], storeEnv(bc, STORE));
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('Apply complete: 500 done, 0 failed, 0 not attempted.');
    expect(calls(bc, 'PUT', '/v3/customers')).toHaveLength(50);
    expect(bc.requests.filter((r) => r.status === 429)).toEqual([]);
  });
});
