// A file named on the command line, read whole but only up to a size: hostile or mistaken input (a device, a
// huge file) is refused before it is read. Problems become usage errors naming the file, never its content.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** `what` names the file in messages, as `the saved plan p.json` or `--env-file .env`. */
export async function readBounded(file: string, cwd: string, maxBytes: number, what: string): Promise<string> {
  let handle;
  try {
    handle = await open(path.resolve(cwd, file), 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) throw new UsageError(`${what}: ${size} bytes is more than such a file can be (${maxBytes}).`);
    return await handle.readFile('utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${what}: cannot read it (${(error as Error).message})`, { cause: error });
  } finally {
    await handle?.close();
  }
}
