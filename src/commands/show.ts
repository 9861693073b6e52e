// `groupform show FILE`: a plan saved by `plan --out`, printed as `plan` prints one (text, json, markdown),
// for review without jq. Reads only the file, through the saved-plan reader and its checks; no config, no
// platform.
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { MAX_SAVED_PLAN_BYTES, parseSavedPlan } from '../plan/saved-file.js';
import type { GlobalOptions, Io } from './io.js';
import { optionsFor, type PlatformOptions } from './options.js';
import { writePlan } from './print-plan.js';
import { readBounded } from './read-bounded.js';

export interface ShowOptions extends GlobalOptions, Pick<PlatformOptions, 'format' | 'maskEmails'> {
  file: string;
}

export async function runShow(options: ShowOptions, io: Io): Promise<number> {
  const saved = parseSavedPlan(await readBounded(options.file, io.cwd, MAX_SAVED_PLAN_BYTES, `the saved plan ${options.file}`), options.file);
  writePlan(saved.plan, path.basename(options.config), options, io);
  return 0;
}

export function showCommand(io: Io): CommandModule<GlobalOptions, ShowOptions> {
  return {
    command: 'show <file>',
    describe: 'Print a plan saved with `plan --out FILE`, as plan prints it (no platform is called)',
    builder: (yargs) =>
      yargs
        .options(optionsFor('show'))
        .positional('file', { type: 'string', demandOption: true, describe: 'The saved plan' }) as unknown as Argv<ShowOptions>,
    handler: async (argv) => {
      process.exitCode = await runShow(argv, io);
    },
  };
}
