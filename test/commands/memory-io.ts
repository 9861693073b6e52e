// An Io whose output is kept in memory, to call command handlers directly.
import { PassThrough } from 'node:stream';
import type { Io } from '../../src/commands/io.js';

export interface MemoryIo extends Io {
  out(): string;
  err(): string;
}

export function memoryIo(cwd: string, env: Record<string, string | undefined>): MemoryIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return { stdout, stderr, stdin: new PassThrough(), interactive: false, env, cwd, out: () => out, err: () => err };
}
