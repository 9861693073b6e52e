// `groupform validate`: check groups.yaml without calling any platform; every finding goes to stdout (it is
// the command's output), then a one-line summary. Exit 0 when valid, 1 on any error. It needs no secret: an
// unset variable is a warning (a fork's pull request has no secrets), an error with --strict.
import type { Argv, CommandModule } from 'yargs';
import { ConfigError } from '../errors.js';
import type { DesiredState, Finding } from '../model.js';
import { renderValidationJson, renderValidationText, validationReport } from '../render/findings.js';
import type { GlobalOptions, Io } from './io.js';
import { optionsFor } from './options.js';

export interface ValidateOptions extends GlobalOptions {
  /** Treat warnings as errors. */
  strict: boolean;
  format: 'text' | 'json';
}

export async function runValidate(options: ValidateOptions, io: Io): Promise<number> {
  // Lazy: the loader pulls in yaml and ajv, which `--help` does not need.
  const [{ loadConfig }, { overview }] = await Promise.all([import('../config/load.js'), import('../config/overview.js')]);
  let desired: DesiredState | undefined;
  let findings: Finding[];
  try {
    ({ desired, findings } = await loadConfig(options.config, { env: io.env, cwd: io.cwd, unsetVariables: 'warning' }));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    findings = error.findings;
  }
  if (options.strict) findings = findings.map((f) => (f.severity === 'warning' ? { ...f, severity: 'error' } : f));
  const report = validationReport(options.config, findings, desired && overview(desired), options.verbose);
  io.stdout.write(options.format === 'json' ? renderValidationJson(report) : renderValidationText(report));
  return report.valid ? 0 : 1;
}

export function validateCommand(io: Io): CommandModule<GlobalOptions, ValidateOptions> {
  return {
    command: 'validate',
    describe: 'Check groups.yaml without calling any platform',
    builder: (yargs) =>
      yargs
        .options(optionsFor('validate'))
        .option('strict', { type: 'boolean', default: false, describe: 'Treat warnings (unset environment variables too) as errors' })
        .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Output format' }) as unknown as Argv<ValidateOptions>,
    handler: async (argv) => {
      process.exitCode = await runValidate(argv, io);
    },
  };
}
