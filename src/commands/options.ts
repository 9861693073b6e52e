// The options of the commands that read plans or platforms, as one table: each says which commands it applies
// to, so that `--help` of a command offers only what does something there. yargs, --help and README read it.
import type { Options } from 'yargs';
import type { GlobalOptions } from './io.js';

export type TableCommand = 'validate' | 'plan' | 'apply' | 'drift' | 'import' | 'show';

interface TableEntry {
  commands: readonly TableCommand[];
  option: Options;
  /** Per-command differences (apply's output has no markdown form). */
  on?: Partial<Record<TableCommand, Options>>;
}

const PLATFORM: readonly TableCommand[] = ['plan', 'apply', 'drift', 'import'];

const optionTable = {
  'env-file': {
    commands: ['validate', ...PLATFORM],
    option: { type: 'string', requiresArg: true, describe: 'Read ${VAR} values from this dotenv file too; variables already set in the environment win' },
  },
  sandbox: {
    commands: PLATFORM,
    option: { type: 'boolean', default: false, describe: 'Run against the built-in platform emulators on loopback instead of the real platforms' },
  },
  'sandbox-reset': {
    commands: PLATFORM,
    option: { type: 'boolean', default: false, describe: 'With --sandbox: start from the seed state again, forgetting earlier applies' },
  },
  format: {
    commands: ['plan', 'apply', 'drift', 'show'],
    option: {
      choices: ['text', 'json', 'markdown', 'html'],
      default: 'text',
      describe:
        'Output format: text, json (schemas/plan.schema.json), markdown (a pull-request comment) or html (a self-contained page to save and open in a browser)',
    },
    on: { apply: { choices: ['text', 'json'], default: 'text', describe: 'Output format: text, or json (schemas/apply-result.schema.json)' } },
  },
  target: {
    commands: ['plan', 'apply', 'drift'],
    option: { type: 'string', array: true, requiresArg: true, describe: 'Limit reads and changes to a provider, a group key, or provider/key (repeatable)' },
  },
  'mask-emails': {
    commands: ['plan', 'apply', 'drift', 'show'],
    option: { type: 'boolean', describe: 'Show j***#3f2a9c@example.com instead of full e-mail addresses (default: on for markdown and html, off for text)' },
  },
  'detailed-exitcode': {
    commands: ['plan'],
    option: { type: 'boolean', default: false, describe: 'Exit 0 when there are no changes, 2 when there are, 1 on error' },
  },
  strict: {
    commands: ['plan', 'apply', 'drift'],
    option: { type: 'boolean', default: false, describe: 'Treat warnings (such as customers not found) as errors' },
  },
  force: { commands: ['plan', 'apply'], option: { type: 'boolean', default: false, describe: 'Go past the safety limits on deletions and removals' } },
  bulk: {
    commands: ['plan', 'apply'],
    option: {
      type: 'boolean',
      default: true,
      describe: "Move many customers through a platform's bulk API (Commerce Layer imports) when that takes fewer calls; --no-bulk: one call per change",
    },
  },
  parallelism: {
    commands: ['apply'],
    option: { type: 'number', requiresArg: true, describe: "Most API calls in flight per provider (default: each platform's limit)" },
  },
  'log-file': {
    commands: PLATFORM,
    option: { type: 'string', requiresArg: true, describe: 'Append a JSON-lines audit of every API call (no secrets) to this file' },
  },
} satisfies Record<string, TableEntry>;

/** The yargs options of one command, from the table. */
export function optionsFor(command: TableCommand): Record<string, Options> {
  const entries: [string, TableEntry][] = Object.entries(optionTable);
  return Object.fromEntries(
    entries.filter(([, entry]) => entry.commands.includes(command)).map(([name, entry]) => [name, entry.on?.[command] ?? entry.option]),
  );
}

/** Ranges of the number options of every command, checked before any work starts. */
const NUMBER_RANGES: Record<string, { min: number; max?: number; integer: boolean }> = {
  parallelism: { min: 1, integer: true },
  port: { min: 0, max: 65_535, integer: true },
  'latency-ms': { min: 0, integer: false },
  'fault-rate': { min: 0, max: 1, integer: false },
};

/**
 * A usage problem with the option values yargs parsed (`--parallelism abc` arrives as NaN, `--out=` as ''),
 * or undefined. `declared`: the names of the string and number options yargs knows.
 */
export function optionValueProblem(argv: Record<string, unknown>, declared: { string: readonly string[]; number: readonly string[] }): string | undefined {
  for (const name of declared.number) {
    const values = ([] as unknown[]).concat(argv[name] ?? []);
    const range = NUMBER_RANGES[name];
    for (const value of values) {
      if (typeof value !== 'number' || Number.isNaN(value)) return `--${name} needs a number`;
      if (range && (value < range.min || (range.max !== undefined && value > range.max) || (range.integer && !Number.isInteger(value)))) {
        const kind = range.integer ? 'a whole number' : 'a number';
        return `--${name} ${value}: must be ${kind} ${range.max === undefined ? `of at least ${range.min}` : `from ${range.min} to ${range.max}`}`;
      }
    }
  }
  for (const name of declared.string) {
    if (([] as unknown[]).concat(argv[name] ?? []).some((value) => value === '')) return `--${name} needs a value`;
  }
  return undefined;
}

export interface PlatformOptions extends GlobalOptions {
  sandbox: boolean;
  sandboxReset: boolean;
  format: 'text' | 'json' | 'markdown' | 'html';
  target?: string[];
  maskEmails?: boolean;
  detailedExitcode: boolean;
  strict: boolean;
  force: boolean;
  parallelism?: number;
  logFile?: string;
  /** Absent where the command has no --bulk option (drift, import): bulk paths stay allowed, they only write. */
  bulk?: boolean;
}
