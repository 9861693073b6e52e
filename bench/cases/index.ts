// Every benchmark case, one row each in `npm run bench`, in this order.
import type { BenchCase } from '../case.js';
import { applyCases } from './apply.js';
import { bulkCase } from './bulk.js';
import { loadConfigCase } from './load-config.js';
import { planCase } from './plan.js';
import { planBigStoreCase } from './plan-big-store.js';
import { rateLimitsCases } from './rate-limits.js';
import { readPlanCases } from './read-plan.js';
import { renderCases } from './render.js';

export const cases: readonly BenchCase[] = [
  loadConfigCase,
  planCase,
  ...readPlanCases,
  ...applyCases,
  ...rateLimitsCases,
  bulkCase,
  ...renderCases,
  planBigStoreCase,
];
