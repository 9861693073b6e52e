// The closing line of a rendered plan, Terraform-style.
import type { Plan } from '../model.js';
import { count } from './plan-view.js';

/** `Plan: 1 group to add, 2 to change, 0 to delete; 37 customers to move.` or the no-changes line. */
export function renderSummary(plan: Plan, configFile = 'groups.yaml'): string {
  if (plan.changes.length === 0) return `No changes. Live state matches ${configFile}.`;
  const { groupsToCreate, groupsToUpdate, groupsToDelete, customersToMove } = plan.summary;
  return (
    `Plan: ${count(groupsToCreate, 'group')} to add, ${groupsToUpdate} to change, ${groupsToDelete} to delete; ` +
    `${count(customersToMove, 'customer')} to move.`
  );
}
