import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model.js';
import { renderSummary } from '../../src/render/summary.js';
import { samplePlan } from './sample-plan.js';

const withSummary = (summary: Plan['summary']): Plan => ({ ...samplePlan(), summary });

describe('renderSummary', () => {
  it('counts groups and customers, in the singular where there is one', () => {
    expect(renderSummary(withSummary({ groupsToCreate: 1, groupsToUpdate: 2, groupsToDelete: 0, customersToMove: 37 }))).toBe(
      'Plan: 1 group to add, 2 to change, 0 to delete; 37 customers to move.',
    );
    expect(renderSummary(withSummary({ groupsToCreate: 2, groupsToUpdate: 0, groupsToDelete: 1, customersToMove: 1 }))).toBe(
      'Plan: 2 groups to add, 0 to change, 1 to delete; 1 customer to move.',
    );
  });

  it('names the config file when there is nothing to do', () => {
    expect(renderSummary({ ...samplePlan(), changes: [] }, 'groups.prod.yaml')).toBe('No changes. Live state matches groups.prod.yaml.');
  });
});
