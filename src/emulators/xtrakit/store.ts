// The emulator's live data: the state, its clock, and the groups' auto-increment counter that, as in a SQL
// table, never hands out an id again within a run, even after the highest group is deleted. Customers are
// indexed by id and by group (built on first use), so a state of a million customers answers without a scan.
import type { Clock } from '../common/types.js';
import { nextId, timestamp, type XtrakitCustomer, type XtrakitState } from './state.js';

export class XtrakitStore {
  #state: XtrakitState;
  #nextGroupId: number;
  readonly #clock: Clock;
  /** The emulator never creates or deletes customers: this holds until the state is replaced. */
  #byId: Map<number, XtrakitCustomer> | undefined;
  /** Each group's customers in state order (key null: in none); dropped by any write that moves one. */
  #byGroup: Map<number | null, XtrakitCustomer[]> | undefined;

  constructor(state: XtrakitState, clock: Clock) {
    this.#state = state;
    this.#nextGroupId = nextId(state.customer_groups);
    this.#clock = clock;
  }

  get state(): XtrakitState {
    return this.#state;
  }

  /** Replaces the data; the counter only moves forward so that ids stay unique within the run. */
  replace(state: XtrakitState): void {
    this.#state = state;
    this.#byId = undefined;
    this.#byGroup = undefined;
    this.#nextGroupId = Math.max(this.#nextGroupId, nextId(state.customer_groups));
  }

  customer(id: number): XtrakitCustomer | undefined {
    this.#byId ??= new Map(this.#state.customers.map((c) => [c.id, c]));
    return this.#byId.get(id);
  }

  /** The customers whose `customer_group_id` is `groupId`, in state order. */
  inGroup(groupId: number | null): readonly XtrakitCustomer[] {
    if (!this.#byGroup) {
      const byGroup = new Map<number | null, XtrakitCustomer[]>();
      for (const customer of this.#state.customers) {
        const list = byGroup.get(customer.customer_group_id);
        if (list) list.push(customer);
        else byGroup.set(customer.customer_group_id, [customer]);
      }
      this.#byGroup = byGroup;
    }
    return this.#byGroup.get(groupId) ?? [];
  }

  /** Call after changing a customer's group. */
  movedCustomers(): void {
    this.#byGroup = undefined;
  }

  takeGroupId(): number {
    return this.#nextGroupId++;
  }

  /** Now, in the platform's timestamp format. */
  now(): string {
    return timestamp(this.#clock());
  }
}
