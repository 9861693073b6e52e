import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeUtf8, fileProblem, readInputFile } from '../../src/config/input-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'groupform-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInputFile', () => {
  it('reads a regular file whole', async () => {
    writeFileSync(path.join(dir, 'ok.txt'), 'ava@example.com\n');
    expect((await readInputFile(path.join(dir, 'ok.txt'), 100)).bytes?.toString()).toBe('ava@example.com\n');
  });

  it('refuses a file larger than the limit from its size, without reading it', async () => {
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 3 * 1024 * 1024); // sparse: nothing to read, only a size
    expect(await readInputFile(big, 1024 * 1024)).toEqual({ problem: 'it is 3 MB, more than the 1 MB groupform reads' });
  });

  it('stops reading a file that turns out longer than its size said', async () => {
    // Files under /proc say they are empty and then have content, as a file still being written would.
    expect(await readInputFile('/proc/self/status', 100)).toEqual({ problem: 'it grew while being read, more than the 100 bytes groupform reads' });
  });

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await readInputFile(fifo, 100)).toEqual({ problem: 'it is not a regular file (a device, pipe or socket)' });
  });

  it('refuses a device and a folder', async () => {
    expect(await readInputFile('/dev/zero', 100)).toEqual({ problem: 'it is not a regular file (a device, pipe or socket)' });
    expect(await readInputFile(dir, 100)).toEqual({ problem: 'it is a folder, not a file' });
  });

  it('says when there is no such file', async () => {
    expect((await readInputFile(path.join(dir, 'nope.txt'), 100)).problem).toBe('there is no such file');
  });

  it('says when symbolic links go round in a loop', async () => {
    symlinkSync('loop-b', path.join(dir, 'loop-a'));
    symlinkSync('loop-a', path.join(dir, 'loop-b'));
    expect((await readInputFile(path.join(dir, 'loop-a'), 100)).problem).toBe('it is a loop of symbolic links');
  });
});

describe('fileProblem', () => {
  const problem = (code: string, message = 'raw') => fileProblem(Object.assign(new Error(message), { code }));

  it('puts the file system errors a user meets in plain words, and any other by its message', () => {
    expect(problem('EISDIR')).toBe('it is a folder, not a file');
    expect(problem('EACCES')).toBe('permission denied');
    expect(problem('EPERM')).toBe('permission denied');
    expect(problem('EIO', 'EIO: i/o error, read')).toBe('EIO: i/o error, read');
    expect(fileProblem('not an error')).toBe('not an error');
  });
});

describe('decodeUtf8', () => {
  const at = (bytes: number[] | string) => decodeUtf8(Buffer.from(bytes as never), 'f.txt');

  it('decodes UTF-8, keeping a byte order mark and a real U+FFFD', () => {
    expect(at('\uFEFFcafé \uFFFD')).toEqual({ text: '\uFEFFcafé \uFFFD' });
  });

  it.each([
    ['a Latin-1 byte', [0x61, 0x0a, 0x62, 0x63, 0xe9, 0x0a], { line: 2, column: 3 }],
    ['a bad byte after a real U+FFFD', [0xef, 0xbf, 0xbd, 0x61, 0xff], { line: 1, column: 3 }],
    ['an overlong encoding', [0x0a, 0x0a, 0xc0, 0x80], { line: 3, column: 1 }],
    ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80], { line: 1, column: 2 }],
    ['a character cut short at the end', [0x61, 0x62, 0xe2, 0x82], { line: 1, column: 3 }],
  ])('finds %s at its line and column', (_, bytes, place) => {
    expect(at(bytes)).toEqual({ badByte: { file: 'f.txt', ...place } });
  });
});
