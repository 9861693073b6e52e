// A project folder holding a hostile config (and members files), run through the CLI with a time bound (and,
// for the tests about memory, as a process with a memory bound), and what every such run must show: a clear error, exit 1, no secret or
// foreign file content in any output, nothing written into the folder.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli, runCliProcess, type CliResult } from '../helpers/run-cli.js';

/** A credential the configs read from the environment; it must appear in no output. */
export const API_KEY = 'xk-live-SECRET-5f1e9a07c3';
/** Any other variable of the environment, as /proc/self/environ would show it. */
const CANARY = 'canary-env-value-77d3b1';
/** The heap a run as a process may use: the attacks this bounds once took gigabytes. */
const MAX_HEAP_MB = 256;
/** Long enough for a loaded machine, far shorter than a hang. */
const TIME_LIMIT_MS = 20_000;

/**
 * The config's head: one Xtrakit provider with its key from the environment, at a loopback port
 * where nothing listens, so that a run that wrongly got past the config could reach no platform.
 */
export const HEAD =
  [
    'version: 1',
    'providers:',
    '  xk:',
    '    type: xtrakit',
    '    base_url: http://127.0.0.1:1',
    '    api_key: ${XTRAKIT_API_KEY}',
    'defaults:',
    '  providers: [xk]',
    'groups:',
  ].join('\n') + '\n';
/** The number of lines of HEAD, to compute the line of what follows it. */
export const HEAD_LINES = 9;

export interface Project {
  dir: string;
  /** Writes a file into the project (a relative path). */
  write(name: string, content: string | Buffer): string;
  /** Runs the CLI in the project folder, with the key and the canary (and `env`) in the environment. */
  run(args: string[], env?: Record<string, string>): Promise<CliResult>;
  /** The project's files, recursively, to show that a run wrote nothing. */
  files(): string[];
  remove(): void;
}

/**
 * `heapBound`: run the built CLI as a process limited to MAX_HEAP_MB of heap, for the tests of input that once
 * took gigabytes (in the test's process nothing would bound it); otherwise the CLI runs in the test's process.
 */
export function project({ heapBound = false } = {}): Project {
  const dir = mkdtempSync(path.join(tmpdir(), 'groupform-hostile-'));
  const files = (): string[] => (readdirSync(dir, { recursive: true }) as string[]).sort();
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    run(args, env = {}) {
      const heap = heapBound ? { NODE_OPTIONS: `--max-old-space-size=${MAX_HEAP_MB}` } : {};
      return (heapBound ? runCliProcess : runCli)(args, { cwd: dir, env: { XTRAKIT_API_KEY: API_KEY, CANARY, ...heap, ...env }, timeoutMs: TIME_LIMIT_MS });
    },
    files,
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The run failed as it must: exit 1 (not a crash, not a kill), no secret, no environment, no foreign text. */
export function expectRefused(result: CliResult, foreign: readonly string[] = []): void {
  const output = result.stdout + result.stderr;
  expect(result.code, output).toBe(1);
  for (const text of [API_KEY, CANARY, 'root:x:0:0', 'PATH=', ...foreign]) expect(output).not.toContain(text);
  expect(output).not.toContain('\uFFFD');
  expect(output).not.toMatch(/JavaScript heap|out of memory|Maximum call stack/i);
}

/** Runs `args` and checks it is refused with `message` at `place` (file:line:column), writing nothing. */
export async function expectRefusedAt(
  p: Project,
  args: string[],
  place: string,
  message: string,
  foreign: readonly string[] = [],
  env?: Record<string, string>,
): Promise<CliResult> {
  const before = p.files();
  const result = await p.run(args, env);
  expectRefused(result, foreign);
  expect(result.stdout + result.stderr).toContain(`${place}: error: ${message}`);
  expect(p.files()).toEqual(before);
  return result;
}
