// A scenario as each platform emulator's seed state, and the credentials the emulators accept.
import type { BigCommerceState } from '../../src/emulators/bigcommerce/index.js';
import type { CommerceLayerState } from '../../src/emulators/commercelayer/index.js';
import { groupName, type Scenario } from './scenario.js';

export const BC_STORE = { storeHash: 'bench1', accessToken: 'bench-bc-token' };
const BC_DATE = '2024-01-02 03:04:05';
const ISO_DATE = '2024-01-02T03:04:05Z';

/** A Commerce Layer-like id: ten letters. */
function letters(prefix: string, n: number): string {
  let text = '';
  for (let i = 0; i < 10 - prefix.length; i++, n = Math.floor(n / 26)) text = String.fromCharCode(97 + (n % 26)) + text;
  return prefix + text;
}

const blankCl = { reference: null, reference_origin: null, metadata: {}, created_at: ISO_DATE, updated_at: ISO_DATE };

export function commerceLayerSeed(scenario: Scenario): CommerceLayerState {
  return {
    organization: { slug: 'bench', id: 'OrgBenchAa' },
    customer_groups: scenario.groups.map((key, g) => ({ ...blankCl, id: letters('Grp', g), name: groupName(key), code: key })),
    customers: scenario.customers.map((c, i) => ({
      ...blankCl,
      id: letters('Cus', i),
      email: c.email,
      customer_group_id: c.group === null ? null : letters('Grp', c.group),
      status: 'prospect',
    })),
  };
}

export function bigCommerceSeed(scenario: Scenario): BigCommerceState {
  return {
    stores: {
      [BC_STORE.storeHash]: {
        customer_groups: scenario.groups.map((key, g) => ({
          id: g + 1,
          name: groupName(key),
          is_default: false,
          is_group_for_guests: false,
          category_access: { type: 'all' },
          discount_rules: [],
          date_created: BC_DATE,
          date_modified: BC_DATE,
        })),
        customers: scenario.customers.map((c, i) => ({
          id: i + 1,
          email: c.email,
          first_name: 'Bench',
          last_name: String(i),
          customer_group_id: c.group === null ? 0 : c.group + 1,
          date_created: ISO_DATE,
          date_modified: ISO_DATE,
        })),
      },
    },
  };
}

/** Xtrakit fills what a seed leaves out; the fields its edit-customer page requires are set, as a real customer's would be. */
export function xtrakitSeed(scenario: Scenario): { customer_groups: object[]; customers: object[] } {
  return {
    customer_groups: scenario.groups.map((key, g) => ({ id: g + 1, group_name: groupName(key) })),
    customers: scenario.customers.map((c, i) => ({
      id: i + 1,
      customer_email: c.email,
      customer_group_id: c.group === null ? null : c.group + 1,
      customer_name: `Bench ${i}`,
      customer_phone: '+44 7700 900000',
      customer_country: 'GB',
      customer_city: 'Leeds',
      customer_state: 'West Yorkshire',
      address1: '1 High Street',
    })),
  };
}
