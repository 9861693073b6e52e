// Membership changes on one provider instance, where a customer is in at most one group:
// declared members join (from no group: create) or move (from another group: update) into their group;
// authoritative groups lose the customers they have but do not declare (delete); customers of a group
// being pruned leave it first when the platform does not unassign them itself. A customer whose e-mail does
// not name it alone (Xtrakit allows none, and duplicates) is addressed by id; it can only ever be removed.
// A group whose members the file leaves out (members null) gets no membership change of its own: its customers
// move only when another group declares them.
import {
  listedFindings,
  type DesiredGroup,
  type Finding,
  type GroupRef,
  type LiveCustomer,
  type LiveGroup,
  type LiveState,
  type MembershipChange,
} from '../model.js';
import { memberAddress, memberIdAddress } from './address.js';
import type { EmailIndex } from './email-index.js';
import { declaredName, type GroupMatch } from './identity.js';

export interface MembershipInput {
  live: LiveState;
  /** `live`'s customers by e-mail. */
  customers: EmailIndex;
  /** Every declared group of the provider, resolved or not. */
  declared: readonly DesiredGroup[];
  resolved: readonly GroupMatch[];
  /** Live groups the plan deletes whose customers must be unassigned explicitly. */
  emptied: readonly LiveGroup[];
  strict: boolean;
}

export function planMemberships(input: MembershipInput): { changes: MembershipChange[]; findings: Finding[] } {
  const { live, resolved, customers } = input;
  const provider = live.provider;
  const changes: MembershipChange[] = [];
  const findings: Finding[] = [];
  // The customers some group declares, in resolved groups or not (a move covers leaving the old group),
  // marked by position: a byte a customer where a Set of a million addresses costs tens of MB.
  const declared = new Uint8Array(live.customers.length);
  for (const group of input.declared) for (const email of group.members ?? []) for (const position of customers.positions(email)) declared[position] = 1;
  const keyOf = new Map(resolved.flatMap(({ desired, live: group }) => (group ? [[group.id, desired.key] as const] : [])));
  const groupsById = new Map(live.groups.map((group) => [group.id, group]));
  // Only the groups that lose their undeclared customers are listed by member.
  const unassigned = new Set([
    ...resolved.flatMap(({ desired, live: group }) => (group !== null && desired.members !== null && desired.membership === 'authoritative' ? [group.id] : [])),
    ...input.emptied.map((group) => group.id),
  ]);
  const byGroup = membersOf(live.customers, unassigned);

  const currentRef = (id: string): GroupRef => ({
    key: keyOf.get(id) ?? null,
    id,
    // A group outside the read (not managed): named only where the read got its name for free.
    name: groupsById.get(id)?.name ?? live.groupNames?.[id] ?? '',
  });
  const change = (customer: LiveCustomer, email: string, after: GroupRef | null): MembershipChange => ({
    kind: 'membership',
    action: after === null ? 'delete' : customer.groupId === null ? 'create' : 'update',
    address: email !== '' && customers.only(email) !== undefined ? memberAddress(provider, email) : memberIdAddress(provider, customer.id),
    provider,
    customerId: customer.id,
    email,
    before: customer.groupId === null ? null : currentRef(customer.groupId),
    after,
  });
  const unassignUndeclared = (groupId: string): void => {
    for (const position of byGroup.get(groupId) ?? []) {
      const customer = live.customers[position]!;
      if (!declared[position]) changes.push(change(customer, customer.email.toLowerCase(), null));
    }
  };

  for (const { desired, live: group } of resolved) {
    const members = desired.members;
    if (members === null) continue;
    const target: GroupRef = { key: desired.key, id: group?.id ?? null, name: declaredName(desired) };
    // Listed per kind, the rest counted: a members file of a million addresses on a store that has none of them.
    const missing = listedFindings(findings, desired.key);
    const ambiguous = listedFindings(findings, desired.key);
    for (let index = 0; index < members.length; index++) {
      const email = members[index]!;
      const customer = customers.only(email);
      if (customer === undefined) {
        const found = customers.all(email);
        (found.length === 0 ? missing : ambiguous).add(() => customerFinding(desired, email, index, found, input.strict));
      } else if (group === null || customer.groupId !== group.id) {
        changes.push(change(customer, email, target));
      }
    }
    missing.close();
    ambiguous.close();
    if (group !== null && desired.membership === 'authoritative') unassignUndeclared(group.id);
  }
  for (const group of input.emptied) unassignUndeclared(group.id);
  return { changes, findings };
}

/** The positions of the live customers of each of `groupIds`, in read order: counted first, so that each list is allocated once. */
function membersOf(live: readonly LiveCustomer[], groupIds: ReadonlySet<string>): Map<string, Int32Array> {
  const counts = new Map<string, number>();
  if (groupIds.size === 0) return new Map();
  for (const { groupId } of live) if (groupId !== null && groupIds.has(groupId)) counts.set(groupId, (counts.get(groupId) ?? 0) + 1);
  const byGroup = new Map([...counts].map(([groupId, count]) => [groupId, new Int32Array(count)]));
  const filled = new Map<string, number>();
  for (let position = 0; position < live.length; position++) {
    const { groupId } = live[position]!;
    if (groupId === null || !groupIds.has(groupId)) continue;
    const at = filled.get(groupId) ?? 0;
    byGroup.get(groupId)![at] = position;
    filled.set(groupId, at + 1);
  }
  return byGroup;
}

/** About the group's `index`-th member, at that member's own place when the config knows it. */
function customerFinding(group: DesiredGroup, email: string, index: number, customers: readonly LiveCustomer[], strict: boolean): Finding {
  const pos = group.memberPos?.(index) ?? group.pos;
  const base = { provider: group.provider, group: group.key, ...(pos ? { pos } : {}) };
  // The ids let the merchant find the duplicates on the platform, where only they can be told apart.
  const ids = customers.map((customer) => `#${customer.id}`).join(', ');
  return customers.length === 0
    ? {
        ...base,
        severity: strict ? 'error' : 'warning',
        code: 'customer-not-found',
        message: `customer ${email} (group ${group.key}) not found on ${group.provider}; groupform never creates customers`,
      }
    : {
        ...base,
        severity: 'error',
        code: 'customer-ambiguous',
        message:
          `${customers.length} customers on ${group.provider} have the e-mail ${email} (${ids}; group ${group.key}); ` +
          'cannot tell which to move: give each its own e-mail on the platform',
      };
}

/**
 * Where deleting a group unassigns its customers on the platform itself, the plan sends no unassign for them,
 * so nothing in the changes shows that they lose their group (and its prices): a warning per deleted group
 * says how many do. Customers this plan moves into another group are not counted: their move is shown.
 */
export function unassignedByDelete(live: LiveState, deleted: readonly LiveGroup[], moves: readonly MembershipChange[]): Finding[] {
  const moving = new Set(moves.map((change) => change.customerId));
  return deleted.flatMap((group) => {
    const left = live.customers.filter((customer) => customer.groupId === group.id && !moving.has(customer.id)).length;
    if (left === 0) return [];
    const who = left === 1 ? '1 customer' : `${left} customers`;
    return [
      {
        severity: 'warning',
        code: 'unassigned-by-delete',
        provider: live.provider,
        message: `deleting group "${group.name}" (#${group.id}) on ${live.provider} leaves ${who} in no group: the platform unassigns them itself`,
      },
    ];
  });
}
