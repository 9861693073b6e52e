// Shared pieces of the BigCommerce end-to-end tests: emulator state records, a groups.yaml provider block
// that reads its store from the environment, and the environment the CLI child gets.
import type { BigCommerceEmulator, BigCommerceState, CustomerGroupRecord, CustomerRecord, StoreCredentials } from '../../src/emulators/bigcommerce/index.js';
import type { RecordedRequest } from '../../src/emulators/common/types.js';

export const STORE: StoreCredentials = { storeHash: 'e2estore1', accessToken: 'bc-e2e-token-3f9a1c' };
export const STORE_2: StoreCredentials = { storeHash: 'e2estore2', accessToken: 'bc-e2e-token-7d20be' };

export function group(id: number, name: string, fields: Partial<CustomerGroupRecord> = {}): CustomerGroupRecord {
  return {
    id,
    name,
    is_default: false,
    is_group_for_guests: false,
    category_access: { type: 'all' },
    discount_rules: [],
    date_created: '2026-01-02 09:30:00',
    date_modified: '2026-01-02 09:30:00',
    ...fields,
  };
}

export function customer(id: number, email: string, groupId = 0): CustomerRecord {
  const [first = 'x', last = 'y'] = email.split('@')[0]!.split('.');
  return {
    id,
    email,
    first_name: first,
    last_name: last,
    customer_group_id: groupId,
    date_created: '2026-01-02T09:30:00Z',
    date_modified: '2026-01-02T09:30:00Z',
  };
}

/** `count` customers `c<n>@example.com` with ids from `firstId`, all in `groupId`. */
export function crowd(count: number, firstId: number, groupId = 0, prefix = 'c'): CustomerRecord[] {
  return Array.from({ length: count }, (_, i) => customer(firstId + i, `${prefix}${firstId + i}@example.com`, groupId));
}

export function state(stores: Record<string, { groups: CustomerGroupRecord[]; customers: CustomerRecord[] }>): BigCommerceState {
  return {
    stores: Object.fromEntries(Object.entries(stores).map(([hash, s]) => [hash, { customer_groups: s.groups, customers: s.customers }])),
  };
}

/** A `providers:` entry whose URL, store and token come from `${PREFIX}_BASE_URL` and friends. */
export function providerBlock(name: string, prefix: string, extra = ''): string {
  return [
    `  ${name}:`,
    '    type: bigcommerce',
    `    base_url: \${${prefix}_BASE_URL}`,
    `    store_hash: \${${prefix}_STORE_HASH}`,
    `    access_token: \${${prefix}_ACCESS_TOKEN}`,
    ...(extra ? extra.split('\n').map((line) => `    ${line}`) : []),
  ].join('\n');
}

/** The variables `providerBlock(…, prefix)` reads, pointing at one store of the emulator. */
export function storeEnv(bc: BigCommerceEmulator, store: StoreCredentials, prefix = 'BC'): Record<string, string> {
  return {
    [`${prefix}_BASE_URL`]: bc.url,
    [`${prefix}_STORE_HASH`]: store.storeHash,
    [`${prefix}_ACCESS_TOKEN`]: store.accessToken,
  };
}

/** The platform calls made so far that match, e.g. `calls(bc, 'PUT', '/v3/customers')`. */
export function calls(bc: BigCommerceEmulator, method: string, pathEnd: string, store = STORE): RecordedRequest[] {
  const path = `/stores/${store.storeHash}${pathEnd}`;
  return bc.requests.filter((r) => r.method === method && (r.path === path || (pathEnd.endsWith('/') && r.path.startsWith(path))));
}

/** The group of each customer by e-mail, for one store. */
export function membership(bc: BigCommerceEmulator, store = STORE): Record<string, number> {
  const s = bc.state().stores[store.storeHash]!;
  return Object.fromEntries(s.customers.map((c) => [c.email, c.customer_group_id]));
}
