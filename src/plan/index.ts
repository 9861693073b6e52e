// The planner's public surface.
export { plan, type PlanOptions } from './plan.js';
