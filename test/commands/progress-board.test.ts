import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressBoard } from '../../src/commands/progress-board.js';

function sink(): { stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return { stream, text: () => text };
}

describe('ProgressBoard', () => {
  it('has no line for a provider before its first call, then its calls and the time left', () => {
    let now = 0;
    const board = new ProgressBoard(() => now);
    expect(board.line('cl')).toBeUndefined();
    const feed = board.feed('cl');
    feed({ done: 0, pending: 4, leastMs: 0 });
    now = 2000;
    feed({ done: 2, pending: 2, leastMs: 0 });
    expect(board.line('cl')).toBe('cl: 2 calls done, 2 to go, about 2 s left');
  });

  it('prints a line per provider at most every interval, the first once the work has lasted that long', () => {
    let now = 0;
    const board = new ProgressBoard(() => now);
    const out = sink();
    const stop = board.print(out.stream, new Set(['cl', 'bc']), 5000);
    const cl = board.feed('cl');
    const bc = board.feed('bc');
    const xk = board.feed('xk');
    for (let done = 0; done <= 12; done++) {
      cl({ done, pending: 12 - done, leastMs: 0 });
      bc({ done, pending: 12 - done, leastMs: 0 });
      xk({ done, pending: 12 - done, leastMs: 0 });
      now += 1000;
    }
    stop();
    cl({ done: 13, pending: 0, leastMs: 0 });
    // Events at 0..12 s: lines at 5 s and 10 s for each provider asked for, none for xk, none after the stop.
    expect(out.text().split('\n').filter(Boolean)).toEqual([
      'cl: 5 calls done, 7 to go, about 7 s left',
      'bc: 5 calls done, 7 to go, about 7 s left',
      'cl: 10 calls done, 2 to go, about 2 s left',
      'bc: 10 calls done, 2 to go, about 2 s left',
    ]);
  });
});
