// Canonical JSON: the one way the planner compares and serialises values, so that object key order never
// makes a difference (no perpetual diffs) and the same live state always hashes the same.
import type { Json } from '../model.js';

/** A copy of `value` with every object's keys sorted; undefined object members are dropped, as JSON does. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key] = sortKeys(member);
    }
    return sorted;
  }
  return value;
}

/** JSON text with sorted keys; `indent` as JSON.stringify's. */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

/**
 * Deep equality of two field values: object key order is irrelevant, array order matters (providers
 * normalise what they echo), and a field the platform does not return equals `null`.
 */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}
