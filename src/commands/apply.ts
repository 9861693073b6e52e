import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { applyPlan } from '../apply/apply.js';
import { renderResults } from '../render/results.js';
import { useColor, type Io } from './io.js';
import { platformOptions, type PlatformOptions } from './options.js';
import { openPlan } from './compute-plan.js';
import { printPlan } from './print-plan.js';
import { confirm } from './confirm.js';

export interface ApplyOptions extends PlatformOptions {
  autoApprove: boolean;
}

/** `groupform apply`: plan, show, confirm, apply. Exit 1 when any change failed or was not attempted. */
export async function runApply(options: ApplyOptions, io: Io): Promise<number> {
  // Refuse before any network call: a pipeline without a terminal must say --auto-approve explicitly.
  if (!options.autoApprove && !io.interactive) {
    throw new UsageError('apply needs --auto-approve when there is no terminal to confirm on.');
  }
  const { plan, desired, findings, workspace } = await openPlan(options, io);
  try {
    printPlan(plan, desired, findings, options, io);
    if (plan.changes.length === 0) return 0;
    if (!options.autoApprove && !(await confirm(io))) {
      io.stderr.write('Apply cancelled.\n');
      return 1;
    }
    const abort = new AbortController();
    const onSigint = (): void => {
      io.stderr.write('\nInterrupted: finishing the calls in flight, starting no new ones…\n');
      abort.abort();
    };
    process.once('SIGINT', onSigint);
    try {
      const result = await applyPlan(plan, workspace.providers, {
        parallelism: options.parallelism,
        signal: abort.signal,
        output: options.format === 'json' ? 'silent' : io.interactive && (io.stderr as NodeJS.WriteStream).isTTY ? 'interactive' : 'plain',
        stream: io.stderr,
      });
      const color = useColor(io, options);
      if (options.format === 'json') io.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else io.stdout.write(renderResults(result, { color }));
      return result.failed > 0 || result.notAttempted > 0 ? 1 : 0;
    } finally {
      process.off('SIGINT', onSigint);
    }
  } finally {
    await workspace.close();
  }
}

export function applyCommand(io: Io): CommandModule<ApplyOptions, ApplyOptions> {
  return {
    command: 'apply',
    describe: 'Make the platforms match groups.yaml',
    builder: (yargs) =>
      yargs.options({
        ...platformOptions,
        'auto-approve': { type: 'boolean', default: false, describe: 'Apply without asking (required without a terminal)' },
      }) as unknown as Argv<ApplyOptions>,
    handler: async (argv) => {
      process.exitCode = await runApply(argv, io);
    },
  };
}
