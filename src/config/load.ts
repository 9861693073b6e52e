// The config pipeline: read → parse (YAML, positions, duplicate keys, ${VAR}) → schema → members and
// semantic rules → DesiredState. Each stage's errors stop the next, since a later stage cannot make sense
// of data an earlier one rejected; every finding of the stage that stopped is reported.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import type { DesiredState, Finding } from '../model.js';
import { gatherGroups } from './groups.js';
import { decodeUtf8, MAX_CONFIG_BYTES, notUtf8Message, readInputFile } from './input-file.js';
import type { Env } from './interpolate.js';
import { parseConfig } from './parse.js';
import { resolveGroups, resolveProviders } from './resolve.js';
import { runRules } from './rules/index.js';
import { checkSchema } from './schema.js';
import { checkSecretUses } from './secret-uses.js';
import { redactFindings } from './secrets.js';

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
  const read = await readInputFile(path.resolve(cwd, file), MAX_CONFIG_BYTES);
  if (!read.bytes) {
    const message = `Cannot read the config file ${file}: ${read.problem}.`;
    throw new ConfigError([{ severity: 'error', code: 'config-unreadable', message }], { cause: read.cause });
  }
  const bytes = read.bytes;
  const decoded = decodeUtf8(bytes, file);
  if (decoded.badByte) throw new ConfigError([{ severity: 'error', code: 'not-utf8', message: notUtf8Message('The config file'), pos: decoded.badByte }]);
  const parsed = parseConfig(decoded.text, file, options.env);
  if (options.unsetVariables === 'warning') parsed.findings = parsed.findings.map((f) => (f.code === 'unset-variable' ? { ...f, severity: 'warning' } : f));
  const { findings: secretUses, secrets } = checkSecretUses(parsed, options.env);
  const stopOnErrors = (findings: Finding[]): void => {
    if (findings.some((finding) => finding.severity === 'error')) throw new ConfigError(redactFindings(findings, secrets));
  };

  const textFindings = [...parsed.findings, ...secretUses];
  stopOnErrors(textFindings);
  const schema = checkSchema(parsed.data, parsed.positions);
  if (!schema.config) throw new ConfigError(redactFindings([...textFindings, ...schema.findings], secrets));
  const config = schema.config;

  const hash = createHash('sha256').update(bytes);
  const gathered = await gatherGroups(config, parsed.positions, { configFile: file, cwd }, hash);
  const context = { config, positions: parsed.positions, fromEnv: parsed.fromEnv, groups: gathered.groups };
  const findings = [...textFindings, ...gathered.findings, ...runRules(context)];
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
