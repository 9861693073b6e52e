// The plan's API cost estimate in words, for the text and Markdown renderers.
import type { CostEstimate } from '../model.js';

/** `38 API calls (12 reads, 26 writes), at least 6 min at the documented rate limit`. */
export function describeCost(estimate: CostEstimate): string {
  const split = estimate.reads === undefined || estimate.writes === undefined ? '' : ` (${count(estimate.reads, 'read')}, ${count(estimate.writes, 'write')})`;
  return `${calls(estimate.calls)}${split}, ${leastTime(estimate.seconds)}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function calls(n: number): string {
  return `${n} API call${n === 1 ? '' : 's'}`;
}

/** `at least 6 min at the documented rate limit`, or why no time can be given. */
export function leastTime(seconds: number | null): string {
  if (seconds === null) return 'time unknown (no documented rate limit)';
  if (seconds === 0) return 'no wait at the documented rate limit';
  return `at least ${duration(seconds)} at the documented rate limit`;
}

/** `45 s`, `6 min 30 s`, `2 h 5 min`: whole units, the smallest dropped past an hour. */
export function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return s % 60 === 0 ? `${minutes} min` : `${minutes} min ${s % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** The estimates worth showing: providers the plan changes (a read alone is what `plan` just did). */
export function costsToShow(estimate: readonly CostEstimate[] | undefined): CostEstimate[] {
  return (estimate ?? []).filter((item) => (item.writes ?? item.calls) > 0);
}
