// A file written whole or not at all: a temporary file beside it, renamed over it.
import { rename, writeFile } from 'node:fs/promises';

export async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
