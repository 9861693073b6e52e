// Running a plan through the apply engine from a command: progress on stderr (none for JSON). The first Ctrl-C
// or SIGTERM stops new calls and lets the ones in flight finish, so the summary and `--log-file` are complete;
// the command then exits 130 (SIGINT) or 143 (SIGTERM). A second signal stops at once, naming the writes that
// were sent and not confirmed. Shared by `apply` and `apply FILE`.
import { applyPlan, type ApplyResult } from '../apply/apply.js';
import { trackInFlight } from '../apply/in-flight.js';
import type { Change, Plan } from '../model.js';
import type { Io } from './io.js';
import type { PlatformOptions } from './options.js';
import type { Workspace } from './workspace.js';

type StopSignal = 'SIGINT' | 'SIGTERM';

/** 128 + the signal's number, as shells report a process a signal ended. */
const SIGNAL_EXIT: Readonly<Record<StopSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

export interface Executed {
  result: ApplyResult;
  /** The signal that interrupted the run, if one did. */
  interrupted?: StopSignal;
}

export async function executePlan(plan: Plan, workspace: Workspace, options: PlatformOptions, io: Io): Promise<Executed> {
  const abort = new AbortController();
  const writes = trackInFlight(workspace.providers);
  let interrupted: StopSignal | undefined;
  const onSignal = (signal: StopSignal): void => {
    if (interrupted === undefined) {
      interrupted = signal;
      io.stderr.write(`\nInterrupted (${signal}): finishing the calls in flight, starting no new ones… (a second signal stops at once)\n`);
      abort.abort();
      return;
    }
    const pending = writes.pending();
    for (const change of pending) workspace.audit?.note({ provider: change.provider, change: change.address, outcome: 'unconfirmed', signal });
    io.stderr.write(unconfirmed(signal, pending));
    // The user insists: nothing may wait any longer, the calls in flight included. The audit is written already.
    process.exit(SIGNAL_EXIT[signal]);
  };
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => [signal, () => onSignal(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  const output = options.format === 'json' ? 'silent' : io.interactive && (io.stderr as NodeJS.WriteStream).isTTY ? 'interactive' : 'plain';
  // In a log, long rate-limit waits get a line per provider every few seconds, as reads do (on stderr).
  const stopProgress = output === 'interactive' ? () => undefined : workspace.progress.print(io.stderr, new Set(workspace.providers.keys()));
  try {
    const result = await applyPlan(plan, writes.providers, {
      parallelism: options.parallelism,
      signal: abort.signal,
      output,
      stream: io.stderr,
      bulk: options.bulk ?? true,
    });
    return interrupted === undefined ? { result } : { result, interrupted };
  } finally {
    stopProgress();
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
}

/** The exit code of an apply: the signal's when interrupted, else 1 when anything failed or was left out. */
export function applyExitCode({ result, interrupted }: Executed, expectedNotAttempted = 0): number {
  if (interrupted !== undefined) return SIGNAL_EXIT[interrupted];
  return result.failed > 0 || result.notAttempted > expectedNotAttempted ? 1 : 0;
}

function unconfirmed(signal: StopSignal, pending: readonly Change[]): string {
  if (pending.length === 0) return `\nStopped (${signal} again): no write was in flight. Run \`groupform plan\` to see what remains.\n`;
  const lines = pending.map((change) => `  ${change.address} (${describe(change)})`);
  return [
    '',
    `Stopped (${signal} again): ${pending.length === 1 ? '1 write was' : `${pending.length} writes were`} sent and not confirmed; each may or may not have been made:`,
    ...lines,
    'Run `groupform plan` to see what remains.',
    '',
  ].join('\n');
}

function describe(change: Change): string {
  if (change.kind === 'group') return `${change.action} group`;
  return change.after === null ? `leave ${change.before?.name || 'its group'}` : `join ${change.after.name}`;
}
