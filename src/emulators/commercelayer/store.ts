// The emulator's live data and the platform's rules for changing it (required name, unique case-insensitive
// code, existing group on a customer…). Every change goes through here, and each one reports a snapshot.
import type { Clock, JsonValue } from '../common/types.js';
import { randomString } from '../common/random.js';
import { JsonApiError, validationFailed, type ValidationIssue } from './errors.js';
import { CODE_MAX_LENGTH, CODE_PATTERN, ID_ALPHABET, normalizeEmail, type CommerceLayerState, type CustomerGroupRecord, type CustomerRecord } from './state.js';

export interface GroupInput {
  name?: string | null;
  code?: string | null;
  reference?: string | null;
  reference_origin?: string | null;
  metadata?: { [key: string]: JsonValue };
}

export interface CustomerInput {
  email?: string | null;
  reference?: string | null;
  reference_origin?: string | null;
  metadata?: { [key: string]: JsonValue };
  /** undefined: leave the group alone; null: no group. */
  customer_group_id?: string | null;
}

/**
 * What DELETE does to a group that still has customers. CL documents neither; `unassign` (members are left
 * with no group, as BigCommerce documents for its groups) is the default, `lock` answers 423 Locked
 * ("could not be deleted due to integrity constraints"), the other plausible reading of CL's error table.
 */
export type GroupDeletionPolicy = 'unassign' | 'lock';

export class CommerceLayerStore {
  #state: CommerceLayerState;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #onChange: ((state: CommerceLayerState) => void) | undefined;
  /**
   * Lookups by id, e-mail and group, so that a state of a million customers answers a filtered list without a
   * scan. Groups are re-indexed whenever one comes or goes; customers (which the emulator never creates or
   * deletes) when the state is replaced, and per record when a write moves one or changes its e-mail.
   */
  #groupsById = new Map<string, CustomerGroupRecord>();
  #customersById = new Map<string, CustomerRecord>();
  #customersByEmail = new Map<string, CustomerRecord>();
  #membersByGroup = new Map<string | null, Set<CustomerRecord>>();
  /** Each customer's place in the state: lists keep creation order. */
  #position = new Map<CustomerRecord, number>();
  #version = 0;
  /** Inside batch(): changes are reported once at its end, not one snapshot per record. */
  #batch: { changed: boolean } | undefined;

  /** `state`: one that parseCommerceLayerState made (a fresh copy), which the store owns from now on. */
  constructor(state: CommerceLayerState, deps: { clock: Clock; random: () => number; onChange?: (state: CommerceLayerState) => void }) {
    this.#state = state;
    this.#clock = deps.clock;
    this.#random = deps.random;
    this.#onChange = deps.onChange;
    this.#reindexGroups();
    this.#reindexCustomers();
  }

  /** A deep copy: callers may keep or change it freely. */
  snapshot(): CommerceLayerState {
    return structuredClone(this.#state);
  }

  /** Installs (and from now on owns) a state that parseCommerceLayerState made. `notify`: report it to onChange (out-of-band edits over HTTP). */
  replace(state: CommerceLayerState, notify: boolean): void {
    this.#state = state;
    this.#reindexGroups();
    this.#reindexCustomers();
    this.#version++;
    if (notify) this.#changed();
  }

  get organization() {
    return this.#state.organization;
  }
  get groups(): readonly CustomerGroupRecord[] {
    return this.#state.customer_groups;
  }
  get customers(): readonly CustomerRecord[] {
    return this.#state.customers;
  }
  group(id: string): CustomerGroupRecord | undefined {
    return this.#groupsById.get(id);
  }
  customer(id: string): CustomerRecord | undefined {
    return this.#customersById.get(id);
  }
  customerByEmail(email: string): CustomerRecord | undefined {
    return this.#customersByEmail.get(email);
  }
  /** The customers of a group (null: of none), in creation order. */
  membersOf(groupId: string | null): CustomerRecord[] {
    return this.inCreationOrder(this.#membersByGroup.get(groupId) ?? []);
  }
  inCreationOrder(customers: Iterable<CustomerRecord>): CustomerRecord[] {
    return [...customers].sort((a, b) => this.#position.get(a)! - this.#position.get(b)!);
  }
  /** Moves with every change: what an answer kept for the next page was computed from. */
  get version(): number {
    return this.#version;
  }

  createGroup(input: GroupInput): CustomerGroupRecord {
    const now = this.#now();
    const group: CustomerGroupRecord = {
      id: this.#newId(),
      name: input.name ?? '',
      code: input.code ?? null,
      reference: input.reference ?? null,
      reference_origin: input.reference_origin ?? null,
      metadata: input.metadata ?? {},
      created_at: now,
      updated_at: now,
    };
    this.#checkGroup(group, input);
    this.#state.customer_groups.push(group);
    this.#reindexGroups();
    this.#changed();
    return group;
  }

  updateGroup(group: CustomerGroupRecord, input: GroupInput): CustomerGroupRecord {
    const next: CustomerGroupRecord = { ...group, ...definedOnly(input) } as CustomerGroupRecord;
    next.name ??= '';
    this.#checkGroup(next, input);
    return this.#commit(group, next);
  }

  deleteGroup(group: CustomerGroupRecord, policy: GroupDeletionPolicy): void {
    const members = this.membersOf(group.id);
    if (members.length && policy === 'lock') {
      throw new JsonApiError(423, [
        {
          title: 'Locked resource',
          detail: `The customer group could not be deleted due to integrity constraints: ${members.length} customers belong to it.`,
          code: 'LOCKED',
        },
      ]);
    }
    const now = this.#now();
    for (const customer of members) {
      Object.assign(customer, { customer_group_id: null, updated_at: now });
      this.#indexCustomer(customer, group.id, customer.email);
    }
    this.#state.customer_groups = this.#state.customer_groups.filter((g) => g !== group);
    this.#reindexGroups();
    this.#changed();
  }

  updateCustomer(customer: CustomerRecord, input: CustomerInput): CustomerRecord {
    const next = { ...customer, ...definedOnly(input) } as CustomerRecord;
    if (input.email !== undefined) next.email = normalizeEmail(input.email ?? '');
    this.#checkCustomer(next, customer, input.email !== undefined);
    const { customer_group_id: group, email } = customer;
    this.#commit(customer, next);
    this.#indexCustomer(customer, group, email);
    return customer;
  }

  /** Only an import creates customers here (groupform never does; the emulator serves no POST /api/customers). */
  createCustomer(input: CustomerInput): CustomerRecord {
    const now = this.#now();
    const customer: CustomerRecord = {
      id: this.#newId(),
      email: normalizeEmail(input.email ?? ''),
      customer_group_id: input.customer_group_id ?? null,
      status: 'prospect',
      reference: input.reference ?? null,
      reference_origin: input.reference_origin ?? null,
      metadata: input.metadata ?? {},
      created_at: now,
      updated_at: now,
    };
    this.#checkCustomer(customer, undefined, true);
    this.#position.set(customer, this.#state.customers.length);
    this.#state.customers.push(customer);
    this.#customersById.set(customer.id, customer);
    this.#customersByEmail.set(customer.email, customer);
    this.#membersOf(customer.customer_group_id).add(customer);
    this.#changed();
    return customer;
  }

  /** Runs `work` reporting its changes once, at the end (an import touches thousands of records). */
  batch<T>(work: () => T): T {
    if (this.#batch) return work();
    this.#batch = { changed: false };
    try {
      return work();
    } finally {
      const { changed } = this.#batch;
      this.#batch = undefined;
      if (changed) this.#changed();
    }
  }

  /** `current`: the record `next` replaces (undefined: a new one). */
  #checkCustomer(next: CustomerRecord, current: CustomerRecord | undefined, emailGiven: boolean): void {
    const issues: ValidationIssue[] = [];
    if (emailGiven) {
      if (!next.email) issues.push({ field: 'email', message: "can't be blank", error: 'blank' });
      else if (!/^[^@\s]+@[^@\s]+$/.test(next.email)) issues.push({ field: 'email', message: 'is invalid', error: 'invalid', meta: { value: next.email } });
      else if ((this.#customersByEmail.get(next.email) ?? current) !== current) {
        issues.push({ field: 'email', message: 'has already been taken', error: 'taken', meta: { value: next.email } });
      }
    }
    // Not documented, decided: a relationship to a group that does not exist fails Rails' belongs_to
    // validation ("must exist"), a 422 pointing at the relationship rather than a 404 for the whole request.
    if (next.customer_group_id !== null && !this.group(next.customer_group_id)) {
      issues.push({ field: 'customer_group', message: 'must exist', error: 'blank', relationship: true });
    }
    if (issues.length) throw validationFailed(issues);
  }

  /** Applies an update; like Rails, a write that changes nothing leaves updated_at (and onChange) alone. */
  #commit<R extends { updated_at: string }>(record: R, next: R): R {
    if (JSON.stringify(next) === JSON.stringify(record)) return record;
    Object.assign(record, next, { updated_at: this.#now() });
    this.#changed();
    return record;
  }

  #checkGroup(group: CustomerGroupRecord, input: GroupInput): void {
    const issues: ValidationIssue[] = [];
    if (!group.name.trim()) issues.push({ field: 'name', message: "can't be blank", error: 'blank' });
    const code = group.code;
    if (input.code !== undefined && code !== null) {
      if (code.length > CODE_MAX_LENGTH) {
        issues.push({ field: 'code', message: `is too long (maximum is ${CODE_MAX_LENGTH} characters)`, error: 'too_long', meta: { count: CODE_MAX_LENGTH } });
      } else if (!CODE_PATTERN.test(code)) {
        issues.push({ field: 'code', message: 'is invalid', error: 'invalid', meta: { value: code } });
      }
      const taken = this.#state.customer_groups.some((g) => g.id !== group.id && g.code?.toLowerCase() === code.toLowerCase());
      if (taken) issues.push({ field: 'code', message: 'has already been taken', error: 'taken', meta: { value: code } });
    }
    if (issues.length) throw validationFailed(issues);
  }

  #newId(): string {
    const used = (id: string) => this.group(id) !== undefined || this.customer(id) !== undefined;
    let id: string;
    do id = randomString(this.#random, ID_ALPHABET, 10);
    while (used(id));
    return id;
  }

  #reindexGroups(): void {
    this.#groupsById = new Map(this.#state.customer_groups.map((g) => [g.id, g]));
  }

  #reindexCustomers(): void {
    this.#customersById = new Map();
    this.#customersByEmail = new Map();
    this.#membersByGroup = new Map();
    this.#position = new Map();
    this.#state.customers.forEach((customer, index) => {
      this.#customersById.set(customer.id, customer);
      this.#customersByEmail.set(customer.email, customer);
      this.#membersOf(customer.customer_group_id).add(customer);
      this.#position.set(customer, index);
    });
  }

  /** After a write to `customer`, which was in `group` with `email`. */
  #indexCustomer(customer: CustomerRecord, group: string | null, email: string): void {
    if (customer.customer_group_id !== group) {
      this.#membersByGroup.get(group)?.delete(customer);
      this.#membersOf(customer.customer_group_id).add(customer);
    }
    if (customer.email !== email) {
      this.#customersByEmail.delete(email);
      this.#customersByEmail.set(customer.email, customer);
    }
  }

  #membersOf(group: string | null): Set<CustomerRecord> {
    let members = this.#membersByGroup.get(group);
    if (!members) this.#membersByGroup.set(group, (members = new Set()));
    return members;
  }

  #now(): string {
    return new Date(this.#clock()).toISOString();
  }

  #changed(): void {
    this.#version++;
    if (this.#batch) this.#batch.changed = true;
    else this.#onChange?.(this.snapshot());
  }
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
