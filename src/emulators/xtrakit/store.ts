// The emulator's live data: the state, its clock, and the groups' auto-increment counter that, as in a SQL
// table, never hands out an id again within a run, even after the highest group is deleted.
import type { Clock } from '../common/types.js';
import { nextId, timestamp, type XtrakitState } from './state.js';

export class XtrakitStore {
  #state: XtrakitState;
  #nextGroupId: number;
  readonly #clock: Clock;

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
    this.#nextGroupId = Math.max(this.#nextGroupId, nextId(state.customer_groups));
  }

  takeGroupId(): number {
    return this.#nextGroupId++;
  }

  /** Now, in the platform's timestamp format. */
  now(): string {
    return timestamp(this.#clock());
  }
}
