// Usage mistakes yargs would misread or report bare: a Terraform-style `-out=p.json` (yargs would read the
// one-letter flags -o -u -t), and a typo'd flag that deserves a "did you mean".
import { closest } from '../config/suggest.js';

/** A single-dash word such as `-out=p.json` before `--`, with the two-dash spelling to use instead. */
export function singleDashProblem(argv: readonly string[]): string | undefined {
  for (const arg of argv) {
    if (arg === '--') return undefined;
    // One letter (-c) is a short option; a negative number is a value.
    const match = /^-([A-Za-z][A-Za-z0-9-]+)(=.*)?$/.exec(arg);
    if (match) return `${arg}: options with a long name take two dashes: --${match[1]}${match[2] ?? ''}`;
  }
  return undefined;
}

/**
 * yargs' usage message, made actionable: "Unknown argument(s): a, b" gets "did you mean --x?" for each that
 * was typed as a flag; "Not enough arguments following: out" names the flag as typed.
 */
export function usageMessage(message: string, argv: readonly string[], known: readonly string[]): string {
  const missing = /^Not enough arguments following: (.+)$/.exec(message);
  if (missing) return `--${missing[1]} needs a value`;
  const match = /^Unknown arguments?: (.+)$/.exec(message);
  if (!match) return message;
  const typed = new Set(argv.filter((arg) => arg.startsWith('-')).map((arg) => arg.replace(/^-+/, '').replace(/=.*$/, '')));
  const hints = match[1]!.split(', ').flatMap((name) => {
    const suggestion = typed.has(name) ? closest(name, known) : undefined;
    return suggestion ? [`--${name}: did you mean --${suggestion}?`] : [];
  });
  return [message, ...hints].join('\n');
}
