import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/json.js';
import { samplePlan } from './sample-plan.js';

describe('renderJson', () => {
  it('is the plan object itself, pretty-printed', () => {
    const text = renderJson(samplePlan());
    expect(JSON.parse(text)).toEqual(samplePlan());
    expect(text).toMatch(/^\{\n {2}"changes": \[\n {4}\{\n/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('has a stable key order, whatever order the objects were built in', () => {
    const plan = samplePlan();
    const shuffled = Object.fromEntries(Object.entries(plan).reverse()) as typeof plan;
    shuffled.changes = plan.changes.map((change) => Object.fromEntries(Object.entries(change).reverse()) as typeof change);
    expect(renderJson(shuffled)).toBe(renderJson(plan));
  });
});
