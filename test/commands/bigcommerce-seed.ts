// Small BigCommerce-only sandbox seeds for end-to-end tests, and the config that manages them.
import { SANDBOX_STORES } from '../../src/emulators/bigcommerce/index.js';

export interface SeedGroup {
  id: number;
  name: string;
  /** RFC 2822, as BigCommerce's v2 API dates are. */
  modified?: string;
}

export interface SeedCustomer {
  id: number;
  email: string;
  group: number;
  /** ISO 8601. */
  modified?: string;
}

export function bigCommerceSeed(groups: readonly SeedGroup[], customers: readonly SeedCustomer[]): object {
  return {
    bigcommerce: {
      stores: {
        [SANDBOX_STORES[0]!.storeHash]: {
          customer_groups: groups.map((group) => ({
            id: group.id,
            name: group.name,
            is_default: false,
            is_group_for_guests: false,
            category_access: { type: 'all' },
            discount_rules: [],
            date_created: 'Thu, 01 Jan 2026 09:00:00 +0000',
            date_modified: group.modified ?? 'Thu, 01 Jan 2026 09:00:00 +0000',
          })),
          customers: customers.map((customer) => ({
            id: customer.id,
            email: customer.email,
            first_name: 'Test',
            last_name: `Customer ${customer.id}`,
            customer_group_id: customer.group,
            date_created: '2026-01-01T09:00:00.000Z',
            date_modified: customer.modified ?? '2026-01-01T09:00:00.000Z',
          })),
        },
      },
    },
  };
}

/** A groups.yaml for the sandbox's first BigCommerce store; `groups` is the YAML under `groups:`, `extra` goes under the provider. */
export function bigCommerceConfig(groups: string, extra = ''): string {
  return [
    'version: 1',
    'providers:',
    '  bc:',
    '    type: bigcommerce',
    '    base_url: ${BC_BASE_URL}',
    '    store_hash: ${BC_STORE_HASH}',
    '    access_token: ${BC_ACCESS_TOKEN}',
    ...extra
      .split('\n')
      .filter(Boolean)
      .map((line) => `    ${line}`),
    'defaults:',
    '  providers: [bc]',
    groups === '' ? 'groups: {}' : `groups:\n${groups}`,
    '',
  ].join('\n');
}
