// What the Commerce Layer end-to-end tests share: an emulator started in the test process, a scratch project
// whose groups.yaml points at it through the CLI's environment, and builders for the emulator's state.
import {
  startCommerceLayerEmulator,
  SANDBOX_CL_CLIENT_ID,
  SANDBOX_CL_CLIENT_SECRET,
  type CommerceLayerEmulator,
  type CommerceLayerEmulatorOptions,
  type CommerceLayerState,
  type CustomerGroupRecord,
  type CustomerRecord,
} from '../../src/emulators/commercelayer/index.js';
import { createProject, type Project } from '../helpers/e2e.js';
import type { CliResult } from '../helpers/run-cli.js';

export interface ClSetup {
  emulator: CommerceLayerEmulator;
  project: Project;
  /** The environment the CLI runs with: the emulator's URL and credentials. */
  env: Record<string, string>;
  /** Runs the CLI in the project with the emulator's URL and credentials in the environment. */
  run(args: string[], env?: Record<string, string>): Promise<CliResult>;
  /** The platform calls the emulator received (the token endpoint included). */
  calls(): { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

const AT = '2025-01-01T00:00:00.000Z';

export function group(id: string, code: string | null, name: string, extra: Partial<CustomerGroupRecord> = {}): CustomerGroupRecord {
  return { id, name, code, reference: null, reference_origin: null, metadata: {}, created_at: AT, updated_at: AT, ...extra };
}

export function customer(id: string, email: string, groupId: string | null = null): CustomerRecord {
  return {
    id,
    email,
    customer_group_id: groupId,
    status: 'prospect',
    reference: null,
    reference_origin: null,
    metadata: {},
    created_at: AT,
    updated_at: AT,
  };
}

/** A store with customers and no groups. */
export function shopWithCustomers(...emails: string[]): CommerceLayerState {
  return {
    organization: { slug: 'northwind', id: 'OrgNorthwd' },
    customer_groups: [],
    customers: emails.map((email, i) => customer(`Cus${String(i).padStart(7, '0')}`, email)),
  };
}

/** The config's provider block, reading everything from the environment. */
export const PROVIDER_BLOCK = `version: 1
providers:
  cl:
    type: commercelayer
    base_url: \${CL_BASE_URL}
    auth_url: \${CL_AUTH_URL}
    client_id: \${CL_CLIENT_ID}
    client_secret: \${CL_CLIENT_SECRET}
defaults:
  providers: [cl]
`;

export async function setupCommerceLayer(
  groupsYaml: string,
  options: CommerceLayerEmulatorOptions = {},
  credentials: { clientSecret?: string } = {},
): Promise<ClSetup> {
  const emulator = await startCommerceLayerEmulator({ seed: 1, ...options });
  const project = await createProject({ 'groups.yaml': groupsYaml });
  const env = {
    CL_BASE_URL: emulator.url,
    CL_AUTH_URL: emulator.url,
    CL_CLIENT_ID: SANDBOX_CL_CLIENT_ID,
    CL_CLIENT_SECRET: credentials.clientSecret ?? SANDBOX_CL_CLIENT_SECRET,
  };
  return {
    emulator,
    project,
    env,
    run: (args, extra = {}) => project.run(args, { ...env, ...extra }),
    calls: () => emulator.requests.map(({ method, path, status }) => ({ method, path, status })),
    close: async () => {
      await emulator.close();
      await project.remove();
    },
  };
}

/** Members of each group code, sorted, as the emulator holds them. */
export function membersByCode(state: CommerceLayerState): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const g of state.customer_groups) {
    result[g.code ?? g.id] = state.customers
      .filter((c) => c.customer_group_id === g.id)
      .map((c) => c.email)
      .sort();
  }
  return result;
}
