// Runs the CLI as a user or a pipeline would, in one of two ways:
// - runCli: the CLI's own entry, `main(argv, io)`, in the test's process, with an in-memory Io (its folder, its
//   environment, its stdin). The same code as `bin/groupform.js` runs, without a Node start-up per command (a
//   second or more each on a loaded 2-core machine, most of the suite's time when every test spawned one).
// - runCliProcess: the built CLI (bin/groupform.js) as a child process, for what only a process shows: its start-up,
//   signals, the exit of the process itself, a memory bound.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';
import { memoryIo } from '../commands/memory-io.js';

export const binPath = fileURLToPath(new URL('../../bin/groupform.js', import.meta.url));

export interface CliResult {
  /** The exit code; null when the run outlived its time bound. */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** The whole environment the CLI sees, besides PATH, CI=true and NO_COLOR=1. */
  env?: Record<string, string | undefined>;
  /** What the CLI reads on stdin (nothing by default: stdin is closed). */
  input?: string;
  /** How long the run may take before it counts as hung (code null); a child process is then killed. */
  timeoutMs?: number;
}

const DEFAULT_TIME_BOUND_MS = 25_000;

/** A clean, non-interactive environment: no colour, no inherited platform credentials. */
function cleanEnv(env: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { PATH: process.env.PATH, CI: 'true', NO_COLOR: '1', ...env };
}

let running = false;

/**
 * The CLI in this process. The exit code is the one global the CLI sets (`process.exitCode`, as the one error
 * boundary and the command handlers do): it is read after the run and put back as it was, so runs must not
 * overlap — a second one at the same time throws rather than read the other's code.
 */
export async function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  if (running) throw new Error('runCli: runs in this process cannot overlap (they share process.exitCode)');
  running = true;
  const io = memoryIo(options.cwd ?? process.cwd(), cleanEnv(options.env), options.input ?? '');
  const before = process.exitCode;
  process.exitCode = undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    // Without a bound of its own, a run that hangs is ended by the test's timeout.
    const hung = new Promise<'hung'>((resolve) => {
      if (options.timeoutMs !== undefined) timer = setTimeout(() => resolve('hung'), options.timeoutMs);
    });
    const outcome = await Promise.race([main(args, io), hung]);
    // Output written on the run's last turn reaches the in-memory streams' readers on the next one.
    await new Promise((resolve) => setImmediate(resolve));
    const code = outcome === 'hung' ? null : Number(process.exitCode ?? 0);
    return { code, stdout: io.out(), stderr: io.err() };
  } finally {
    clearTimeout(timer);
    process.exitCode = before;
    running = false;
  }
}

/** The built CLI as a child process, killed after `timeoutMs`. */
export function runCliProcess(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: options.cwd,
      env: cleanEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? DEFAULT_TIME_BOUND_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
