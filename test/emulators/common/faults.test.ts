import { describe, expect, it } from 'vitest';
import { createFaultPlan, type FaultKnobs } from '../../../src/emulators/common/faults.js';

const draws = (knobs: FaultKnobs, seed: number, n = 200) => {
  const next = createFaultPlan(knobs, seed);
  return Array.from({ length: n }, () => next());
};

describe('createFaultPlan', () => {
  it('gives the same draws for the same seed and knobs', () => {
    expect(draws({ faultRate: 0.3, slowRate: 0.2, slowMs: 50 }, 42)).toEqual(draws({ faultRate: 0.3, slowRate: 0.2, slowMs: 50 }, 42));
    expect(draws({ faultRate: 0.3 }, 42)).not.toEqual(draws({ faultRate: 0.3 }, 43));
  });

  it('fails about the share asked for, with the kinds asked for', () => {
    const failed = draws({ faultRate: 0.25, kinds: ['reset'] }, 5, 2000).filter((d) => d.fault);
    expect(failed.length).toBeGreaterThan(400);
    expect(failed.length).toBeLessThan(600);
    expect(new Set(failed.map((d) => d.fault))).toEqual(new Set(['reset']));
  });

  it('adds latency to every draw and slowMs to the slow share', () => {
    const delays = new Set(draws({ latencyMs: 10, slowRate: 0.5, slowMs: 100 }, 9).map((d) => d.delayMs));
    expect(delays).toEqual(new Set([10, 110]));
  });

  it('does nothing by default', () => {
    expect(draws({}, 1).every((d) => d.delayMs === 0 && d.fault === undefined)).toBe(true);
  });

  it('keeps the fault sequence when only the slow knobs change', () => {
    const faults = (knobs: FaultKnobs) => draws({ faultRate: 0.3, ...knobs }, 8).map((d) => d.fault);
    expect(faults({ slowRate: 0.9 })).toEqual(faults({}));
  });
});
