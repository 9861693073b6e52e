// Waiting for an asynchronous Commerce Layer job (an import or an export) to end: asked again after a pause
// that grows from 2 s to 15 s, for at most `maxWaitMs` in all.
import { GroupformError } from '../../errors.js';
import type { Clock } from '../../http/index.js';

const POLL_FIRST_MS = 2_000;
const POLL_GROWTH = 1.5;
const POLL_MAX_MS = 15_000;
/** The longest groupform waits for one job; the platform may still finish it after. */
const JOB_MAX_WAIT_MS = 30 * 60_000;

/** `what`: `import Xyz` in the error. Resolves to the first status that is neither pending nor in progress. */
export async function pollJob<S extends { status: string }>(
  clock: Clock,
  what: string,
  first: S,
  next: () => Promise<S>,
  maxWaitMs = JOB_MAX_WAIT_MS,
): Promise<S> {
  const deadline = clock.now() + maxWaitMs;
  let status = first;
  let pause = POLL_FIRST_MS;
  while (status.status === 'pending' || status.status === 'in_progress') {
    const left = deadline - clock.now();
    if (left <= 0) {
      throw new GroupformError(
        'api-timeout',
        `${what} was still ${status.status} after ${Math.round(maxWaitMs / 60_000)} min; it may yet finish — run plan again to see`,
      );
    }
    await clock.sleep(Math.min(pause, left));
    pause = Math.min(POLL_MAX_MS, pause * POLL_GROWTH);
    status = await next();
  }
  return status;
}
