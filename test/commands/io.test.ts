import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { useColor, type Io } from '../../src/commands/io.js';

function io(env: Record<string, string>, tty: boolean): Io {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  return { stdout, stderr: new PassThrough(), stdin: new PassThrough(), interactive: tty, env, cwd: '/' };
}
const on = { config: 'groups.yaml', color: true, verbose: false };

describe('useColor', () => {
  it('colours a terminal unless NO_COLOR is set', () => {
    expect(useColor(io({}, true), on)).toBe(true);
    expect(useColor(io({ NO_COLOR: '1' }, true), on)).toBe(false);
    expect(useColor(io({ NO_COLOR: '' }, true), on)).toBe(true);
    expect(useColor(io({}, false), on)).toBe(false);
  });

  it('follows FORCE_COLOR where it is set (a CI log is no terminal), as Node does', () => {
    expect(useColor(io({ FORCE_COLOR: '1' }, false), on)).toBe(true);
    expect(useColor(io({ FORCE_COLOR: '' }, false), on)).toBe(true);
    expect(useColor(io({ FORCE_COLOR: '1', NO_COLOR: '1' }, false), on)).toBe(true);
    expect(useColor(io({ FORCE_COLOR: '0' }, true), on)).toBe(false);
    expect(useColor(io({ FORCE_COLOR: 'false' }, true), on)).toBe(false);
  });

  it('never colours with --no-color', () => {
    expect(useColor(io({ FORCE_COLOR: '1' }, true), { ...on, color: false })).toBe(false);
  });
});
