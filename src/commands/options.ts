// The options shared by the commands that talk to platforms, as one table: yargs, --help and README read it.
import type { Options } from 'yargs';
import type { GlobalOptions } from './io.js';

export const platformOptions = {
  sandbox: {
    type: 'boolean',
    default: false,
    describe: 'Run against the built-in platform emulators on loopback instead of the real platforms',
  },
  'sandbox-reset': {
    type: 'boolean',
    default: false,
    describe: 'With --sandbox: start from the seed state again, forgetting earlier applies',
  },
  format: {
    choices: ['text', 'json', 'markdown'] as const,
    default: 'text' as const,
    describe: 'Output format: text, json (schemas/plan.schema.json) or markdown (a pull-request comment)',
  },
  target: {
    type: 'string',
    array: true,
    describe: 'Limit reads and changes to a provider, a group key, or provider/key (repeatable)',
  },
  'mask-emails': {
    type: 'boolean',
    describe: 'Show j***#3f2a9c@example.com instead of full e-mail addresses in text and markdown (default: on for markdown)',
  },
  'detailed-exitcode': {
    type: 'boolean',
    default: false,
    describe: 'Exit 0 when there are no changes, 2 when there are, 1 on error',
  },
  strict: { type: 'boolean', default: false, describe: 'Treat warnings (such as customers not found) as errors' },
  force: { type: 'boolean', default: false, describe: 'Go past the safety limits on deletions and removals' },
  parallelism: { type: 'number', describe: 'Most API calls in flight per provider (default: each platform\'s limit)' },
  'log-file': { type: 'string', describe: 'Append a JSON-lines audit of every API call (no secrets) to this file' },
} satisfies Record<string, Options>;

export interface PlatformOptions extends GlobalOptions {
  sandbox: boolean;
  sandboxReset: boolean;
  format: 'text' | 'json' | 'markdown';
  target?: string[];
  maskEmails?: boolean;
  detailedExitcode: boolean;
  strict: boolean;
  force: boolean;
  parallelism?: number;
  logFile?: string;
}
