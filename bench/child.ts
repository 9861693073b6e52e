// Runs one case (by index) on inputs already prepared in a folder, and sends its measurements to the parent.
import { performance } from 'node:perf_hooks';
import type { BenchResult } from './case.js';
import { cases } from './cases/index.js';

const [index, dir] = process.argv.slice(2);
const benchCase = cases[Number(index)]!;
const session = await benchCase.open(dir!);
try {
  const start = performance.now();
  const report = await session.run();
  const ms = performance.now() - start;
  const measured: BenchResult = { ms, rssMb: process.resourceUsage().maxRSS / 1024, report };
  process.send?.(measured);
} finally {
  await session.close?.();
}
