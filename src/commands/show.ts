// `groupform show FILE`: a plan saved by `plan --out`, printed as `plan` prints one (text, json, markdown),
// for review without jq. Reads the file through the saved-plan reader and its checks, and the config only to
// head the sections as plan does; calls no platform.
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { loadConfig } from '../config/load.js';
import { MAX_SAVED_PLAN_BYTES, parseSavedPlan } from '../plan/saved-file.js';
import type { ProviderInfo } from '../render/plan-view.js';
import type { GlobalOptions, Io } from './io.js';
import { optionsFor, type PlatformOptions } from './options.js';
import { writePlan } from './print-plan.js';
import { readBounded } from './read-bounded.js';

export interface ShowOptions extends GlobalOptions, Pick<PlatformOptions, 'format' | 'maskEmails'> {
  file: string;
}

async function runShow(options: ShowOptions, io: Io): Promise<number> {
  const saved = parseSavedPlan(await readBounded(options.file, io.cwd, MAX_SAVED_PLAN_BYTES, `the saved plan ${options.file}`), options.file);
  await writePlan(saved.plan, path.basename(options.config), options, io, await providersOf(saved.configHash, options, io));
  return 0;
}

/**
 * The config's providers (order, platform and store for the section headings) when the config the plan was
 * made from is at hand, unchanged; otherwise the sections are headed by the providers' names alone.
 */
async function providersOf(configHash: string, options: ShowOptions, io: Io): Promise<ProviderInfo[] | undefined> {
  try {
    const { desired } = await loadConfig(options.config, { env: io.env, cwd: io.cwd, unsetVariables: 'warning' });
    return desired.configHash === configHash ? desired.providers : undefined;
  } catch {
    return undefined;
  }
}

export function showCommand(io: Io): CommandModule<GlobalOptions, ShowOptions> {
  return {
    command: 'show <file>',
    describe: 'Print a plan saved with `plan --out FILE`, as plan prints it (no platform is called)',
    builder: (yargs) =>
      yargs.options(optionsFor('show')).positional('file', { type: 'string', demandOption: true, describe: 'The saved plan' }) as unknown as Argv<ShowOptions>,
    handler: async (argv) => {
      process.exitCode = await runShow(argv, io);
    },
  };
}
