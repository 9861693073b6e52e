// Emulator state on disk: JSON seed files in, atomic snapshots out, so a sandbox run survives a restart.
import { readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { GroupformError } from '../../errors.js';

/** A state document does not have the shape a platform emulator can hold; `issues` lists every reason. */
export class StateValidationError extends GroupformError {
  readonly issues: string[];
  constructor(issues: string[], where = 'emulator state') {
    super('emulator-state-invalid', `${where} is invalid: ${issues.join('; ')}`);
    this.issues = issues;
  }
}

/** Reads and validates a state file; `parse` is the platform's validator (it throws StateValidationError). */
export async function loadStateFile<S>(path: string, parse: (raw: unknown) => S): Promise<S> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new GroupformError('emulator-state-unreadable', `cannot read emulator state ${path}`, { cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StateValidationError([`not JSON (${(error as Error).message})`], path);
  }
  try {
    return parse(raw);
  } catch (error) {
    if (error instanceof StateValidationError) throw new StateValidationError(error.issues, path);
    throw error;
  }
}

/** Writes the state beside `path` and renames it into place, so a reader never sees half a file. */
export async function saveStateFile(path: string, state: unknown): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

export interface StatePersister {
  /** Schedules a snapshot; never throws. Snapshots are written one at a time and only the latest pending one is kept. */
  save(state: unknown): void;
  /** Resolves once every scheduled snapshot is on disk; rejects with the first write error since the last flush. */
  flush(): Promise<void>;
}

/** Serialises snapshots to one file for an emulator's `onChange`, so an older state never overwrites a newer one. */
export function createStatePersister(path: string): StatePersister {
  let pending: { state: unknown } | undefined;
  let running: Promise<void> | undefined;
  let failure: unknown;

  async function drain(): Promise<void> {
    while (pending) {
      const { state } = pending;
      pending = undefined;
      try {
        await saveStateFile(path, state);
      } catch (error) {
        failure ??= error;
      }
    }
    running = undefined;
  }

  return {
    save(state) {
      pending = { state };
      running ??= drain();
    },
    async flush() {
      while (running !== undefined) await running;
      if (failure !== undefined) {
        const error = failure;
        failure = undefined;
        throw error;
      }
    },
  };
}
