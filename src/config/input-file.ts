// Reading the files a config is made of (the config itself, its members files) as hostile input: only a
// regular file is opened for reading (a FIFO or a device would hang or never end), its size is checked
// before reading and the read itself stops past the limit (a file that grows cannot get by), and the bytes
// must be UTF-8 (a bad byte is an error at its line and column, never a silent U+FFFD).
import { isUtf8 } from 'node:buffer';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { SourcePos } from '../model.js';

/** The largest config file read: far above any hand-written file, far below what would exhaust memory. */
export const MAX_CONFIG_BYTES = 10 * 1024 * 1024;
/** The largest members file read: about two million addresses. */
export const MAX_MEMBERS_FILE_BYTES = 64 * 1024 * 1024;
/** The most addresses (non-blank, non-comment lines) one members file may hold: 64 MB of one-letter lines would be 32 million. */
export const MAX_MEMBERS_FILE_ADDRESSES = 2_000_000;

export type InputFile = { bytes: Buffer; problem?: undefined } | { bytes?: undefined; problem: string; cause?: unknown };

/** The file's bytes, or why they cannot be read, in plain words. */
export async function readInputFile(file: string, maxBytes: number): Promise<InputFile> {
  let handle: FileHandle | undefined;
  try {
    // Non-blocking, so that opening a FIFO returns at once and the check below refuses it.
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { problem: fileProblem(error), cause: error };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { problem: 'it is a folder, not a file' };
    if (!stat.isFile()) return { problem: 'it is not a regular file (a device, pipe or socket)' };
    if (stat.size > maxBytes) return { problem: tooLarge(`is ${size(stat.size)}`, maxBytes) };
    const bytes = await readAtMost(handle, stat.size, maxBytes);
    return bytes ? { bytes } : { problem: tooLarge('grew while being read', maxBytes) };
  } catch (error) {
    return { problem: fileProblem(error), cause: error };
  } finally {
    await handle.close();
  }
}

/** Reads to the end, or undefined as soon as more than `maxBytes` came. */
async function readAtMost(handle: Awaited<ReturnType<typeof open>>, expected: number, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  // One read for a file that keeps its size; a byte more shows whether it grew.
  let want = expected + 1;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) return undefined;
    want = 1024 * 1024;
  }
}

function tooLarge(what: string, maxBytes: number): string {
  return `it ${what}, more than the ${size(maxBytes)} groupform reads`;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB` : `${bytes} bytes`;
}

/** A file system error in plain words. */
export function fileProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'there is no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'it is a loop of symbolic links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of UTF-8 bytes (a byte order mark kept), or the place of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Buffer, file: string): { text: string; badByte?: undefined } | { text?: undefined; badByte: SourcePos } {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { badByte: firstBadByte(bytes, file) };
  }
}

/** Where the first byte that is not UTF-8 is, if any: for a file whose text is not needed whole (a members file). */
export function badUtf8Byte(bytes: Buffer, file: string): SourcePos | undefined {
  return isUtf8(bytes) ? undefined : firstBadByte(bytes, file);
}

/**
 * Decoding leniently maps each bad byte to U+FFFD and everything before the first one exactly: so the first
 * U+FFFD that the bytes do not spell out (EF BF BD) is the first bad byte.
 */
function firstBadByte(bytes: Buffer, file: string): SourcePos {
  const text = bytes.toString('utf8');
  let offset = 0; // of the character at `from`
  let from = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) {
    offset += Buffer.byteLength(text.slice(from, at));
    from = at;
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
    return { file, line, column: at - lineStart + 1 };
  }
  return { file, line: 1, column: 1 }; // not reached: the strict decoder found a bad byte
}

/** The finding for bytes that are not UTF-8, at the first bad one. */
export function notUtf8Message(what: string): string {
  return `${what} is not valid UTF-8 text: the byte here is not part of any character; save the file as UTF-8.`;
}
