import { describe, expect, it } from 'vitest';
import { Limiter, type Call } from '../../src/http/limiter.js';
import type { RateRule } from '../../src/model.js';
import { RATE_RULES } from '../../src/providers/commercelayer/limits.js';
import { all, fakeClock } from './helpers.js';

const GET: Call = { class: 'read', endpoint: 'GET /things' };
const CL_GET: Call = { class: 'read', endpoint: 'GET /api/customer_groups/:id/customers' };
const PATCH: Call = { class: 'write', endpoint: 'PATCH /api/customers/:id' };

/** Runs `n` calls through the limiter, each holding its slot for `holdMs` of virtual time; returns start times. */
async function run(limiter: Limiter, clock: ReturnType<typeof fakeClock>, n: number, holdMs = 0, call = GET): Promise<number[]> {
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: n }, async () => {
      const ticket = await limiter.acquire(call);
      starts.push(clock.now());
      if (holdMs) await clock.sleep(holdMs);
      limiter.release(ticket);
    }),
  );
  return starts;
}

describe('Limiter', () => {
  it('keeps at most `concurrency` calls in flight', async () => {
    const clock = fakeClock();
    const limiter = new Limiter({ concurrency: 2, rules: [], clock });
    let inFlight = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 7 }, async () => {
        const ticket = await limiter.acquire(GET);
        most = Math.max(most, ++inFlight);
        await clock.sleep(10);
        inFlight--;
        limiter.release(ticket);
      }),
    );
    expect(most).toBe(2);
  });

  it('respects every sliding window at once', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 50, rules: [all(3, 100), all(5, 1000)], clock });
    const starts = await run(limiter, clock, 12);
    for (const t of starts) {
      expect(starts.filter((s) => s >= t && s < t + 100).length).toBeLessThanOrEqual(3);
      expect(starts.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(5);
    }
    expect(starts).toEqual([0, 0, 0, 100, 100, 1000, 1000, 1000, 1100, 1100, 2000, 2000]);
  });

  it('reports the waits it makes for a rate, not for a slot', async () => {
    const clock = fakeClock(0);
    const waits: number[] = [];
    const limiter = new Limiter({ concurrency: 1, rules: [all(2, 1000)], clock, onWait: (ms) => void waits.push(ms) });
    await run(limiter, clock, 3, 10);
    // Calls are counted until a window after their answer: the first was answered at 10, the third starts at 1010.
    expect(waits).toEqual([990]);
  });

  it('holds every call until a given time', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 5, rules: [], clock });
    limiter.hold(5000);
    expect(await run(limiter, clock, 2)).toEqual([5000, 5000]);
  });

  it('takes window sizes from the platform (Commerce Layer X-Ratelimit-Limit / -Interval)', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 10, rules: [all(100, 60_000)], clock });
    limiter.observe({ limit: 2, windowMs: 60_000 }, GET);
    expect(await run(limiter, clock, 3)).toEqual([0, 0, 60_000]);
  });

  it('spaces calls at the sustainable rate when a sliding budget runs low (Commerce Layer)', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 1, rules: [], clock });
    limiter.observe({ limit: 100, windowMs: 60_000, remaining: 50 }, GET);
    expect(await run(limiter, clock, 2)).toEqual([0, 0]);
    limiter.observe({ limit: 100, windowMs: 60_000, remaining: 10 }, GET);
    expect(await run(limiter, clock, 2)).toEqual([600, 1200]);
  });

  it('keeps spacing calls when the platform names no window', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 1, rules: [], clock });
    limiter.observe({ remaining: 1, resetMs: 3000 }, GET);
    expect(await run(limiter, clock, 3)).toEqual([0, 3000, 6000]);
  });

  it('slows down as BigCommerce Requests-Left falls, and waits for the reset when none are left', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 1, rules: [], clock });
    limiter.observe({ limit: 150, windowMs: 30_000, remaining: 20, resetMs: 10_000 }, GET);
    expect(await run(limiter, clock, 2)).toEqual([0, 500]);
    limiter.observe({ limit: 150, windowMs: 30_000, remaining: 0, resetMs: 8_000 }, GET);
    expect((await run(limiter, clock, 1))[0]).toBe(8500);
  });

  it('counts a call until a window after its answer, not its start (the platform counts it on arrival)', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 5, rules: [all(2, 1000)], clock });
    // Each call takes 300 ms: the third may start only 1000 ms after the first was answered.
    expect(await run(limiter, clock, 3, 300)).toEqual([0, 0, 1300]);
  });

  it('waits for an answer when calls in flight alone fill a window', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 5, rules: [all(2, 100)], clock });
    expect(await run(limiter, clock, 3, 500)).toEqual([0, 0, 600]);
  });

  it('counts reads and writes apart, each under its own rules', async () => {
    const clock = fakeClock(0);
    const rules: RateRule[] = [
      { counts: 'read', perEndpoint: false, limit: 2, windowMs: 1000 },
      { counts: 'write', perEndpoint: false, limit: 2, windowMs: 1000 },
    ];
    const limiter = new Limiter({ concurrency: 10, rules, clock });
    const [reads, writes] = await Promise.all([run(limiter, clock, 3), run(limiter, clock, 3, 0, PATCH)]);
    expect(reads).toEqual([0, 0, 1000]);
    expect(writes).toEqual([0, 0, 1000]);
  });

  it("gives each endpoint its own burst budget, within the class's average", async () => {
    const clock = fakeClock(0);
    const rules: RateRule[] = [
      { counts: 'write', perEndpoint: true, limit: 2, windowMs: 1000 },
      { counts: 'write', perEndpoint: false, limit: 3, windowMs: 10_000 },
    ];
    const limiter = new Limiter({ concurrency: 10, rules, clock });
    const post: Call = { class: 'write', endpoint: 'POST /api/customer_groups' };
    const [patches, posts] = await Promise.all([run(limiter, clock, 2, 0, PATCH), run(limiter, clock, 2, 0, post)]);
    // Two PATCHes fill their endpoint's burst; one POST still fits the class's 3, the second waits for the average.
    expect(patches).toEqual([0, 0]);
    expect(posts).toEqual([0, 10_000]);
  });

  it('takes new rules at once (the token said live), still counting the calls made', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 10, rules: [all(2, 1000)], clock });
    expect(await run(limiter, clock, 2)).toEqual([0, 0]);
    limiter.setRules([all(4, 1000)]);
    expect(await run(limiter, clock, 3)).toEqual([0, 0, 1000]);
  });

  it("learns a BigCommerce store's quota from its headers, window and all", () => {
    const limiter = new Limiter({ concurrency: 1, rules: [all(150, 30_000)], clock: fakeClock(0) });
    limiter.observe({ limit: 450, windowMs: 30_000, remaining: 449, resetMs: 29_000 }, GET);
    expect(limiter.rules()).toEqual([all(450, 30_000)]);
    limiter.observe({ limit: 1000, windowMs: 60_000, remaining: 999, resetMs: 59_000 }, GET);
    expect(limiter.rules()).toEqual([all(1000, 60_000)]);
  });

  it("learns no limit that comes without its window (Laravel's X-RateLimit-Limit, Xtrakit): it could be per any window", async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 1, rules: [all(60, 60_000)], clock });
    limiter.observe({ limit: 6, remaining: 1 }, GET);
    expect(limiter.rules()).toEqual([all(60, 60_000)]);
    expect(await run(limiter, clock, 3)).toEqual([0, 0, 0]);
  });

  it("applies a report to the rule it describes: a refused burst never shrinks the class's average", () => {
    const burst: RateRule = { counts: 'write', perEndpoint: true, limit: 25, windowMs: 10_000 };
    const average: RateRule = { counts: 'write', perEndpoint: false, limit: 100, windowMs: 60_000 };
    const read: RateRule = { counts: 'read', perEndpoint: false, limit: 100, windowMs: 60_000 };
    const limiter = new Limiter({ concurrency: 1, rules: [burst, average, read], clock: fakeClock(0) });
    limiter.observe({ limit: 200, windowMs: 60_000, remaining: 150 }, PATCH);
    limiter.observe({ limit: 25, windowMs: 10_000, remaining: 0 }, PATCH);
    expect(limiter.rules()).toEqual([burst, { ...average, limit: 200 }, read]);
  });

  it('spaces only the class whose budget runs low', async () => {
    const clock = fakeClock(0);
    const rules: RateRule[] = [
      { counts: 'read', perEndpoint: false, limit: 100, windowMs: 60_000 },
      { counts: 'write', perEndpoint: false, limit: 100, windowMs: 60_000 },
    ];
    const limiter = new Limiter({ concurrency: 1, rules, clock });
    limiter.observe({ limit: 100, windowMs: 60_000, remaining: 10 }, PATCH);
    expect(await run(limiter, clock, 2)).toEqual([0, 0]);
    expect(await run(limiter, clock, 2, 0, PATCH)).toEqual([0, 600]);
  });

  it('spaces a sliding budget only when others spend it too: our own calls alone, the window paces them', async () => {
    const clock = fakeClock(0);
    const rule: RateRule = { counts: 'write', perEndpoint: false, limit: 10, windowMs: 60_000 };
    const limiter = new Limiter({ concurrency: 1, rules: [rule], clock });
    expect(await run(limiter, clock, 9, 0, PATCH)).toEqual(Array(9).fill(0));
    // The platform saw our 9: 1 left, as our count says. No spacing; the window lets the 10th go at once.
    limiter.observe({ limit: 10, windowMs: 60_000, remaining: 1 }, PATCH);
    expect(await run(limiter, clock, 1, 0, PATCH)).toEqual([0]);
    // Someone else spent 5 more: calls are spaced at the average rate (6 s), besides the window.
    await clock.sleep(60_000);
    limiter.observe({ limit: 10, windowMs: 60_000, remaining: 1 }, PATCH);
    expect(await run(limiter, clock, 2, 0, PATCH)).toEqual([60_000, 66_000]);
  });

  it('says which rule it waits for', async () => {
    const clock = fakeClock(0);
    const reasons: string[] = [];
    const rules: RateRule[] = [{ counts: 'write', perEndpoint: true, limit: 1, windowMs: 10_000 }];
    const limiter = new Limiter({ concurrency: 1, rules, clock, onWait: (_ms, why) => void reasons.push(why) });
    await run(limiter, clock, 2, 0, PATCH);
    expect(reasons).toEqual(['writes: 1 per 10 s on PATCH /api/customers/:id']);
  });
});

describe('Limiter.leastMs', () => {
  it('is the windows the calls beyond the free room still need, under the strictest rule of their class', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 100, rules: RATE_RULES.test, clock });
    expect(limiter.leastMs(25, 'read')).toBe(0);
    // 26..100 fit the minute's 100 but need three more 10 s bursts; 101..125 a minute later.
    expect(limiter.leastMs(100, 'read')).toBe(30_000);
    expect(limiter.leastMs(125, 'read')).toBe(60_000);
    await run(limiter, clock, 25, 0, PATCH);
    expect(limiter.leastMs(1, 'write')).toBe(10_000);
    expect(limiter.leastMs(1, 'read')).toBe(0);
  });
});

describe("Commerce Layer's rules in the limiter", () => {
  /** Start times of 30 reads and 30 writes to one endpoint each, sent at once. */
  const burst = async (environment: 'test' | 'live') => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 100, rules: RATE_RULES[environment], clock });
    const [reads, writes] = await Promise.all([run(limiter, clock, 30, 0, CL_GET), run(limiter, clock, 30, 0, PATCH)]);
    return { reads: [...new Set(reads)], writes: [...new Set(writes)] };
  };

  it('test: 25 reads and 25 writes per endpoint in 10 s, each class on its own', async () => {
    expect(await burst('test')).toEqual({ reads: [0, 10_000], writes: [0, 10_000] });
  });

  it('live: 50 of each', async () => {
    expect(await burst('live')).toEqual({ reads: [0], writes: [0] });
  });

  it('test: 100 writes a minute over every endpoint of the class', async () => {
    const clock = fakeClock(0);
    const limiter = new Limiter({ concurrency: 200, rules: RATE_RULES.test, clock });
    const endpoints = [
      'PATCH /api/customers/:id',
      'POST /api/customer_groups',
      'PATCH /api/customer_groups/:id',
      'DELETE /api/customer_groups/:id',
      'PATCH /api/x/:id',
    ];
    const starts = (await Promise.all(endpoints.map((endpoint) => run(limiter, clock, 25, 0, { class: 'write', endpoint })))).flat();
    expect(starts.filter((t) => t < 60_000)).toHaveLength(100);
  });
});
