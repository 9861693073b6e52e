// Builders for adapter tests: provider instances pointed at an emulator, declared groups, changes, and a
// fake clock that the emulator and the HTTP client share, so waits are asserted without sleeping.
import type { BigCommerceState } from '../../../src/emulators/bigcommerce/index.js';
import type { Clock } from '../../../src/http/index.js';
import {
  Secret,
  type Attributes,
  type DesiredGroup,
  type GroupChange,
  type GroupRef,
  type MembershipChange,
  type ProviderInstance,
} from '../../../src/model.js';

export function bcInstance(url: string, overrides: { name?: string; hash?: string; token?: string } = {}): ProviderInstance {
  return {
    name: overrides.name ?? 'bc',
    type: 'bigcommerce',
    settings: { store_hash: overrides.hash ?? 'sandbox1', base_url: url },
    secrets: { access_token: new Secret(overrides.token ?? 'sandbox-bc-token') },
    prune: false,
    ignore: [],
    safety: { maxGroupChangeShare: 1, maxMemberRemoveShare: 1, minObjects: 0 },
  };
}

export function declared(key: string, attributes: Attributes, extra: Partial<DesiredGroup> = {}): DesiredGroup {
  return { key, provider: 'bc', attributes, members: [], membership: 'authoritative', protect: false, ...extra };
}

export function groupChange(action: GroupChange['action'], id: string | null, before: Attributes | null, after: Attributes | null): GroupChange {
  return { kind: 'group', action, address: `bc/${id ?? 'new'}`, provider: 'bc', key: null, id, before, after };
}

export function move(customerId: number, groupId: string | null) {
  const after: GroupRef | null = groupId === null ? null : { key: null, id: groupId, name: `#${groupId}` };
  const change: MembershipChange = {
    kind: 'membership',
    action: groupId === null ? 'delete' : 'update',
    address: `bc/members/customer${customerId}@example.com`,
    provider: 'bc',
    customerId: String(customerId),
    email: `customer${customerId}@example.com`,
    before: null,
    after,
  };
  return { change, groupId };
}

export function fakeClock(start = 1_000_000) {
  let now = start;
  const waits: number[] = [];
  const clock: Clock = {
    now: () => now,
    // Time moves to the sleeper's wake-up moment: concurrent sleeps overlap, as they do on a real clock.
    sleep: async (ms) => {
      waits.push(ms);
      const wake = now + ms;
      await Promise.resolve();
      now = Math.max(now, wake);
    },
    random: () => 0.5,
  };
  return { clock, waits, now: () => now, advance: (ms: number) => void (now += ms) };
}

const date = '2024-01-02 03:04:05';
const isoDate = '2024-01-02T03:04:05Z';

/** `groups` groups named `Group N`; customer N is in group (N - 1) mod (min(spread, groups) + 1), 0 meaning none. */
export function storeState(groups: number, customers: number, spread = 2): BigCommerceState {
  return {
    stores: {
      sandbox1: {
        customer_groups: Array.from({ length: groups }, (_, i) => ({
          id: i + 1,
          name: `Group ${i + 1}`,
          is_default: false,
          is_group_for_guests: false,
          category_access: { type: 'all' as const },
          discount_rules: [],
          date_created: date,
          date_modified: date,
        })),
        customers: Array.from({ length: customers }, (_, i) => ({
          id: i + 1,
          email: `customer${i + 1}@example.com`,
          first_name: 'C',
          last_name: String(i + 1),
          customer_group_id: i % (Math.min(spread, groups) + 1),
          date_created: isoDate,
          date_modified: isoDate,
        })),
      },
    },
  };
}
