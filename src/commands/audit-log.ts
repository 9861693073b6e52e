// `--log-file`: the JSON-lines audit of every API call. Each line is written synchronously, so the file holds
// every call answered up to the moment the process ends — also when a second Ctrl-C or SIGTERM ends it at once.
import { closeSync, openSync, writeSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { HttpLog } from '../http/log.js';

export interface AuditLog {
  /** Records one HTTP call. */
  call: HttpLog;
  /** Records something that is not a call (writes left unconfirmed by a forced stop). */
  note(record: Record<string, unknown>): void;
  close(): void;
}

export function openAuditLog(file: string): AuditLog {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'a');
  } catch (error) {
    throw new UsageError(`Cannot open the log file ${file}: ${(error as Error).message}`, { cause: error });
  }
  // A failed read ends the command while sibling calls are still in flight: what ends after close goes unlogged.
  const write = (record: object): void => {
    if (fd !== undefined) writeSync(fd, JSON.stringify({ time: new Date().toISOString(), ...record }) + '\n');
  };
  return {
    call: write,
    note: write,
    close: () => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
