// The planner's public surface.
export { plan, summarize, type PlanOptions } from './plan.js';
export type { PlanTarget } from './targets.js';
export { fingerprint } from './fingerprint.js';
export { checkSafety } from './safety.js';
export { groupAddress, groupRefLabel, memberAddress, memberIdAddress, memberLabel } from './address.js';
export { estimateCost } from './cost.js';
export { buildSavedPlan, serializeSavedPlan, checkConfigHash, type SavedPlan, type Precondition } from './saved.js';
export { parseSavedPlan } from './saved-file.js';
export { findStale, type StaleItem } from './stale.js';
export { checkSavedPlan, withChanges, type SavedCheck } from './saved-check.js';
export { savedPlanScopes } from './saved-scope.js';
