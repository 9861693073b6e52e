// The planner's public surface.
export { plan, summarize, type PlanOptions } from './plan.js';
export type { PlanTarget } from './targets.js';
export { fingerprint } from './fingerprint.js';
export { checkSafety } from './safety.js';
export { groupAddress, groupRefLabel, memberAddress, memberIdAddress, memberLabel } from './address.js';
