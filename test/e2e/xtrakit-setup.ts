// What the Xtrakit end-to-end tests share: a small merchant to seed the emulator with, a groups.yaml that
// points the real CLI at it, and one place that starts the emulator and the scratch project and closes both.
import { afterEach } from 'vitest';
import {
  SANDBOX_XTRAKIT_API_KEY,
  startXtrakitEmulator,
  type XtrakitCustomer,
  type XtrakitEmulator,
  type XtrakitEmulatorOptions,
  type XtrakitGroup,
} from '../../src/emulators/xtrakit/index.js';
import { createFaultPlan } from '../../src/emulators/common/faults.js';
import { createProject, type Project } from '../helpers/e2e.js';
import type { CliResult } from '../helpers/run-cli.js';

/** The six fields every customer edit must carry, filled as a real record would be. */
export const address = {
  customer_phone: '+44 7700 900123',
  customer_country: 'GB',
  customer_city: 'Leeds',
  customer_state: 'West Yorkshire',
  address1: '10 High Street',
};

/** A seed document: the emulator fills what the records leave out. */
export interface Seed {
  customer_groups: Partial<XtrakitGroup>[];
  customers: Partial<XtrakitCustomer>[];
}

/** A merchant drifted from `config`: VIP's description is old, John is in a group the file does not declare. */
export function seed(): Seed {
  return {
    customer_groups: [
      { id: 1, group_name: 'VIP', group_description: 'Big spenders' },
      { id: 2, group_name: 'Staff' },
      { id: 3, group_name: 'Legacy Spring Promo' },
      { id: 4, group_name: 'Beta testers' },
    ],
    customers: [
      { id: 10, customer_email: 'jane@example.com', customer_name: 'Jane Doe', ...address, customer_group_id: 1 },
      // John moves: he carries every optional field and a mixed-case e-mail, which a move must leave as they are.
      {
        id: 11,
        customer_email: 'John@Example.com',
        customer_name: 'John Roe',
        ...address,
        customer_whatsapp: '+44 7700 900999',
        customer_zip: 'LS1 4AP',
        address2: 'Flat 2',
        customer_profile: 'https://cdn.example.com/john.png',
        created_by: 'import',
        customer_group_id: 4,
      },
      { id: 12, customer_email: 'ann@example.com', customer_name: 'Ann Lee', ...address, customer_zip: 'LS2 7EE' },
      { id: 13, customer_email: 'bob@example.com', customer_name: 'Bob Ray', ...address, customer_group_id: 2 },
      { id: 14, customer_email: 'zoe@example.com', customer_name: 'Zoe Kim', ...address, customer_group_id: 3 },
      { id: 15, customer_email: 'old@example.com', customer_name: 'Old Timer', ...address, customer_group_id: 1 },
    ],
  };
}

/** The groups file: xk prunes (but never touches `Legacy *`), VIP is authoritative, the newsletter is new. */
export const config = `version: 1
providers:
  xk:
    type: xtrakit
    base_url: \${XTRAKIT_BASE_URL}
    api_key: \${XTRAKIT_API_KEY}
    prune: true
    ignore: ["Legacy *"]
defaults:
  providers: [xk]
  membership: authoritative
groups:
  vip:
    name: VIP
    description: Spent over $1,000 last year
    members: [jane@example.com, john@example.com]
  staff:
    name: Staff
    members: [bob@example.com, ann@example.com]
  newsletter:
    name: Newsletter
    description: Weekly news
    membership: additive
    members: [ghost@example.com]
`;

export interface XtrakitCase {
  emulator: XtrakitEmulator;
  project: Project;
  /** Runs the CLI in the project with the emulator's URL and `apiKey` (default the emulator's key). */
  run(args: string[], options?: { apiKey?: string }): Promise<CliResult>;
}

/**
 * Registers the cleanup and returns a starter: each test starts its own emulator (seeded with `seed()` unless
 * told otherwise, no rate limit unless asked) and project (writing `config` unless given other files).
 */
export function useXtrakitCase(): (options?: { emulator?: XtrakitEmulatorOptions; files?: Record<string, string> }) => Promise<XtrakitCase> {
  const open: { emulator?: XtrakitEmulator; project?: Project }[] = [];
  afterEach(async () => {
    for (const { emulator, project } of open.splice(0)) {
      await emulator?.close();
      await project?.remove();
    }
  });
  return async (options = {}) => {
    const opened: { emulator?: XtrakitEmulator; project?: Project } = {};
    open.push(opened);
    const emulator = (opened.emulator = await startXtrakitEmulator({ port: 0, state: seed(), rateLimits: false, ...options.emulator }));
    const project = (opened.project = await createProject(options.files ?? { 'groups.yaml': config }));
    return {
      emulator,
      project,
      run: (args, { apiKey = SANDBOX_XTRAKIT_API_KEY } = {}) => project.run(args, { XTRAKIT_BASE_URL: emulator.url, XTRAKIT_API_KEY: apiKey }),
    };
  };
}

/** A customer record by id, from the emulator's current state. */
export function customer(emulator: XtrakitEmulator, id: number): XtrakitCustomer {
  const found = emulator.state().customers.find((c) => c.id === id);
  if (!found) throw new Error(`no customer ${id}`);
  return found;
}

/** Each customer's group, by id: the membership picture a test asserts. */
export function groupOf(emulator: XtrakitEmulator): Record<number, number | null> {
  return Object.fromEntries(emulator.state().customers.map((c) => [c.id, c.customer_group_id]));
}

/**
 * The first fault seed whose draws suit a test: `accept` sees, request by request, whether the emulator with
 * this `faultRate` injects a 500. Searching, rather than hard-coding a number, keeps the reason in the test.
 */
export function seedWhere(faultRate: number, length: number, accept: (faults: boolean[]) => boolean): number {
  for (let seed = 1; seed < 100_000; seed++) {
    const draw = createFaultPlan({ faultRate, kinds: ['error'] }, seed);
    if (accept(Array.from({ length }, () => draw().fault !== undefined))) return seed;
  }
  throw new Error('no seed fits');
}

/** How many of `faults` are true. */
export function count(faults: boolean[]): number {
  return faults.filter(Boolean).length;
}

/** The most 500s in a row in `faults`: a call sent in sequence fails for good only after five. */
export function longestRun(faults: boolean[]): number {
  let longest = 0;
  let run = 0;
  for (const fault of faults) longest = Math.max(longest, (run = fault ? run + 1 : 0));
  return longest;
}
