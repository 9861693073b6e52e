// Running a plan through the apply engine from a command: progress on stderr (none for JSON), Ctrl-C stops
// new calls and lets the ones in flight finish. Shared by `apply` and `apply FILE`.
import { applyPlan, type ApplyResult } from '../apply/apply.js';
import type { Plan } from '../model.js';
import type { Io } from './io.js';
import type { PlatformOptions } from './options.js';
import type { Workspace } from './workspace.js';

export async function executePlan(plan: Plan, workspace: Workspace, options: PlatformOptions, io: Io): Promise<ApplyResult> {
  const abort = new AbortController();
  const onSigint = (): void => {
    io.stderr.write('\nInterrupted: finishing the calls in flight, starting no new ones…\n');
    abort.abort();
  };
  process.once('SIGINT', onSigint);
  try {
    return await applyPlan(plan, workspace.providers, {
      parallelism: options.parallelism,
      signal: abort.signal,
      output: options.format === 'json' ? 'silent' : io.interactive && (io.stderr as NodeJS.WriteStream).isTTY ? 'interactive' : 'plain',
      stream: io.stderr,
    });
  } finally {
    process.off('SIGINT', onSigint);
  }
}
