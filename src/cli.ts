// The command line: registers one module per command and is the one error boundary of the program.
import yargs, { type Argv } from 'yargs';
import { createRequire } from 'node:module';
import { GroupformError, ConfigError, PlanError, UsageError } from './errors.js';
import { processIo, type Io } from './commands/io.js';
import { commands } from './commands/index.js';
import { formatFinding } from './render/findings.js';
import { singleDashProblem, usageMessage } from './commands/flag-hints.js';
import { optionValueProblem } from './commands/options.js';
import { withEnvFile } from './commands/env-file.js';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };

const NO_COMMAND = 'Name a command: validate, plan, apply, show, drift, import, init, sandbox or completion.';

/** Exit codes: 0 success, 1 error, 2 changes present (with --detailed-exitcode), 3 partial (stale items skipped). */
export async function main(argv: string[], io: Io = processIo()): Promise<void> {
  const verbose = argv.includes('--verbose');
  try {
    const singleDash = singleDashProblem(argv);
    if (singleDash) throw new UsageError(singleDash);
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
      // `--env-file` (declared by the commands that read the environment): loaded before any command runs.
      .middleware(async (parsed) => {
        if (typeof parsed.envFile === 'string' && parsed.envFile !== '') io.env = await withEnvFile(io.env, parsed.envFile, io.cwd);
      })
      .command(commands(io))
      .completion('completion', 'Print a bash or zsh completion script (groupform completion >> ~/.bashrc)')
      .demandCommand(1, NO_COMMAND)
      // Option values are checked before any work starts (`--parallelism abc` must not wait for a plan).
      .check((parsed) => {
        const problem = optionValueProblem(parsed, declaredOptions(parser));
        if (problem) throw new UsageError(problem);
        return true;
      })
      .strict()
      .recommendCommands()
      .version(version)
      .help()
      .alias('h', 'help')
      .wrap(Math.min(100, process.stdout.columns ?? 100))
      .fail((message, error) => {
        // yargs' own parse errors (YError) are usage errors too; others are the program's.
        if (error && error.name !== 'YError') throw error;
        throw new UsageError(usageMessage(message ?? error?.message ?? '', argv, Object.keys(declaredOptions(parser).key)));
      })
      .exitProcess(false);
    try {
      // With a callback, yargs hands over what it would print itself (--help, --version, completion) instead
      // of writing to the process's console: the CLI writes only to its Io.
      await parser.parseAsync(argv, {}, (error, _parsed, output) => {
        if (!error && output) io.stdout.write(`${output}\n`);
      });
    } catch (error) {
      // Plain `groupform`: the help, on stderr as for any usage error (exit 1, as git and npm do).
      if (error instanceof UsageError && error.message === NO_COMMAND) io.stderr.write(`${await parser.getHelp()}\n\n`);
      throw error;
    }
  } catch (error) {
    process.exitCode = reportError(error, io, verbose);
  }
}

/** yargs' getOptions(): public at run time, missing from @types/yargs. */
function declaredOptions(parser: Argv<unknown>): { key: Record<string, unknown>; string: string[]; number: string[] } {
  return (parser as unknown as { getOptions(): { key: Record<string, unknown>; string: string[]; number: string[] } }).getOptions();
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
