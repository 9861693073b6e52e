// An in-memory Provider for apply tests: records every call in order, tracks calls in flight, and lets a
// test fail chosen changes, hold calls open, or react when a call starts.
import type { Attributes, Capabilities, Change, GroupChange, GroupRef, LiveState, MembershipChange, Plan } from '../../src/model.js';
import type { GroupResult, MembershipResult, Provider, ResolvedMembershipChange } from '../../src/providers/provider.js';

export interface Call {
  kind: 'group' | 'memberships';
  /** Addresses the call carried. */
  addresses: string[];
  /** For memberships: the group ids sent. */
  groupIds?: (string | null)[];
}

export class FakeProvider implements Provider {
  readonly type = 'commercelayer' as const;
  readonly capabilities: Capabilities;
  readonly calls: Call[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Addresses whose change throws (group) or fails per item (membership). */
  readonly failing = new Set<string>();
  /** Addresses of membership changes whose whole batch call throws. */
  readonly throwingBatch = new Set<string>();
  /** Platform warnings to return, by group change address. */
  readonly warnings = new Map<string, string>();
  /** Called as each call starts, before it settles. */
  onCall: (call: Call) => void = () => {};
  /** Awaited inside every call: lets a test hold calls open. */
  gate: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve));
  #nextId = 100;

  constructor(
    readonly name: string,
    capabilities: Partial<Capabilities> = {},
  ) {
    this.capabilities = {
      identity: 'code',
      unique: { name: 'none', code: 'ignoring-case' },
      maxNameLength: 255,
      delete: true,
      deleteUnassignsMembers: false,
      batchMembership: 1,
      fields: ['name'],
      concurrency: 4,
      cost: {
        groupCalls: { create: 1, update: 1, delete: 1 },
        batchCalls: 1,
        rateLimits: [],
        read: { fixedCalls: 0, groups: { by: 'listing', perCall: 1000 }, customers: { by: 'listing', pageSize: 1000 } },
      },
      ...capabilities,
    };
  }

  normalize(attributes: Attributes): Attributes {
    return attributes;
  }

  read(): Promise<LiveState> {
    return Promise.resolve({ provider: this.name, groups: [], customers: [] });
  }

  async applyGroup(change: GroupChange): Promise<GroupResult> {
    await this.#call({ kind: 'group', addresses: [change.address] });
    if (this.failing.has(change.address)) throw Object.assign(new Error(`${change.address} refused`), { code: 'api-error' });
    const id = change.id ?? String(this.#nextId++);
    const warning = this.warnings.get(change.address);
    return warning === undefined ? { id } : { id, warning };
  }

  async applyMemberships(batch: ResolvedMembershipChange[]): Promise<MembershipResult[]> {
    const addresses = batch.map((item) => item.change.address);
    await this.#call({ kind: 'memberships', addresses, groupIds: batch.map((item) => item.groupId) });
    if (addresses.some((address) => this.throwingBatch.has(address))) throw new Error('batch rejected');
    return batch.map(({ change }) => (this.failing.has(change.address) ? { change, error: new Error(`${change.email} is locked`) } : { change }));
  }

  async #call(call: Call): Promise<void> {
    this.calls.push(call);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      this.onCall(call);
      await this.gate();
    } finally {
      this.inFlight -= 1;
    }
  }
}

// ---- plan builders ----

export function createGroup(provider: string, key: string): GroupChange {
  return { kind: 'group', action: 'create', address: `${provider}/${key}`, provider, key, id: null, before: null, after: { name: key } };
}

export function updateGroup(provider: string, key: string, id: string): GroupChange {
  return { kind: 'group', action: 'update', address: `${provider}/${key}`, provider, key, id, before: { name: 'old' }, after: { name: key } };
}

export function deleteGroup(provider: string, id: string): GroupChange {
  return { kind: 'group', action: 'delete', address: `${provider}/#${id}`, provider, key: null, id, before: { name: `G${id}` }, after: null };
}

export function ref(key: string | null, id: string | null): GroupRef {
  return { key, id, name: key ?? `G${id}` };
}

/** A customer entering `after` from `before` (null: from no group). */
export function assign(provider: string, email: string, after: GroupRef, before: GroupRef | null = null): MembershipChange {
  return {
    kind: 'membership',
    action: before ? 'update' : 'create',
    address: `${provider}/members/${email}`,
    provider,
    customerId: `c-${email}`,
    email,
    before,
    after,
  };
}

export function unassign(provider: string, email: string, before: GroupRef): MembershipChange {
  return {
    kind: 'membership',
    action: 'delete',
    address: `${provider}/members/${email}`,
    provider,
    customerId: `c-${email}`,
    email,
    before,
    after: null,
  };
}

export function emails(n: number, prefix = 'u'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);
}

export function planOf(changes: Change[]): Plan {
  return {
    formatVersion: 1,
    configHash: 'c',
    fingerprint: 'f',
    changes,
    findings: [],
    summary: { groupsToCreate: 0, groupsToUpdate: 0, groupsToDelete: 0, customersToMove: 0 },
  };
}

export function providersOf(...providers: Provider[]): Map<string, Provider> {
  return new Map(providers.map((provider) => [provider.name, provider]));
}
