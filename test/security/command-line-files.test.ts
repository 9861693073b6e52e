// Files named on the command line (a saved plan for show and apply, a drift baseline, an --env-file) are
// hostile input as the config is: a device, a FIFO, a file past its size or not UTF-8 is refused at once with
// a message naming it, never read whole, never waited on. (Once: `show /dev/zero` died out of memory, `show
// FIFO` hung.)
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryIo } from '../commands/memory-io.js';
import { expectRefused, HEAD, project, type Project } from './hostile-config.js';

const NOT_REGULAR = 'cannot read it: it is not a regular file (a device, pipe or socket).';

let p: Project;
beforeEach(() => {
  p = project();
  p.write('groups.yaml', `${HEAD}  vip:\n    name: VIP\n`);
  execFileSync('mkfifo', [path.join(p.dir, 'fifo')]);
});
afterEach(() => p.remove());

async function expectUsageError(args: string[], message: string): Promise<void> {
  const before = p.files();
  const result = await p.run(args);
  expectRefused(result);
  expect(result.stderr).toContain(`Error: ${message}`);
  expect(p.files()).toEqual(before);
}

describe('files named on the command line', () => {
  it.each([
    [['show', '/dev/zero'], `the saved plan /dev/zero: ${NOT_REGULAR}`],
    [['show', 'fifo'], `the saved plan fifo: ${NOT_REGULAR}`],
    [['apply', '/dev/zero', '--auto-approve'], `the saved plan /dev/zero: ${NOT_REGULAR}`],
    [['apply', 'fifo', '--auto-approve'], `the saved plan fifo: ${NOT_REGULAR}`],
    [['drift', '--baseline', 'fifo'], `the baseline fifo: ${NOT_REGULAR}`],
  ])('%j is refused at once', async (args, message) => {
    await expectUsageError(args, message);
  });

  it('a saved plan past its size is refused from its size', async () => {
    const fd = openSync(path.join(p.dir, 'big.json'), 'w');
    ftruncateSync(fd, 300 * 1024 * 1024);
    closeSync(fd);
    await expectUsageError(['show', 'big.json'], 'the saved plan big.json: cannot read it: it is 300 MB, more than the 256 MB groupform reads.');
  });

  it('a saved plan that is not UTF-8 is refused at its bad byte', async () => {
    p.write('latin1.json', Buffer.from([0x7b, 0x0a, 0x22, 0xe9, 0x22, 0x7d]));
    await expectUsageError(['show', 'latin1.json'], 'the saved plan latin1.json: it is not UTF-8 text (a bad byte at line 2, column 2).');
  });

  // In process: Node 20 itself reads `--env-file` from a script's arguments (nodejs/node#54232), so a child
  // process would hang in Node before groupform runs.
  it('an --env-file that is a FIFO is refused at once', async () => {
    const io = memoryIo(p.dir, {});
    try {
      await main(['validate', '--env-file', 'fifo'], io);
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = undefined;
    }
    expect(io.err()).toContain(`--env-file fifo: ${NOT_REGULAR}`);
  });
});
