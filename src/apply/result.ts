// The outcome of an apply, item by item. Failures are data: the engine records them here and carries on.
import type { Change } from '../model.js';

export type ItemStatus = 'done' | 'failed' | 'not-attempted';

export interface ItemError {
  /** A plain sentence: the platform's (redacted) message, or why the change was not attempted. */
  message: string;
  /** Stable code: the error's own (`api-error`, …), or `interrupted` / `dependency-failed` when not attempted. */
  code?: string;
}

export interface ItemResult {
  change: Change;
  status: ItemStatus;
  error?: ItemError;
  /** The group's id after a group change (the new one on create). */
  id?: string;
}

export interface ApplyResult {
  /** One per change of the plan, in the plan's order. */
  items: ItemResult[];
  done: number;
  failed: number;
  notAttempted: number;
  /** Platform warnings about changes that only half succeeded. */
  warnings: string[];
}

/** Why a change was not attempted: the run was interrupted, or something it depends on did not happen. */
export const interrupted: ItemError = { message: 'not started: the run was interrupted', code: 'interrupted' };
export function dependencyFailed(message: string): ItemError {
  return { message, code: 'dependency-failed' };
}

/** Collects one result per change while providers run concurrently; `toResult()` once all are recorded. */
export class ResultBook {
  readonly #changes: readonly Change[];
  readonly #results = new Map<Change, ItemResult>();
  readonly #warnings: string[] = [];

  constructor(changes: readonly Change[]) {
    this.#changes = changes;
  }

  done(change: Change, id?: string): void {
    this.#record(id === undefined ? { change, status: 'done' } : { change, status: 'done', id });
  }

  failed(change: Change, error: unknown): void {
    this.#record({ change, status: 'failed', error: describeError(error) });
  }

  notAttempted(change: Change, reason: ItemError): void {
    this.#record({ change, status: 'not-attempted', error: { ...reason } });
  }

  warn(message: string): void {
    this.#warnings.push(message);
  }

  status(change: Change): ItemStatus | undefined {
    return this.#results.get(change)?.status;
  }

  /** Why a change failed or was not attempted. */
  reason(change: Change): ItemError | undefined {
    return this.#results.get(change)?.error;
  }

  toResult(): ApplyResult {
    const items = this.#changes.map((change) => {
      const item = this.#results.get(change);
      if (!item) throw new Error(`apply recorded no result for ${change.address}`);
      return item;
    });
    const count = (status: ItemStatus) => items.filter((item) => item.status === status).length;
    return {
      items,
      done: count('done'),
      failed: count('failed'),
      notAttempted: count('not-attempted'),
      warnings: [...this.#warnings],
    };
  }

  #record(item: ItemResult): void {
    // Two results for one change means the engine ran it twice: a bug, not a platform failure.
    if (this.#results.has(item.change)) throw new Error(`apply recorded ${item.change.address} twice`);
    this.#results.set(item.change, item);
  }
}

/** The message and code of whatever a provider threw; messages of ApiError are already redacted. */
export function describeError(error: unknown): ItemError {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? { message: error.message, code } : { message: error.message };
}
