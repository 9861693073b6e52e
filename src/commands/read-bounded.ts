// A file named on the command line (a saved plan, a baseline, an --env-file), read whole through the config's
// hostile-input reader: only a regular file, its size checked before reading and bounded while reading, strict
// UTF-8. Problems become usage errors naming the file, never its content.
import path from 'node:path';
import { decodeUtf8, readInputFile } from '../config/input-file.js';
import { UsageError } from '../errors.js';

/** `what` names the file in messages, as `the saved plan p.json` or `--env-file .env`. */
export async function readBounded(file: string, cwd: string, maxBytes: number, what: string): Promise<string> {
  const read = await readInputFile(path.resolve(cwd, file), maxBytes);
  if (!read.bytes) throw new UsageError(`${what}: cannot read it: ${read.problem}.`, { cause: read.cause });
  const decoded = decodeUtf8(read.bytes, file);
  if (decoded.badByte) throw new UsageError(`${what}: it is not UTF-8 text (a bad byte at line ${decoded.badByte.line}, column ${decoded.badByte.column}).`);
  return decoded.text;
}
