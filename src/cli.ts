// The command line: registers one module per command and is the one error boundary of the program.
import yargs from 'yargs';
import { createRequire } from 'node:module';
import { GroupformError, ConfigError, PlanError } from './errors.js';
import { processIo, type Io } from './commands/io.js';
import { commands } from './commands/index.js';
import { formatFinding } from './render/findings.js';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };

/** Exit codes: 0 success, 1 error, 2 changes present (with --detailed-exitcode), 3 partial (stale items skipped). */
export async function main(argv: string[], io: Io = processIo()): Promise<void> {
  const verbose = argv.includes('--verbose');
  try {
    const parser = yargs(argv)
      .scriptName('groupform')
      .usage('$0 <command> [options]\n\nCustomer groups and their memberships as code.')
      .option('config', {
        alias: 'c',
        type: 'string',
        default: 'groups.yaml',
        describe: 'The groups file',
        global: true,
      })
      .option('color', { type: 'boolean', default: true, describe: 'Colour output on a terminal (--no-color to turn off)', global: true })
      .option('verbose', { type: 'boolean', default: false, describe: 'Show more detail, and stacks on errors', global: true })
      .command(commands(io))
      .demandCommand(1, 'Name a command: validate, plan, apply, drift, import or sandbox.')
      .strict()
      .recommendCommands()
      .version(version)
      .help()
      .alias('h', 'help')
      .wrap(Math.min(100, process.stdout.columns ?? 100))
      .fail((message, error) => {
        throw error ?? new GroupformError('usage', message);
      })
      .exitProcess(false);
    await parser.parseAsync();
  } catch (error) {
    process.exitCode = reportError(error, io, verbose);
  }
}

function reportError(error: unknown, io: Io, verbose: boolean): number {
  if (error instanceof ConfigError || error instanceof PlanError) {
    for (const finding of error.findings) io.stderr.write(formatFinding(finding) + '\n');
  }
  if (error instanceof GroupformError) {
    io.stderr.write(`Error: ${error.message}\n`);
    if (verbose && error.stack) io.stderr.write(error.stack + '\n');
    return 1;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  io.stderr.write(`Error: ${err.message}\n`);
  if (verbose && err.stack) io.stderr.write(err.stack + '\n');
  return 1;
}
