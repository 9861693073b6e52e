// Every benchmark case, one row each in `npm run bench`, in this order.
import type { BenchCase } from '../case.js';
import { loadConfigCase } from './load-config.js';
import { planCase } from './plan.js';
import { readPlanCase } from './read-plan.js';

export const cases: readonly BenchCase[] = [loadConfigCase, planCase, readPlanCase];
