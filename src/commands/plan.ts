import type { Argv, CommandModule } from 'yargs';
import type { Io } from './io.js';
import { optionsFor, type PlatformOptions } from './options.js';
import { computePlan } from './compute-plan.js';
import { printPlan } from './print-plan.js';
import { savePlan } from './save-plan.js';

export interface PlanOptions extends PlatformOptions {
  /** Save the plan here for `groupform apply FILE`. */
  out?: string;
}

/** `groupform plan`: read, diff, print (and save with --out). Exit 0, or with --detailed-exitcode 2 when there are changes. */
export async function runPlan(options: PlanOptions, io: Io): Promise<number> {
  const computed = await computePlan(options, io);
  const { plan, desired, findings } = computed;
  if (options.out) await savePlan(options.out, computed, io);
  await printPlan(plan, desired, findings, options, io);
  return options.detailedExitcode && plan.changes.length > 0 ? 2 : 0;
}

export function planCommand(io: Io): CommandModule<PlanOptions, PlanOptions> {
  return {
    command: 'plan',
    describe: 'Show what apply would change',
    builder: (yargs) =>
      yargs.options({
        ...optionsFor('plan'),
        out: { type: 'string', requiresArg: true, describe: 'Save the plan to FILE, to apply exactly it later with `groupform apply FILE`' },
      }) as unknown as Argv<PlanOptions>,
    handler: async (argv) => {
      process.exitCode = await runPlan(argv, io);
    },
  };
}
