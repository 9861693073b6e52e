// A small plan with every kind of change, built by hand so renderer tests do not depend on the planner.
import type { GroupRef, MembershipChange, Plan } from '../../src/model.js';

const vip: GroupRef = { key: 'vip', id: null, name: 'VIP' };
const staff: GroupRef = { key: 'staff', id: 's1', name: 'Staff' };
const wholesale: GroupRef = { key: 'wholesale', id: '2', name: 'Wholesale' };

export function member(provider: string, email: string, before: GroupRef | null, after: GroupRef | null): MembershipChange {
  return {
    kind: 'membership',
    action: after === null ? 'delete' : before === null ? 'create' : 'update',
    address: `${provider}/members/${email}`,
    provider,
    customerId: `id-${email}`,
    email,
    before,
    after,
  };
}

export function samplePlan(): Plan {
  return {
    formatVersion: 1,
    configHash: 'c0ffee',
    fingerprint: 'f00d',
    changes: [
      {
        kind: 'group',
        action: 'create',
        address: 'cl/vip',
        provider: 'cl',
        key: 'vip',
        id: null,
        before: null,
        after: { name: 'VIP', metadata: { tier: 'gold' } },
      },
      {
        kind: 'group',
        action: 'update',
        address: 'bc/wholesale',
        provider: 'bc',
        key: 'wholesale',
        id: '2',
        before: { name: 'Trade', discount_rules: [{ type: 'all', method: 'percent', amount: '10.0000' }] },
        after: { name: 'Wholesale', discount_rules: [{ type: 'all', method: 'percent', amount: '5.0000' }] },
      },
      member('cl', 'jane@example.com', staff, vip),
      member('cl', 'john@example.com', null, vip),
      member('bc', 'old@example.com', wholesale, null),
      { kind: 'group', action: 'delete', address: 'bc/#9', provider: 'bc', key: null, id: '9', before: { name: 'Legacy' }, after: null },
    ],
    findings: [{ severity: 'warning', code: 'customer-not-found', provider: 'cl', message: 'customer ghost@example.com (group vip) not found on cl' }],
    summary: { groupsToCreate: 1, groupsToUpdate: 1, groupsToDelete: 1, customersToMove: 3 },
  };
}

/** Two groups swapping names on BigCommerce: `a` takes a temporary name first, `b` takes `A`, then `a` takes `B`. */
export function swapPlan(): Plan {
  return {
    formatVersion: 1,
    configHash: 'c0ffee',
    fingerprint: 'f00d',
    changes: [
      {
        kind: 'group',
        action: 'update',
        address: 'bc/a:temporary-name',
        provider: 'bc',
        key: 'a',
        id: '1',
        before: { name: 'A' },
        after: { name: 'B (groupform-tmp-1)' },
        temporary: true,
      },
      { kind: 'group', action: 'update', address: 'bc/b', provider: 'bc', key: 'b', id: '2', before: { name: 'B' }, after: { name: 'A' } },
      { kind: 'group', action: 'update', address: 'bc/a', provider: 'bc', key: 'a', id: '1', before: { name: 'B (groupform-tmp-1)' }, after: { name: 'B' } },
    ],
    findings: [],
    summary: { groupsToCreate: 0, groupsToUpdate: 2, groupsToDelete: 0, customersToMove: 0 },
  };
}
