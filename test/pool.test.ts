import { describe, expect, it } from 'vitest';
import { mapPool } from '../src/pool.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('mapPool', () => {
  it('keeps the results in the items order, with at most `limit` at work at once', async () => {
    let busy = 0;
    let most = 0;
    const result = await mapPool([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      most = Math.max(most, ++busy);
      for (let i = 0; i < n; i++) await tick();
      busy--;
      return n * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it('starts nothing after the first failure, lets what is in flight end, then throws that failure', async () => {
    const started: number[] = [];
    let ended = 0;
    const run = mapPool([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 2) throw new Error('page 2 failed');
      await tick();
      ended++;
      return n;
    });
    await expect(run).rejects.toThrow('page 2 failed');
    expect(started).toEqual([1, 2]);
    expect(ended).toBe(1);
  });
});
