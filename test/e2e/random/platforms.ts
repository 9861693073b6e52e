// The three emulators as the randomized test sees them: each started once with no rate limits, seeded per case
// from one platform-neutral live state, and read back as one neutral view (groups and customers with every
// field but the timestamps), so the properties are written once for all three.
import {
  SANDBOX_CL_CLIENT_ID,
  SANDBOX_CL_CLIENT_SECRET,
  startCommerceLayerEmulator,
  type CommerceLayerEmulator,
} from '../../../src/emulators/commercelayer/index.js';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_STORE_HASH, startBigCommerceEmulator, type BigCommerceEmulator } from '../../../src/emulators/bigcommerce/index.js';
import { SANDBOX_XTRAKIT_API_KEY, startXtrakitEmulator, type XtrakitEmulator } from '../../../src/emulators/xtrakit/index.js';
import type { RecordedRequest } from '../../../src/emulators/common/types.js';
import type { ProviderType } from '../../../src/model.js';
import { address } from '../xtrakit-setup.js';

/** A live state before it is given a platform's shape: group `variant` picks the values of its other fields. */
export interface LiveSpec {
  groups: { n: number; name: string; code: string | null; variant: number }[];
  customers: { n: number; email: string; group: number | null }[];
}

export interface ViewGroup {
  id: string;
  name: string;
  /** Commerce Layer's code; null elsewhere. */
  code: string | null;
  /** Every other field but the timestamps, by the platform's own names. */
  fields: Record<string, unknown>;
}

interface ViewCustomer {
  id: string;
  email: string;
  groupId: string | null;
  fields: Record<string, unknown>;
}

export interface View {
  groups: ViewGroup[];
  customers: ViewCustomer[];
}

export interface Platform {
  type: ProviderType;
  /** The platform's name rule: the form under which two names are one (null: names need not be unique). */
  sameName: ((name: string) => string) | null;
  /** The remote id of the spec's group `n`. */
  id(n: number): string;
  /** The `providers:` entry (without `prune`/`ignore`) for instance `p`, reading its secrets from `env`. */
  providerYaml: string;
  env: Record<string, string>;
  /** Group fields a config field name manages (config name → platform field names). */
  fieldsOf: Record<string, string[]>;
  seed(spec: LiveSpec): void;
  view(): View;
  requests(): RecordedRequest[];
  close(): Promise<void>;
}

const AT = '2026-01-01T00:00:00.000Z';
const TIMESTAMPS = new Set(['created_at', 'updated_at', 'date_created', 'date_modified']);

function rest(record: Record<string, unknown>, drop: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !drop.includes(k) && !TIMESTAMPS.has(k)));
}

export async function startCommerceLayer(): Promise<Platform> {
  const cl: CommerceLayerEmulator = await startCommerceLayerEmulator({ port: 0, rateLimits: false, seed: 1 });
  const id = (n: number): string => `GrpAaaaa${String.fromCharCode(65 + Math.floor(n / 26))}${String.fromCharCode(97 + (n % 26))}`;
  return {
    type: 'commercelayer',
    sameName: null,
    id,
    providerYaml: [
      '    type: commercelayer',
      '    base_url: ${URL}',
      '    auth_url: ${URL}',
      '    client_id: ${CLIENT_ID}',
      '    client_secret: ${CLIENT_SECRET}',
    ].join('\n'),
    env: { URL: cl.url, CLIENT_ID: SANDBOX_CL_CLIENT_ID, CLIENT_SECRET: SANDBOX_CL_CLIENT_SECRET },
    fieldsOf: { name: ['name'], reference: ['reference'], reference_origin: ['reference_origin'], metadata: ['metadata'] },
    seed: (spec) =>
      cl.setState({
        organization: { slug: 'acme', id: 'OrgAcmeXyz' },
        customer_groups: spec.groups.map((g) => ({
          id: id(g.n),
          name: g.name,
          code: g.code,
          reference: g.variant % 2 ? `ref-${g.n}` : null,
          reference_origin: null,
          metadata: (g.variant % 3 ? { tier: g.variant % 3 === 1 ? 'gold' : 'silver', since: 2020 + g.n } : {}) as Record<string, string | number>,
          created_at: AT,
          updated_at: AT,
        })),
        customers: spec.customers.map((c) => ({
          id: `CusAaaaa${String.fromCharCode(65 + c.n)}`,
          email: c.email,
          customer_group_id: c.group === null ? null : id(c.group),
          status: 'prospect' as const,
          reference: null,
          reference_origin: null,
          metadata: { n: c.n },
          created_at: AT,
          updated_at: AT,
        })),
      }),
    view: () => {
      const s = cl.state();
      return {
        groups: s.customer_groups.map((g) => ({ id: g.id, name: g.name, code: g.code, fields: rest({ ...g }, ['id', 'name', 'code']) })),
        customers: s.customers.map((c) => ({ id: c.id, email: c.email, groupId: c.customer_group_id, fields: rest({ ...c }, ['id', 'customer_group_id']) })),
      };
    },
    requests: () => cl.requests,
    close: () => cl.close(),
  };
}

export async function startBigCommerce(): Promise<Platform> {
  const bc: BigCommerceEmulator = await startBigCommerceEmulator({
    port: 0,
    stores: [{ storeHash: SANDBOX_STORE_HASH, accessToken: SANDBOX_ACCESS_TOKEN }],
    quota: Number.MAX_SAFE_INTEGER,
  });
  const ACCESS = [{ type: 'all' as const }, { type: 'none' as const }, { type: 'specific' as const, categories: [18, 23] }];
  return {
    type: 'bigcommerce',
    sameName: (name) => name,
    id: (n) => String(n + 1),
    providerYaml: ['    type: bigcommerce', '    base_url: ${URL}', `    store_hash: ${SANDBOX_STORE_HASH}`, '    access_token: ${TOKEN}'].join('\n'),
    env: { URL: bc.url, TOKEN: SANDBOX_ACCESS_TOKEN },
    fieldsOf: {
      name: ['name'],
      is_default: ['is_default'],
      is_group_for_guests: ['is_group_for_guests'],
      category_access: ['category_access'],
      discount_rules: ['discount_rules'],
    },
    seed: (spec) =>
      bc.setState({
        stores: {
          [SANDBOX_STORE_HASH]: {
            customer_groups: spec.groups.map((g) => ({
              id: g.n + 1,
              name: g.name,
              is_default: false,
              is_group_for_guests: false,
              category_access: ACCESS[g.variant % 3]!,
              discount_rules: g.variant % 2 ? [{ type: 'all' as const, method: 'percent' as const, amount: '5.0000' }] : [],
              date_created: '2026-01-01 00:00:00',
              date_modified: '2026-01-01 00:00:00',
            })),
            customers: spec.customers.map((c) => ({
              id: c.n + 1,
              email: c.email,
              first_name: 'First',
              last_name: `Last${c.n}`,
              customer_group_id: c.group === null ? 0 : c.group + 1,
              date_created: '2026-01-01T00:00:00Z',
              date_modified: '2026-01-01T00:00:00Z',
            })),
          },
        },
      }),
    view: () => {
      const s = bc.state().stores[SANDBOX_STORE_HASH]!;
      return {
        groups: s.customer_groups.map((g) => ({ id: String(g.id), name: g.name, code: null, fields: rest({ ...g }, ['id', 'name']) })),
        customers: s.customers.map((c) => ({
          id: String(c.id),
          email: c.email,
          groupId: c.customer_group_id === 0 ? null : String(c.customer_group_id),
          fields: rest({ ...c }, ['id', 'customer_group_id']),
        })),
      };
    },
    requests: () => bc.requests,
    close: () => bc.close(),
  };
}

export async function startXtrakit(): Promise<Platform> {
  const xk: XtrakitEmulator = await startXtrakitEmulator({ port: 0, rateLimits: false });
  return {
    type: 'xtrakit',
    sameName: (name) => name.trim().toLowerCase(),
    id: (n) => String(n + 1),
    providerYaml: ['    type: xtrakit', '    base_url: ${URL}', '    api_key: ${API_KEY}'].join('\n'),
    env: { URL: xk.url, API_KEY: SANDBOX_XTRAKIT_API_KEY },
    fieldsOf: { name: ['group_name'], description: ['group_description'] },
    seed: (spec) =>
      void xk.setState({
        customer_groups: spec.groups.map((g) => ({ id: g.n + 1, group_name: g.name, group_description: g.variant % 2 ? `About ${g.name}` : null })),
        customers: spec.customers.map((c) => ({
          id: c.n + 1,
          customer_email: c.email,
          customer_name: `Customer ${c.n}`,
          ...address,
          customer_zip: c.n % 2 ? 'LS1 4AP' : null,
          customer_group_id: c.group === null ? null : c.group + 1,
        })),
      }),
    view: () => {
      const s = xk.state();
      return {
        groups: s.customer_groups.map((g) => ({ id: String(g.id), name: g.group_name, code: null, fields: rest({ ...g }, ['id', 'group_name']) })),
        customers: s.customers.map((c) => ({
          id: String(c.id),
          email: c.customer_email ?? '',
          groupId: c.customer_group_id === null ? null : String(c.customer_group_id),
          fields: rest({ ...c }, ['id', 'customer_group_id']),
        })),
      };
    },
    requests: () => xk.requests,
    close: () => xk.close(),
  };
}
