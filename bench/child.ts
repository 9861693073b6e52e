// Runs one case (by index) on inputs already prepared in a folder, and sends its measurements to the parent.
import { performance } from 'node:perf_hooks';
import type { BenchResult } from './case.js';
import { cases } from './cases/index.js';

const [index, dir] = process.argv.slice(2);
const benchCase = cases[Number(index)];
const start = performance.now();
const result = await benchCase.run(dir);
const ms = performance.now() - start;
(globalThis as { gc?: () => void }).gc?.();
const measured: BenchResult = {
  name: benchCase.name,
  ms,
  rssMb: process.resourceUsage().maxRSS / 1024,
  heapMb: process.memoryUsage().heapUsed / 2 ** 20,
};
void result; // kept referenced until the heap is measured
process.send?.(measured);
