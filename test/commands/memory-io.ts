// An Io whose output is kept in memory, to call command handlers (or the CLI's `main`) directly.
import { PassThrough } from 'node:stream';
import type { Io } from '../../src/commands/io.js';

export interface MemoryIo extends Io {
  out(): string;
  err(): string;
}

/** `input`: what stdin holds, after which it ends; without it stdin stays open for the test to write to. */
export function memoryIo(cwd: string, env: Record<string, string | undefined>, input?: string): MemoryIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  if (input !== undefined) stdin.end(input);
  return { stdout, stderr, stdin, interactive: false, env, cwd, out: () => out, err: () => err };
}
