// Every benchmark case, one row each in `npm run bench`. Add plan speed, emulator throughput… here.
import type { BenchCase } from '../case.js';
import { loadConfigCase } from './load-config.js';

export const cases: readonly BenchCase[] = [loadConfigCase];
