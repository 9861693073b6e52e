// A file named on the command line (a saved plan, an env file), read as hostile input through the config's
// own reader (regular files only, size checked before and during the read). Problems become usage errors
// naming the file, never showing its content.
import path from 'node:path';
import { readInputFile } from '../config/input-file.js';
import { UsageError } from '../errors.js';

/** `what` names the file in messages, as `the saved plan p.json` or `--env-file .env`. */
export async function readBounded(file: string, cwd: string, maxBytes: number, what: string): Promise<string> {
  const read = await readInputFile(path.resolve(cwd, file), maxBytes);
  if (!read.bytes) throw new UsageError(`${what}: cannot read it (${read.problem})`, { cause: read.cause });
  return read.bytes.toString('utf8');
}
