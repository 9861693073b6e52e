// Decides, request by request, whether to add delay or fail on purpose. Every request draws the same
// three numbers whatever the knobs, so a seed gives the same sequence of outcomes for the same traffic.
import { seededRandom } from './random.js';

/** `error`: a 500 with the platform's error body; `reset`: the connection is destroyed with no response. */
type FaultKind = 'error' | 'reset';

export interface FaultKnobs {
  /** Milliseconds added to every response. Default 0. */
  latencyMs?: number;
  /** Share (0..1) of requests that fail with one of `kinds`. Default 0. */
  faultRate?: number;
  /** Which failures `faultRate` picks from, uniformly. Default both. */
  kinds?: readonly FaultKind[];
  /** Share (0..1) of requests delayed by a further `slowMs`. Default 0. */
  slowRate?: number;
  /** Extra delay of a slow response. Default 2000. */
  slowMs?: number;
}

export interface FaultDraw {
  delayMs: number;
  fault?: FaultKind;
}

export function createFaultPlan(knobs: FaultKnobs, seed: number): () => FaultDraw {
  const random = seededRandom(seed);
  const kinds = knobs.kinds?.length ? knobs.kinds : (['error', 'reset'] as const);
  const rate = clampShare(knobs.faultRate);
  const slowRate = clampShare(knobs.slowRate);
  return () => {
    const failRoll = random();
    const kindRoll = random();
    const slowRoll = random();
    const delayMs = (knobs.latencyMs ?? 0) + (slowRoll < slowRate ? (knobs.slowMs ?? 2000) : 0);
    if (failRoll < rate) return { delayMs, fault: kinds[Math.floor(kindRoll * kinds.length)] };
    return { delayMs };
  };
}

function clampShare(value: number | undefined): number {
  return Math.min(1, Math.max(0, value ?? 0));
}
