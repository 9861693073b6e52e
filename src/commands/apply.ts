import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../errors.js';
import { renderResults } from '../render/results.js';
import { maskKey, useColor, type Io } from './io.js';
import { optionsFor, type PlatformOptions } from './options.js';
import { openPlan } from './compute-plan.js';
import { printFindings, printPlan } from './print-plan.js';
import { confirm } from './confirm.js';
import { applyExitCode, executePlan } from './execute-plan.js';
import { runApplySaved } from './apply-saved.js';

export interface ApplyOptions extends PlatformOptions {
  autoApprove: boolean;
  /** A saved plan (`plan --out`) to apply exactly, instead of planning afresh. */
  plan?: string;
  /** With a saved plan: apply the items still valid, skip the stale ones (exit 3). */
  skipStale: boolean;
}

/** `groupform apply`: plan, show, confirm, apply. Exit 1 when any change failed or was not attempted; 130/143 when interrupted. */
async function runApply(options: ApplyOptions, io: Io): Promise<number> {
  if (options.skipStale) throw new UsageError('--skip-stale applies to a saved plan: groupform apply FILE --skip-stale.');
  // Refuse before any network call: a pipeline without a terminal must say --auto-approve explicitly.
  if (!options.autoApprove && !io.interactive) {
    throw new UsageError('apply needs --auto-approve when there is no terminal to confirm on.');
  }
  const { plan, desired, findings, workspace } = await openPlan(options, io);
  try {
    // JSON: stdout carries one document, the result (its items hold the changes), so the plan is not printed.
    if (options.format === 'json') printFindings(findings, io);
    else await printPlan(plan, desired, findings, options, io);
    if (plan.changes.length > 0 && !options.autoApprove && !(await confirm(io))) {
      io.stderr.write('Apply cancelled.\n');
      return 1;
    }
    if (plan.changes.length === 0 && options.format !== 'json') return 0;
    const executed = await executePlan(plan, workspace, options, io);
    const { result } = executed;
    if (options.format === 'json') io.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else io.stdout.write(renderResults(result, { color: useColor(io, options), maskEmails: options.maskEmails, maskKey: maskKey(io) }));
    return applyExitCode(executed);
  } finally {
    await workspace.close();
  }
}

export function applyCommand(io: Io): CommandModule<ApplyOptions, ApplyOptions> {
  return {
    command: 'apply [plan]',
    describe: 'Make the platforms match groups.yaml, or apply a plan saved with `plan --out`',
    builder: (yargs) =>
      yargs
        .options({
          ...optionsFor('apply'),
          'auto-approve': { type: 'boolean', default: false, describe: 'Apply without asking (required without a terminal)' },
          'skip-stale': {
            type: 'boolean',
            default: false,
            describe: 'With a saved plan: apply the items still valid and skip those the platforms changed since (exit 3)',
          },
        })
        .positional('plan', {
          type: 'string',
          describe: 'A plan saved with `groupform plan --out FILE`: applied exactly, without a prompt',
        }) as unknown as Argv<ApplyOptions>,
    handler: async (argv) => {
      // A saved plan was reviewed when it was made: it is applied without asking.
      process.exitCode = argv.plan === undefined ? await runApply(argv, io) : await runApplySaved(argv.plan, argv, io);
    },
  };
}
