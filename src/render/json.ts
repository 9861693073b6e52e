// The plan as JSON: the plan object itself (what `plan --out` saves and `apply plan.json` reads),
// with keys sorted at every level so the same plan always gives the same text.
import type { Plan } from '../model.js';
import { canonicalJson } from '../plan/values.js';

export function renderJson(plan: Plan): string {
  return canonicalJson(plan, 2) + '\n';
}
