import type { Argv, CommandModule } from 'yargs';
import type { Io } from './io.js';
import { platformOptions, type PlatformOptions } from './options.js';
import { computePlan } from './compute-plan.js';
import { printPlan } from './print-plan.js';

export type PlanOptions = PlatformOptions;

/** `groupform plan`: read, diff, print. Exit 0, or with --detailed-exitcode 2 when there are changes. */
export async function runPlan(options: PlanOptions, io: Io): Promise<number> {
  const { plan, desired, findings } = await computePlan(options, io);
  printPlan(plan, desired, findings, options, io);
  return options.detailedExitcode && plan.changes.length > 0 ? 2 : 0;
}

export function planCommand(io: Io): CommandModule<PlanOptions, PlanOptions> {
  return {
    command: 'plan',
    describe: 'Show what apply would change',
    builder: (yargs) => yargs.options(platformOptions) as unknown as Argv<PlanOptions>,
    handler: async (argv) => {
      process.exitCode = await runPlan(argv, io);
    },
  };
}
