// The config pipeline: read → parse (YAML, positions, duplicate keys, ${VAR}) → schema → members and
// semantic rules → DesiredState. Each stage's errors stop the next, since a later stage cannot make sense
// of data an earlier one rejected; every finding of the stage that stopped is reported.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import type { DesiredState, Finding } from '../model.js';
import { fileProblem, gatherGroups } from './groups.js';
import type { Env } from './interpolate.js';
import { parseConfig } from './parse.js';
import { resolveGroups, resolveProviders } from './resolve.js';
import { runRules } from './rules/index.js';
import { checkSchema } from './schema.js';
import { redactFindings, secretValues } from './secrets.js';

export interface LoadOptions {
  /** Where `${VAR}` values come from. */
  env: Env;
  /** Where a relative config path starts from; default: the process's working directory. */
  cwd?: string;
  /**
   * What an unset `${VAR}` is: an error (default: the platform commands need every value), or a warning, for
   * `validate`, which checks the file as written, as `terraform validate` does regardless of variable values.
   */
  unsetVariables?: 'error' | 'warning';
}

export interface LoadedConfig {
  desired: DesiredState;
  /** Warnings only: any error throws a ConfigError with every finding. */
  findings: Finding[];
}

/** Loads and checks a groups file. Throws ConfigError (carrying all findings) when any finding is an error. */
export async function loadConfig(file: string, options: LoadOptions): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  let bytes: Buffer;
  try {
    bytes = await readFile(path.resolve(cwd, file));
  } catch (error) {
    const message = `Cannot read the config file ${file}: ${fileProblem(error)}.`;
    throw new ConfigError([{ severity: 'error', code: 'config-unreadable', message }], { cause: error });
  }
  const parsed = parseConfig(bytes.toString('utf8'), file, options.env);
  if (options.unsetVariables === 'warning') parsed.findings = parsed.findings.map((f) => (f.code === 'unset-variable' ? { ...f, severity: 'warning' } : f));
  const secrets = secretValues(parsed.data);
  const stopOnErrors = (findings: Finding[]): void => {
    if (findings.some((finding) => finding.severity === 'error')) throw new ConfigError(redactFindings(findings, secrets));
  };

  stopOnErrors(parsed.findings);
  const schema = checkSchema(parsed.data, parsed.positions);
  if (!schema.config) throw new ConfigError(redactFindings([...parsed.findings, ...schema.findings], secrets));
  const config = schema.config;

  const hash = createHash('sha256').update(bytes);
  const gathered = await gatherGroups(config, parsed.positions, { configFile: file, cwd }, hash);
  const context = { config, positions: parsed.positions, fromEnv: parsed.fromEnv, groups: gathered.groups };
  const findings = [...parsed.findings, ...gathered.findings, ...runRules(context)];
  stopOnErrors(findings);

  return {
    desired: {
      configFile: file,
      configHash: hash.digest('hex'),
      providers: resolveProviders(config, parsed.positions),
      groups: resolveGroups(config, gathered.groups, parsed.positions),
    },
    findings: redactFindings(findings, secrets),
  };
}
