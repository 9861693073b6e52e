// Lookups over one store's customers by id, by e-mail (lower case) and by group, so that a store of a million
// customers answers a filtered page or a batch update without scanning them all. Built on first use for a
// store record; every write that moves a customer or changes its e-mail tells the index (`moved`, `renamed`).
// The emulator has no call that creates or deletes a customer, so the set of records is fixed per state.
import type { CustomerRecord, StoreState } from './state.js';

/** Matching lists kept for repeated page requests of one filter (a read pages through the same filter). */
const CACHED_LISTS = 8;

export class CustomerIndex {
  readonly #records: readonly CustomerRecord[];
  /** The records by id, made on first need: a filter matching most of the store is a scan of these. */
  #sorted: CustomerRecord[] | undefined;
  readonly #byId = new Map<number, CustomerRecord>();
  readonly #byEmail = new Map<string, CustomerRecord>();
  readonly #byGroup = new Map<number, Set<CustomerRecord>>();
  /** Full matching lists by filter, valid while no write happened since (writes clear it). */
  readonly #lists = new Map<string, CustomerRecord[]>();

  constructor(records: readonly CustomerRecord[]) {
    this.#records = records;
    for (const customer of records) {
      this.#byId.set(customer.id, customer);
      this.#byEmail.set(customer.email.toLowerCase(), customer);
      this.#groupSet(customer.customer_group_id).add(customer);
    }
  }

  /** Whether this index was built over these records (a replaced array needs a new index). */
  covers(records: readonly CustomerRecord[]): boolean {
    return records === this.#records;
  }

  byId(id: number): CustomerRecord | undefined {
    return this.#byId.get(id);
  }

  /** The customer holding this e-mail, compared ignoring case. */
  byEmail(email: string): CustomerRecord | undefined {
    return this.#byEmail.get(email.toLowerCase());
  }

  inGroup(groupId: number): ReadonlySet<CustomerRecord> {
    return this.#byGroup.get(groupId) ?? new Set();
  }

  /**
   * The customers matching every given filter, sorted by id. Candidates come from the narrowest index;
   * the result is kept for the next page of the same filter.
   */
  matching(filter: { ids?: ReadonlySet<number>; groups?: ReadonlySet<number>; emails?: readonly string[] }): CustomerRecord[] {
    const key = JSON.stringify([
      [...(filter.ids ?? [])],
      [...(filter.groups ?? [])],
      filter.emails ?? null,
      filter.ids === undefined,
      filter.groups === undefined,
    ]);
    const cached = this.#lists.get(key);
    if (cached) return cached;
    const { ids, groups, emails } = filter;
    const emailSet = emails === undefined ? undefined : new Set(emails.map((email) => email.toLowerCase()));
    let candidates: Iterable<CustomerRecord>;
    if (emailSet !== undefined) candidates = present([...emailSet].map((email) => this.#byEmail.get(email)));
    else if (ids !== undefined) candidates = present([...ids].map((id) => this.#byId.get(id)));
    else if (groups !== undefined && sizeOf(groups, (id) => this.inGroup(id).size) < this.#records.length / 4) {
      candidates = [...groups].flatMap((id) => [...this.inGroup(id)]);
    } else candidates = this.#sorted ??= [...this.#records].sort(byId);
    const list = [...candidates]
      .filter((c) => ids === undefined || ids.has(c.id))
      .filter((c) => groups === undefined || groups.has(c.customer_group_id))
      .filter((c) => emailSet === undefined || emailSet.has(c.email.toLowerCase()))
      .sort(byId);
    if (this.#lists.size >= CACHED_LISTS) this.#lists.delete(this.#lists.keys().next().value!);
    this.#lists.set(key, list);
    return list;
  }

  /** Call after `customer.customer_group_id` changed from `from`. */
  moved(customer: CustomerRecord, from: number): void {
    this.#lists.clear();
    this.#byGroup.get(from)?.delete(customer);
    this.#groupSet(customer.customer_group_id).add(customer);
  }

  /** Call after `customer.email` changed from `from`. */
  renamed(customer: CustomerRecord, from: string): void {
    this.#lists.clear();
    if (this.#byEmail.get(from.toLowerCase()) === customer) this.#byEmail.delete(from.toLowerCase());
    this.#byEmail.set(customer.email.toLowerCase(), customer);
  }

  #groupSet(groupId: number): Set<CustomerRecord> {
    let set = this.#byGroup.get(groupId);
    if (!set) this.#byGroup.set(groupId, (set = new Set()));
    return set;
  }
}

const indexes = new WeakMap<StoreState, CustomerIndex>();

/** The index of a store's customers, built on first use and again when the store's customer list was replaced. */
export function customerIndex(store: StoreState): CustomerIndex {
  let index = indexes.get(store);
  if (!index || !index.covers(store.customers)) indexes.set(store, (index = new CustomerIndex(store.customers)));
  return index;
}

const byId = (a: CustomerRecord, b: CustomerRecord): number => a.id - b.id;

function sizeOf<T>(items: Iterable<T>, size: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += size(item);
  return total;
}

function present<T>(items: readonly (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}
