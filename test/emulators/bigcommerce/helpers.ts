// A tiny client for emulator tests: raw fetch, so the tests see exactly what the wire carries.
import type { BigCommerceState } from '../../../src/emulators/bigcommerce/index.js';

export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
}

export function client(url: string, store = 'sandbox1', token = 'sandbox-bc-token') {
  return async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const res = await fetch(`${url}/stores/${store}${path}`, {
      method,
      headers: { 'X-Auth-Token': token, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
}

const date = '2024-01-02 03:04:05';
const isoDate = '2024-01-02T03:04:05Z';

/** A store with two groups and five customers: 1–2 in group 1, 3 in group 2, 4–5 in none. */
export function seededState(): BigCommerceState {
  const group = (id: number, name: string) => ({
    id,
    name,
    is_default: false,
    is_group_for_guests: false,
    category_access: { type: 'all' as const },
    discount_rules: [],
    date_created: date,
    date_modified: date,
  });
  const customer = (id: number, groupId: number) => ({
    id,
    email: `customer${id}@example.com`,
    first_name: 'C',
    last_name: String(id),
    customer_group_id: groupId,
    date_created: isoDate,
    date_modified: isoDate,
  });
  return {
    stores: {
      sandbox1: {
        customer_groups: [group(1, 'VIP'), group(2, 'Wholesale')],
        customers: [customer(1, 1), customer(2, 1), customer(3, 2), customer(4, 0), customer(5, 0)],
      },
    },
  };
}
