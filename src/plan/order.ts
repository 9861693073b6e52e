// The plan's order (DESIGN.md §3): group creates, group updates, membership moves, unassigns, group deletes;
// within each, by provider, then group address, then the customer's address (its e-mail, or its id). Groups exist before customers move into
// them, and are emptied before they are deleted.
import type { Change } from '../model.js';
import { groupAddress } from './address.js';

export function orderChanges(changes: readonly Change[]): Change[] {
  return changes
    .map((change) => ({ change, key: sortKey(change) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ change }) => change);
}

type SortKey = [phase: number, provider: string, group: string, member: string];

function sortKey(change: Change): SortKey {
  switch (change.kind) {
    case 'group': {
      const phase = { create: 0, update: 1, delete: 4 }[change.action];
      return [phase, change.provider, change.address, ''];
    }
    case 'membership': {
      // Moves sort under the group they join, unassigns under the group they leave.
      const ref = change.after ?? change.before;
      const group = ref ? groupAddress(change.provider, ref.key, ref.id) : '';
      return [change.action === 'delete' ? 3 : 2, change.provider, group, change.address];
    }
  }
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
