// The fingerprint of the live state a plan was computed from, so a saved plan can be refused once the
// platforms have changed. The same live state always gives the same fingerprint, whatever order it was read in.
import { createHash } from 'node:crypto';
import type { LiveState } from '../model.js';
import { canonicalJson } from './values.js';

export function fingerprint(live: readonly LiveState[]): string {
  const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => compare(a.id, b.id));
  const canonical = [...live]
    .sort((a, b) => compare(a.provider, b.provider))
    .map((state) => ({ provider: state.provider, groups: byId(state.groups), customers: byId(state.customers) }));
  return createHash('sha256').update(canonicalJson(canonical)).digest('hex');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
