// One groups.yaml over all three platforms (Commerce Layer, BigCommerce, Xtrakit), each an emulator started
// here: one plan shows all three, one apply changes all three, and the next plan shows no changes.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SANDBOX_CL_CLIENT_ID,
  SANDBOX_CL_CLIENT_SECRET,
  startCommerceLayerEmulator,
  type CommerceLayerEmulator,
} from '../../src/emulators/commercelayer/index.js';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_STORE_HASH, startBigCommerceEmulator, type BigCommerceEmulator } from '../../src/emulators/bigcommerce/index.js';
import { SANDBOX_XTRAKIT_API_KEY, startXtrakitEmulator, type XtrakitEmulator } from '../../src/emulators/xtrakit/index.js';
import { createProject, type Project } from '../helpers/e2e.js';
import { address } from './xtrakit-setup.js';

const config = `version: 1
providers:
  cl:
    type: commercelayer
    base_url: \${CL_BASE_URL}
    auth_url: \${CL_BASE_URL}
    client_id: \${CL_CLIENT_ID}
    client_secret: \${CL_CLIENT_SECRET}
  bc:
    type: bigcommerce
    base_url: \${BC_BASE_URL}
    store_hash: \${BC_STORE_HASH}
    access_token: \${BC_ACCESS_TOKEN}
  xk:
    type: xtrakit
    base_url: \${XTRAKIT_BASE_URL}
    api_key: \${XTRAKIT_API_KEY}
defaults:
  providers: [cl, bc, xk]
  membership: authoritative
groups:
  vip:
    name: VIP
    description: Spent over $1,000 last year
    members: [jane@example.com, ann@example.com]
    commercelayer: { metadata: { tier: gold } }
    bigcommerce:
      discount_rules: [{ type: all, method: percent, amount: 5 }]
  staff:
    name: Staff
    members: [bob@example.com]
`;

const emails = ['jane@example.com', 'ann@example.com', 'bob@example.com', 'stray@example.com'];
const clAt = '2026-01-01T00:00:00.000Z';
const bcAt = 'Thu, 01 Jan 2026 00:00:00 +0000';

/** Every platform: VIP exists (drifted), Staff does not, Jane is in VIP, Stray is in VIP but not declared. */
const states = {
  commercelayer: {
    organization: { slug: 'acme', id: 'OrgAcmeXyz' },
    customer_groups: [
      {
        id: 'GrpVipAaaa',
        name: 'VIP Customers',
        code: 'vip',
        reference: null,
        reference_origin: null,
        metadata: { tier: 'silver' },
        created_at: clAt,
        updated_at: clAt,
      },
    ],
    customers: emails.map((email, i) => ({
      id: `Cus${i}Aaaaaa`,
      email,
      customer_group_id: i === 0 || i === 3 ? 'GrpVipAaaa' : null,
      status: 'prospect' as const,
      reference: null,
      reference_origin: null,
      metadata: {},
      created_at: clAt,
      updated_at: clAt,
    })),
  },
  bigcommerce: {
    stores: {
      [SANDBOX_STORE_HASH]: {
        customer_groups: [
          {
            id: 1,
            name: 'VIP',
            is_default: false,
            is_group_for_guests: false,
            category_access: { type: 'all' as const },
            discount_rules: [],
            date_created: bcAt,
            date_modified: bcAt,
          },
        ],
        customers: emails.map((email, i) => ({
          id: i + 1,
          email,
          first_name: 'A',
          last_name: 'B',
          customer_group_id: i === 0 || i === 3 ? 1 : 0,
          date_created: clAt,
          date_modified: clAt,
        })),
      },
    },
  },
  xtrakit: {
    customer_groups: [{ id: 1, group_name: 'VIP', group_description: 'Big spenders' }],
    customers: emails.map((customer_email, i) => ({
      id: i + 1,
      customer_email,
      customer_name: 'A B',
      ...address,
      customer_group_id: i === 0 || i === 3 ? 1 : null,
    })),
  },
};

let servers: { cl?: CommerceLayerEmulator; bc?: BigCommerceEmulator; xk?: XtrakitEmulator; project?: Project } = {};
afterEach(async () => {
  const { cl, bc, xk, project } = servers;
  servers = {};
  await Promise.all([cl?.close(), bc?.close(), xk?.close()]);
  await project?.remove();
});

describe('groupform on Commerce Layer, BigCommerce and Xtrakit at once', () => {
  it('plans all three, applies all three in one run, then plans no changes', async () => {
    const cl = (servers.cl = await startCommerceLayerEmulator({ port: 0, state: states.commercelayer, rateLimits: false }));
    const bc = (servers.bc = await startBigCommerceEmulator({ port: 0, state: states.bigcommerce }));
    const xk = (servers.xk = await startXtrakitEmulator({ port: 0, state: states.xtrakit, rateLimits: false }));
    const project = (servers.project = await createProject({ 'groups.yaml': config }));
    const env = {
      CL_BASE_URL: cl.url,
      CL_CLIENT_ID: SANDBOX_CL_CLIENT_ID,
      CL_CLIENT_SECRET: SANDBOX_CL_CLIENT_SECRET,
      BC_BASE_URL: bc.url,
      BC_STORE_HASH: SANDBOX_STORE_HASH,
      BC_ACCESS_TOKEN: SANDBOX_ACCESS_TOKEN,
      XTRAKIT_BASE_URL: xk.url,
      XTRAKIT_API_KEY: SANDBOX_XTRAKIT_API_KEY,
    };

    const planned = await project.run(['plan', '--detailed-exitcode'], env);
    expect(planned.stderr).toBe('');
    expect(planned.code).toBe(2);
    for (const provider of ['bc', 'cl', 'xk']) {
      // Each section headed with its platform and store; on cl, the rename of vip runs (and shows) before the create.
      const section = planned.stdout.split('\n\n').find((part) => part.startsWith(`Provider ${provider} (`));
      expect(section).toContain(`\n  + create group ${provider}/staff\n`);
      expect(planned.stdout).toContain(`  - 1 customer leaves ${provider}/vip\n      - stray@example.com`);
    }
    expect(planned.stdout).toContain('Plan: 3 groups to add, 3 to change, 0 to delete; 9 customers to move.');

    const applied = await project.run(['apply', '--auto-approve'], env);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Apply complete: 15 done, 0 failed, 0 not attempted.');

    const again = await project.run(['plan', '--detailed-exitcode'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('No changes. Live state matches groups.yaml.\n');

    // Each platform, in its own terms: VIP = {Jane, Ann}, Staff = {Bob}, Stray in no group.
    const clState = cl.state();
    const clGroup = (name: string) => clState.customer_groups.find((g) => g.name === name)?.id;
    expect(clState.customers.map((c) => c.customer_group_id)).toEqual([clGroup('VIP'), clGroup('VIP'), clGroup('Staff'), null]);
    expect(clState.customer_groups.find((g) => g.code === 'vip')?.metadata).toEqual({ tier: 'gold' });
    const store = bc.state().stores[SANDBOX_STORE_HASH]!;
    const bcStaff = store.customer_groups.find((g) => g.name === 'Staff')!.id;
    expect(store.customers.map((c) => c.customer_group_id)).toEqual([1, 1, bcStaff, 0]);
    expect(store.customer_groups[0]!.discount_rules).toEqual([{ type: 'all', method: 'percent', amount: '5.0000' }]);
    const xkState = xk.state();
    expect(xkState.customers.map((c) => c.customer_group_id)).toEqual([1, 1, 2, null]);
    expect(xkState.customer_groups.map((g) => [g.group_name, g.group_description])).toEqual([
      ['VIP', 'Spent over $1,000 last year'],
      ['Staff', null],
    ]);
  });

  it("`npm start` plans the project's groups.yaml against the sandbox and shows all three platforms", async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
    const [node, bin, ...args] = pkg.scripts.start.split(' ');
    expect([node, bin]).toEqual(['node', 'bin/groupform.js']);
    const groups = await readFile(new URL('../../groups.yaml', import.meta.url), 'utf8');
    // In a scratch copy, so the sandbox's state file lands there and not in the repository.
    const project = (servers.project = await createProject({ 'groups.yaml': groups }));

    const started = await project.run(args);
    expect(started.code).toBe(0);
    // In the file's order (cl, bc, xk), each headed with its platform.
    expect(
      started.stdout
        .split('\n')
        .filter((line) => line.startsWith('Provider '))
        .map((line) => line.split(' (')[1]?.split(',')[0]),
    ).toEqual(['Commerce Layer', 'BigCommerce', 'Xtrakit']);
    expect(started.stdout).toMatch(/^Plan: \d+ groups? to add, \d+ to change, \d+ to delete; \d+ customers? to move\.$/m);
  });
});
